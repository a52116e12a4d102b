import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { type DistrictGazetteer, parseDistrictGazetteer } from "./district-gazetteer.js";
import { provinces } from "./provinces.js";
import { readGeo, withGeoFiles } from "./test-support/geo-files.js";

const tagOf = (r: E.Either<{ _tag: string }, unknown>) => (E.isLeft(r) ? r.left._tag : "Right");

const tiny = (provincesJson: unknown) =>
  JSON.stringify({ asRecordedOn: "2025-03-01", provinces: provincesJson });

describe("parseDistrictGazetteer", () => {
  it("reads a small list and answers district questions", () => {
    const r = parseDistrictGazetteer(
      tiny([
        {
          code: "60",
          name: "Tỉnh Bình Thuận",
          districts: [
            { code: "593", name: "Thành phố Phan Thiết", type: "Thành phố" },
            { code: "595", name: "Thị xã La Gi", type: "Thị xã" },
          ],
        },
        {
          code: "67",
          name: "Tỉnh Đắk Nông",
          districts: [{ code: "660", name: "Thành phố Gia Nghĩa", type: "Thành phố" }],
        },
      ]),
    );
    expect(E.isRight(r)).toBe(true);
    const g = (r as E.Right<DistrictGazetteer>).right;
    expect(g.asRecordedOn).toBe("2025-03-01");
    expect(g.hasDistrict("60", "593")).toBe(true);
    expect(g.hasDistrict("67", "593")).toBe(false);
    expect(g.hasDistrict("60", "999")).toBe(false);
    expect(g.districtsOf("60").map((d) => d.code)).toEqual(["593", "595"]);
    expect(g.districtsOf("01")).toEqual([]);
    expect(g.district("595")?.kind).toBe("town");
    expect(g.districtName("660")).toBe("Thành phố Gia Nghĩa");
    expect(g.provinceOfDistrict("660")).toBe("67");
    expect(g.districtName("__proto__")).toBeUndefined();
  });

  it("returns typed errors: not JSON, wrong shape, unknown province, duplicate district", () => {
    expect(tagOf(parseDistrictGazetteer("{"))).toBe("InvalidJson");
    expect(tagOf(parseDistrictGazetteer("[]"))).toBe("InvalidShape");
    const shape = parseDistrictGazetteer(
      tiny([{ code: "60", name: "x", districts: [{ code: "5930", name: "x", type: "Quận" }] }]),
    );
    expect(E.isLeft(shape) && shape.left._tag === "InvalidShape" && shape.left.message).toMatch(
      /code.*DistrictCode/,
    );
    expect(
      tagOf(
        parseDistrictGazetteer(
          tiny([{ code: "60", name: "x", districts: [{ code: "593", name: "x", type: "Ấp" }] }]),
        ),
      ),
    ).toBe("InvalidShape");
    const unknown = parseDistrictGazetteer(tiny([{ code: "03", name: "x", districts: [] }]));
    expect(E.isLeft(unknown) && unknown.left._tag === "UnknownProvince" && unknown.left.code).toBe("03");
    const dup = parseDistrictGazetteer(
      tiny([
        { code: "60", name: "a", districts: [{ code: "593", name: "x", type: "Quận" }] },
        { code: "67", name: "b", districts: [{ code: "593", name: "y", type: "Huyện" }] },
      ]),
    );
    expect(E.isLeft(dup) && dup.left._tag === "DuplicateCode" && dup.left.code).toBe("593");
  });

  withGeoFiles(["districts"], () => {
    it("reads the GSO list: 63 provinces, 696 districts, Bình Thuận's 10 with Phan Thiết 593", () => {
      const r = parseDistrictGazetteer(readGeo("districts"));
      expect(E.isRight(r)).toBe(true);
      const g = (r as E.Right<DistrictGazetteer>).right;
      expect(g.districts).toHaveLength(696);
      const withDistricts = provinces("2008-08-01").filter((p) => g.districtsOf(p.code).length > 0);
      expect(withDistricts).toHaveLength(63);
      expect(g.districtsOf("60")).toHaveLength(10);
      expect(g.hasDistrict("60", "593")).toBe(true);
      expect(g.districtName("593")).toBe("Thành phố Phan Thiết");
      expect(g.districtsOf("17").length).toBeGreaterThan(0);
    });
  });
});
