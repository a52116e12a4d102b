import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BusinessDate, Instant } from "./time.js";

// The brands' definitions as they were written first (capture groups, Number of each group): the law
// is that the checks read by character codes accept exactly the same strings.
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthDays = (y: number, m: number): number =>
  m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
const realDate = (y: number, m: number, d: number): boolean =>
  y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= monthDays(y, m);
const referenceDate = (s: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && realDate(Number(m[1]), Number(m[2]), Number(m[3]));
};
const referenceInstant = (s: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z$/.exec(s);
  return (
    m !== null &&
    realDate(Number(m[1]), Number(m[2]), Number(m[3])) &&
    Number(m[4]) < 24 &&
    Number(m[5]) < 60 &&
    Number(m[6]) < 60
  );
};

/** Digits mostly, with the odd character a date might be mistaken for (other digits, signs, spaces). */
const near = fc.constantFrom(
  ..."0123456789",
  "0",
  "1",
  "2",
  "9",
  "-",
  "T",
  ":",
  ".",
  "Z",
  " ",
  "\n",
  "٣",
  "a",
  "+",
);
const digitsOf = (n: number) => fc.array(near, { minLength: n, maxLength: n }).map((a) => a.join(""));
const pad = (n: number, width: number): string => String(n).padStart(width, "0");
/** A number near a field's bounds mostly, any number of its width sometimes. */
const field = (lo: number, hi: number, max: number) =>
  fc.oneof({ weight: 4, arbitrary: fc.integer({ min: lo, max: hi }) }, fc.integer({ min: 0, max }));
/** A string shaped like a date: years around 1900–2999, months 0–13, days 0–32 (and any digits sometimes). */
const dateLike = fc
  .tuple(field(1890, 3010, 9999), field(0, 13, 99), field(0, 32, 99))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
/** A time of day shaped like an instant's: hours 0–25, minutes and seconds 0–61 (and any digits sometimes). */
const timeLike = fc
  .tuple(field(0, 25, 99), field(0, 61, 99), field(0, 61, 99), fc.integer({ min: 0, max: 999 }))
  .map(([h, m, s, ms]) => `T${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(ms, 3)}Z`);
/** A well-formed string with one character replaced, dropped or added (a near miss). */
const mutated = (base: fc.Arbitrary<string>) =>
  fc.tuple(base, fc.nat(), near, fc.constantFrom("replace", "drop", "add", "none")).map(([s, i, c, how]) => {
    const at = i % (s.length + 1);
    if (how === "replace") return s.slice(0, at) + c + s.slice(at + 1);
    if (how === "drop") return s.slice(0, at) + s.slice(at + 1);
    if (how === "add") return s.slice(0, at) + c + s.slice(at);
    return s;
  });

describe("the time brands read by character codes", () => {
  it("BusinessDate accepts exactly what its capture-group definition accepts", () => {
    fc.assert(
      fc.property(fc.oneof(dateLike, mutated(dateLike), digitsOf(10), fc.string({ maxLength: 12 })), (s) => {
        expect(BusinessDate.is(s)).toBe(referenceDate(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it("Instant accepts exactly what its capture-group definition accepts", () => {
    const instantLike = fc.tuple(dateLike, timeLike).map(([d, t]) => d + t);
    fc.assert(
      fc.property(fc.oneof(instantLike, mutated(instantLike), fc.string({ maxLength: 26 })), (s) => {
        expect(Instant.is(s)).toBe(referenceInstant(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it("the range's ends, leap years and month ends are judged as the calendar does", () => {
    for (const y of [0, 1899, 1900, 1901, 1904, 1999, 2000, 2023, 2024, 2100, 2200, 2400, 2999, 3000, 9999])
      for (let m = 0; m <= 13; m++)
        for (const d of [0, 1, 28, 29, 30, 31, 32]) {
          const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          expect(BusinessDate.is(s)).toBe(referenceDate(s));
          expect(Instant.is(`${s}T23:59:59.999Z`)).toBe(referenceDate(s));
        }
  });
});
