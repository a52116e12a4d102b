import * as fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { parseCommuneTransfers } from "./commune-transfers.js";
import { parseCommunes } from "./communes.js";
import { readCsv } from "./csv.js";
import { parseDistrictGazetteer } from "./district-gazetteer.js";

const quote = (f: string) => (/[",\r\n]/.test(f) || f === "" ? `"${f.replaceAll('"', '""')}"` : f);
const field = fc.string({
  unit: fc.constantFrom("a", "b", ",", '"', "\n", "\r\n", " ", "ư", "0"),
  maxLength: 8,
});

describe("gazetteer parsers (laws)", () => {
  it("readCsv reads back any table written with RFC 4180 quoting", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          const text = rows.map((r) => r.map(quote).join(",")).join("\r\n");
          const read = readCsv(text);
          expect("rows" in read && read.rows.map((r) => r.fields)).toEqual(rows);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("the parsers never throw on any text: they return a value or a typed error", () => {
    const header = fc.constantFrom(
      "",
      "provinceCode,districtCode,communeCode,communeName,communeType\n",
      "newProvinceCode,newCommuneCode,newCommuneName,oldCommuneCode,oldCommuneName,transfer\n",
    );
    fc.assert(
      fc.property(header, fc.string({ maxLength: 200 }), (h, body) => {
        for (const r of [
          parseCommunes(h + body),
          parseCommuneTransfers(h + body),
          parseDistrictGazetteer(body),
        ]) {
          if (E.isLeft(r)) expect(typeof r.left._tag).toBe("string");
        }
      }),
      { numRuns: 200 },
    );
  });

  it("parseDistrictGazetteer never throws on any JSON value, __proto__ keys included", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v).replaceAll('"a"', '"__proto__"');
        const r = parseDistrictGazetteer(text);
        expect(E.isLeft(r) ? typeof r.left._tag : "ok").toBeTruthy();
      }),
      { numRuns: 200 },
    );
  });
});
