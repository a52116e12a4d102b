import * as fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { BusinessDateFromText, parseBusinessDate } from "./date-text.js";
import { BusinessDate } from "./time.js";

describe("date text", () => {
  it("law: both spellings of a real date parse to the same BusinessDate, which encodes back to ISO", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01"), max: new Date("2999-12-31"), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const [y, m, day] = iso.split("-");
          const dmy = `${day}/${m}/${y}`;
          expect(parseBusinessDate(dmy)).toEqual(E.right(iso));
          expect(parseBusinessDate(iso)).toEqual(E.right(iso));
          const decoded = BusinessDateFromText.decode(dmy);
          expect(E.isRight(decoded) && BusinessDateFromText.encode(decoded.right)).toBe(iso);
          expect(BusinessDate.is(iso)).toBe(true);
        },
      ),
    );
  });
});
