import { describe, expect, it } from "vitest";
import type { BusinessDate } from "../values/time.js";
import { communeOriginsOf } from "./commune-origin.js";
import {
  communeGazetteer,
  communeTransfers,
  districtGazetteer,
  provinceOn,
  shippedCommuneOrigins,
  shippedGeography,
} from "./gazetteer.js";
import { isProvince, predecessorProvinces, successorProvince } from "./provinces.js";

// Consistency of the shipped lists among themselves and with the typed-in province facts (no reference
// files needed; the drift test compares with them).

describe("shipped gazetteer", () => {
  it("every district belongs to an old province, and district codes are unique", () => {
    const ds = districtGazetteer().districts;
    expect(ds.length).toBeGreaterThan(0);
    expect(ds.filter((d) => !isProvince("2008-08-01", d.provinceCode))).toEqual([]);
    expect(new Set(ds.map((d) => d.code)).size).toBe(ds.length);
  });

  it("every old commune sits in a shipped district of its own province; codes unique", () => {
    const d = districtGazetteer();
    const cs = communeGazetteer().communes;
    expect(cs.filter((c) => !d.hasDistrict(c.provinceCode, c.districtCode))).toEqual([]);
    expect(new Set(cs.map((c) => c.code)).size).toBe(cs.length);
  });

  it("every transfer comes from a known old unit of a province merged into the new commune's province", () => {
    const d = districtGazetteer();
    const c = communeGazetteer();
    const stray = communeTransfers().transfers.filter((t) => {
      const old =
        t.oldLevel === "commune" ? c.commune(t.oldCode)?.provinceCode : d.provinceOfDistrict(t.oldCode);
      return old === undefined || t.oldName === "" || !isProvince("2025-07-01", t.newProvinceCode);
    });
    expect(stray).toEqual([]);
  });

  it("origins: a commune's province is one of its sources and merged into its 2025 province", () => {
    const t = communeTransfers();
    for (const n of t.communes) {
      const o = shippedCommuneOrigins(n.code);
      expect(o).toBeDefined();
      if (o === undefined) continue;
      expect(o.from).toContain(o.province);
      expect(successorProvince(o.province)).toBe(n.provinceCode);
      expect(predecessorProvinces(n.provinceCode)).toContain(o.province);
      expect(o.split).toBe(o.from.length > 1);
    }
    expect(shippedCommuneOrigins("99999")).toBeUndefined();
  });

  it("origins: the lookup read from the rows' codes equals the one through the expanded gazetteers", () => {
    const d = districtGazetteer();
    const c = communeGazetteer();
    const viaGazetteers = communeOriginsOf(communeTransfers(), (code, level) =>
      level === "commune" ? c.commune(code)?.provinceCode : d.provinceOfDistrict(code),
    );
    const codes = communeTransfers().communes.map((n) => n.code);
    expect(codes.length).toBeGreaterThan(3000);
    expect(codes.map(shippedCommuneOrigins)).toEqual(codes.map(viaGazetteers));
  });

  it("provinceOn picks the gazetteer in force on the date", () => {
    expect(provinceOn("2025-06-30" as BusinessDate, "27")?.gazetteer).toBe("2008-08-01");
    expect(provinceOn("2025-07-01" as BusinessDate, "27")).toBeUndefined();
    expect(provinceOn("2025-07-01" as BusinessDate, "24")?.mergedFrom).toEqual(predecessorProvinces("24"));
  });

  it("shippedGeography hands the decider the same lists", () => {
    const g = shippedGeography();
    expect(g.districts).toBe(districtGazetteer());
    expect(g.communes).toBe(communeGazetteer());
    expect(g.communeTransfers).toBe(communeTransfers());
  });
});
