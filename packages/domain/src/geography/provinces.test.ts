import { describe, expect, it } from "vitest";
import type { ProvinceCode } from "../values/location.js";
import {
  isProvince,
  predecessorProvinces,
  province,
  provinceName,
  provinces,
  remapProvince,
  successorProvince,
} from "./provinces.js";

const code = (c: string) => c as ProvinceCode;

describe("province facts", () => {
  it("has 63 provinces in 2008-08-01 and 34 in 2025-07-01, each code once, in code order", () => {
    for (const [version, n] of [
      ["2008-08-01", 63],
      ["2025-07-01", 34],
    ] as const) {
      const codes = provinces(version).map((p) => p.code);
      expect(codes).toHaveLength(n);
      expect(new Set(codes).size).toBe(n);
      expect([...codes].sort()).toEqual(codes);
      expect(provinces(version).every((p) => p.gazetteer === version && /^\d{2}$/.test(p.code))).toBe(true);
    }
  });

  it("puts every old province into exactly one new province (the mergedFrom lists partition the 63)", () => {
    const merged = provinces("2025-07-01").flatMap((p) => p.mergedFrom);
    expect([...merged].sort()).toEqual(provinces("2008-08-01").map((p) => p.code));
  });

  it("maps the seed provinces: Bình Thuận 60 + Đắk Nông 67 + Lâm Đồng 68 → new Lâm Đồng 68", () => {
    expect(provinceName("2008-08-01", code("60"))).toBe("Tỉnh Bình Thuận");
    expect(provinceName("2008-08-01", code("67"))).toBe("Tỉnh Đắk Nông");
    for (const old of ["60", "67", "68"]) expect(successorProvince(old)).toBe("68");
    expect(predecessorProvinces("68")).toEqual(["60", "67", "68"]);
    expect(provinceName("2025-07-01", code("68"))).toBe("Tỉnh Lâm Đồng");
  });

  it("maps Hòa Bình 17 into Phú Thọ 25 (with Vĩnh Phúc 26)", () => {
    expect(provinceName("2008-08-01", code("17"))).toBe("Tỉnh Hoà Bình");
    expect(successorProvince("17")).toBe("25");
    expect(predecessorProvinces("25")).toEqual(["17", "25", "26"]);
    expect(isProvince("2025-07-01", "17")).toBe(false);
  });

  it("retires old Bắc Ninh 27; new Bắc Ninh is 24, old Bắc Giang's code", () => {
    expect(isProvince("2008-08-01", "27")).toBe(true);
    expect(isProvince("2025-07-01", "27")).toBe(false);
    expect(successorProvince("27")).toBe("24");
    expect(provinceName("2008-08-01", code("24"))).toBe("Tỉnh Bắc Giang");
    expect(provinceName("2025-07-01", code("24"))).toBe("Tỉnh Bắc Ninh");
    expect(predecessorProvinces("24")).toEqual(["24", "27"]);
    expect(predecessorProvinces("27")).toEqual([]);
  });

  it("knows the province kind (tỉnh / thành phố trực thuộc trung ương)", () => {
    expect(province("2008-08-01", "79")?.kind).toBe("municipality");
    expect(province("2025-07-01", "68")?.kind).toBe("province");
    expect(
      provinces("2025-07-01")
        .filter((p) => p.kind === "municipality")
        .map((p) => p.code),
    ).toEqual(["01", "31", "46", "48", "79", "92"]);
  });

  it("answers nothing (never a prototype member) for unknown codes", () => {
    for (const c of ["00", "03", "99", "__proto__", "constructor", "toString", "", "6"]) {
      expect(isProvince("2008-08-01", c)).toBe(false);
      expect(isProvince("2025-07-01", c)).toBe(false);
      expect(successorProvince(c)).toBeUndefined();
      expect(predecessorProvinces(c)).toEqual([]);
      expect(provinceName("2008-08-01", c)).toBeUndefined();
      expect(remapProvince(c, "2008-08-01", "2025-07-01")).toEqual([]);
    }
  });

  it("remaps within a version to the code itself, across versions to successor / predecessors", () => {
    expect(remapProvince("60", "2008-08-01", "2008-08-01")).toEqual(["60"]);
    expect(remapProvince("68", "2025-07-01", "2025-07-01")).toEqual(["68"]);
    expect(remapProvince("67", "2008-08-01", "2025-07-01")).toEqual(["68"]);
    expect(remapProvince("68", "2025-07-01", "2008-08-01")).toEqual(["60", "67", "68"]);
    expect(remapProvince("60", "2025-07-01", "2008-08-01")).toEqual([]);
  });

  it("round-trips: every old province is among the predecessors of its successor", () => {
    for (const p of provinces("2008-08-01")) {
      const next = successorProvince(p.code);
      expect(predecessorProvinces(next)).toContain(p.code);
      expect(remapProvince(next, "2025-07-01", "2008-08-01")).toContain(p.code);
    }
  });
});
