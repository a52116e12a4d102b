import {
  CURRENT_SCHEMA_VERSION,
  decodeEvent,
  EVENT_TYPES,
  EventMetadata,
  type RawEvent,
} from "@coop-ledger/domain";
import { decodeEventFast, decodeMetadataFast } from "@coop-ledger/store/internal";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { domainEventArbitrary, metadataArbitrary } from "../arbitraries/event-arbitraries.js";
import { configureFastCheckFromEnv } from "../config/fast-check-env.js";
import { mutatedJson } from "./mutate.js";

configureFastCheckFromEnv();

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Whether some object in the tree has an own `"__proto__"` key: inputs the compiled decoders may leave to the codecs. */
const hasProtoKey = (v: unknown): boolean =>
  typeof v === "object" &&
  v !== null &&
  (Object.hasOwn(v, "__proto__") || Object.values(v as Record<string, unknown>).some(hasProtoKey));

/** Every path to a value inside a JSON tree, root excluded, with the value there. */
const leaves = (
  v: Json,
  prefix: ReadonlyArray<string | number> = [],
): Array<[ReadonlyArray<string | number>, Json]> => {
  if (v === null || typeof v !== "object") return [];
  const entries: Array<[string | number, Json]> = Array.isArray(v)
    ? v.map((x, i) => [i, x])
    : Object.entries(v);
  return entries.flatMap(([k, x]) => [
    [[...prefix, k], x] as [ReadonlyArray<string | number>, Json],
    ...leaves(x, [...prefix, k]),
  ]);
};

/** A copy of `v` with the value at `path` replaced (`undefined`: removed). */
const setAt = (v: Json, path: ReadonlyArray<string | number>, value: Json | undefined): Json => {
  const copy = structuredClone(v);
  let parent = copy as Record<string, Json>;
  for (const k of path.slice(0, -1)) parent = parent[k as string] as Record<string, Json>;
  const last = path[path.length - 1] as string;
  if (value !== undefined)
    Object.defineProperty(parent, last, { value, enumerable: true, writable: true, configurable: true });
  else if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete parent[last];
  return copy;
};

const BAD_DATES = [
  "2023-02-29",
  "2021-13-01",
  "2021-04-31",
  "2021-1-01",
  "1899-12-31",
  "3000-01-01",
  "2021-06-01T00:00:00.000Z",
  "2023-01-15T24:00:00.000Z",
  "2023-01-15T08:00:00Z",
  " 2021-06-01",
  "",
];

/**
 * The mutations a damaged or hostile line carries, each at a random place of a valid value's JSON form:
 * a member removed, a value of the wrong type, an extra key (objects), a bad date (strings), a negative,
 * fractional or unsafe amount (numbers); and at the top, an unknown event type or another schema version.
 */
const mutated = <A>(valid: fc.Arbitrary<A>): fc.Arbitrary<unknown> =>
  valid.chain((a) => {
    const json = JSON.parse(JSON.stringify(a)) as Json;
    const ps = leaves(json);
    const at = fc.constantFrom(...ps);
    const other = fc.oneof(fc.jsonValue(), fc.constantFrom<Json>(null, true, 0, -1, "", "x", [], {}));
    return fc.oneof(
      at.map(([p]) => setAt(json, p, undefined)),
      fc.tuple(at, other).map(([[p], x]) => setAt(json, p, x as Json)),
      fc
        .tuple(at, fc.string(), other)
        .map(([[p, x], k, y]) =>
          x !== null && typeof x === "object" && !Array.isArray(x)
            ? setAt(json, [...p, k], y as Json)
            : setAt(json, [k], y as Json),
        ),
      fc
        .tuple(at, fc.constantFrom(...BAD_DATES))
        .map(([[p, x], d]) => (typeof x === "string" ? setAt(json, p, d) : json)),
      fc
        .tuple(
          at,
          fc.constantFrom(
            (n: number) => -n - 1,
            (n: number) => n + 0.5,
            () => 2 ** 53,
            () => -0,
            (n: number) => -n,
          ),
        )
        .map(([[p, x], f]) => (typeof x === "number" ? setAt(json, p, f(x)) : json)),
      fc
        .oneof(fc.string(), fc.constantFrom("constructor", "toString", "__proto__", "hasOwnProperty"))
        .map((type) => ({ ...(json as object), type })),
      fc
        .oneof(fc.integer({ min: -1, max: 4 }), fc.double())
        .map((schemaVersion) => ({ ...(json as object), schemaVersion })),
    );
  });

