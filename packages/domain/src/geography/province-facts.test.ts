import { describe, expect, it } from "vitest";
import { provinces } from "./provinces.js";
import { readGeo, withGeoFiles } from "./test-support/geo-files.js";

interface Json2008 {
  provinces: Array<{ code: string; name: string; type: string }>;
}
interface Json2025 {
  provinces: Array<{
    code: string;
    name: string;
    mergedFrom: Array<{ code: string; name: string; type: string }>;
  }>;
}

describe("typed-in province facts agree with the GSO reference files", () => {
  withGeoFiles(["districts", "provinces2025"], () => {
    it("2008-08-01: same codes, names and kinds as gazetteer-2025-03-01-provinces-districts.json", () => {
      const json = JSON.parse(readGeo("districts")) as Json2008;
      expect(provinces("2008-08-01").map((p) => [p.code, p.name, p.kind])).toEqual(
        json.provinces.map((p) => [
          p.code,
          p.name,
          p.type === "Thành phố Trung ương" ? "municipality" : "province",
        ]),
      );
    });

    it("2025-07-01: same codes, names and mergedFrom as gazetteer-2025-07-01-provinces.json (all full)", () => {
      const json = JSON.parse(readGeo("provinces2025")) as Json2025;
      expect(provinces("2025-07-01").map((p) => [p.code, p.name, p.mergedFrom])).toEqual(
        json.provinces.map((p) => [p.code, p.name, p.mergedFrom.map((m) => m.code)]),
      );
      expect(json.provinces.flatMap((p) => p.mergedFrom).every((m) => m.type === "full")).toBe(true);
    });
  });
});