/** The law for events: the compiled decoder gives `decodeEvent`'s value, and takes every input at the current version that `decodeEvent` takes. */
const eventLaw = (u: unknown): void => {
  const raw = u as RawEvent;
  if (
    typeof raw !== "object" ||
    raw === null ||
    typeof raw.type !== "string" ||
    typeof raw.schemaVersion !== "number"
  )
    return;
  const codec = decodeEvent(raw);
  const fast = decodeEventFast(raw.type, raw.schemaVersion, raw.data);
  if (fast !== undefined) {
    expect(codec).toEqual(E.right(fast));
    // The same value, key for key and in the same order (what is written back and hashed).
    expect(JSON.stringify(fast)).toBe(JSON.stringify(E.isRight(codec) ? codec.right : undefined));
  } else if (E.isRight(codec) && !hasProtoKey(raw)) {
    expect(
      raw.schemaVersion === CURRENT_SCHEMA_VERSION[raw.type as keyof typeof CURRENT_SCHEMA_VERSION],
    ).toBe(false);
  }
};

/** The law for metadata: the compiled decoder accepts iff `EventMetadata.decode` does, with the same value. */
const metadataLaw = (u: unknown): void => {
  const codec = EventMetadata.decode(u);
  const fast = decodeMetadataFast(u);
  if (fast !== undefined) {
    expect(codec).toEqual(E.right(fast));
    expect(JSON.stringify(fast)).toBe(JSON.stringify(E.isRight(codec) ? codec.right : undefined));
  } else expect(E.isRight(codec) && !hasProtoKey(u)).toBe(false);
};

describe("the compiled decoders accept exactly what the codecs accept, with a deeply equal value", () => {
  it("valid events of every type (as stored: their JSON form) and valid metadata", () => {
    fc.assert(
      fc.property(domainEventArbitrary, metadataArbitrary, (e, m) => {
        const raw = JSON.parse(JSON.stringify(e)) as RawEvent;
        expect(decodeEventFast(raw.type, raw.schemaVersion, raw.data)).toBeDefined();
        eventLaw(raw);
        const meta = JSON.parse(JSON.stringify(m)) as unknown;
        expect(decodeMetadataFast(meta)).toBeDefined();
        metadataLaw(meta);
      }),
      { numRuns: 500 },
    );
  });

  it("mutated events: a member removed, a wrong type, an extra key, a bad date, a bad amount, an unknown type or version", () => {
    fc.assert(fc.property(mutated(domainEventArbitrary), eventLaw), { numRuns: 3000 });
    fc.assert(fc.property(mutatedJson(domainEventArbitrary), eventLaw), { numRuns: 1000 });
  });

  it("mutated metadata", () => {
    fc.assert(fc.property(mutated(metadataArbitrary), metadataLaw), { numRuns: 1000 });
    fc.assert(fc.property(fc.anything(), metadataLaw), { numRuns: 300 });
  });

  it("every event type's data of any shape", () => {
    fc.assert(
      fc.property(fc.constantFrom(...EVENT_TYPES), fc.anything(), (type, data) =>
        eventLaw({ type, schemaVersion: CURRENT_SCHEMA_VERSION[type], data }),
      ),
      { numRuns: 500 },
    );
  });

  it('an own "__proto__" key (as JSON.parse makes it) is left to the codec, whose value stands', () => {
    fc.assert(
      fc.property(domainEventArbitrary, fc.jsonValue(), (e, x) => {
        const text = JSON.stringify(e).replace('"data":{', () => `"data":{"__proto__":${JSON.stringify(x)},`);
        const raw = JSON.parse(text) as RawEvent;
        expect(Object.hasOwn(raw.data as object, "__proto__")).toBe(true);
        const fast = decodeEventFast(raw.type, raw.schemaVersion, raw.data);
        expect(fast).toBeUndefined();
        expect(E.isRight(decodeEvent(raw))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
