import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { communeOriginsOf, noCommuneOrigins, splitCommuneRule } from "./commune-origin.js";
import { parseCommuneTransfers } from "./commune-transfers.js";
import { parseCommunes } from "./communes.js";
import { parseDistrictGazetteer } from "./district-gazetteer.js";
import { type Province2008Code, predecessorProvinces } from "./provinces.js";
import { readGeo, withGeoFiles } from "./test-support/geo-files.js";

const HEADER = "newProvinceCode,newCommuneCode,newCommuneName,oldCommuneCode,oldCommuneName,transfer";
const P = (c: string) => c as Province2008Code;

describe("splitCommuneRule", () => {
  it("prefers the province with most whole communes, then most communes, then the kept code", () => {
    expect(
      splitCommuneRule("31582", [
        { province: P("93"), transfer: "partial", oldCode: "31379" },
        { province: P("94"), transfer: "full", oldCode: "31576" },
        { province: P("94"), transfer: "full", oldCode: "31582" },
      ]),
    ).toBe("94");
    // Equal whole communes: the one with more communes in all.
    expect(
      splitCommuneRule("00010", [
        { province: P("02"), transfer: "full", oldCode: "00001" },
        { province: P("04"), transfer: "full", oldCode: "00002" },
        { province: P("04"), transfer: "partial", oldCode: "00003" },
      ]),
    ).toBe("04");
    // Full tie: the province of the commune whose code the new one kept, whatever the code order.
    expect(
      splitCommuneRule("00002", [
        { province: P("02"), transfer: "full", oldCode: "00001" },
        { province: P("04"), transfer: "full", oldCode: "00002" },
      ]),
    ).toBe("04");
    // No seat either: the lowest code.
    expect(
      splitCommuneRule("00009", [
        { province: P("04"), transfer: "full", oldCode: "00002" },
        { province: P("02"), transfer: "full", oldCode: "00001" },
      ]),
    ).toBe("02");
  });
});

describe("communeOriginsOf", () => {
  it("ignores old units of unknown provinces and never picks a province outside the new one", () => {
    const t = parseCommuneTransfers(
      [
        HEADER,
        "68,22918,Phường X,22900,Xã A,full",
        "68,22918,Phường X,00001,Xã B,partial",
        "68,22920,Y,99999,Z,full",
      ].join("\n"),
    );
    if (E.isLeft(t)) throw new Error(t.left.message);
    const origins = communeOriginsOf(t.right, (code) =>
      code === "22900" ? "60" : code === "00001" ? "01" : undefined,
    );
    expect(origins("22918")).toEqual({ province: "60", split: true, from: ["01", "60"] });
    expect(origins("22920")).toBeUndefined();
    expect(noCommuneOrigins("22918")).toBeUndefined();
  });

  withGeoFiles(["transfers", "communes", "districts"], () => {
    it("on the GSO table: every one of the 3,321 new communes has an origin among its province's predecessors; 8 are split", () => {
      const transfers = parseCommuneTransfers(readGeo("transfers"));
      const communes = parseCommunes(readGeo("communes"));
      const districts = parseDistrictGazetteer(readGeo("districts"));
      if (E.isLeft(transfers) || E.isLeft(communes) || E.isLeft(districts)) throw new Error("geo files");
      const origins = communeOriginsOf(transfers.right, (code, level) =>
        level === "commune"
          ? communes.right.commune(code)?.provinceCode
          : districts.right.provinceOfDistrict(code),
      );
      let split = 0;
      const picks: Record<string, string> = {};
      for (const c of transfers.right.communes) {
        const o = origins(c.code);
        expect(o, c.code).toBeDefined();
        if (o === undefined) continue;
        expect(predecessorProvinces(c.provinceCode)).toContain(o.province);
        expect(o.from).toContain(o.province);
        if (o.split) {
          split++;
          picks[c.code] = o.province;
        }
      }
      expect(transfers.right.communes).toHaveLength(3321);
      expect(split).toBe(8);
      // Each split commune goes to the province of the old commune whose code it kept (checked against
      // the old commune list, independently of the rule).
      for (const [code, province] of Object.entries(picks))
        expect(communes.right.commune(code)?.provinceCode, code).toBe(province);
      // The new communes counted in old Bình Thuận are exactly those of new Lâm Đồng whose old communes
      // all lay in Bình Thuận (none of Lâm Đồng's communes is split).
      const fromBinhThuan = transfers.right
        .communesOf("68")
        .filter((c) => origins(c.code)?.province === "60");
      const allIn60 = transfers.right
        .communesOf("68")
        .filter((c) =>
          transfers.right
            .predecessorsOf(c.code)
            .every((t) => communes.right.commune(t.oldCode)?.provinceCode === "60"),
        );
      expect(fromBinhThuan.map((c) => c.code)).toEqual(allIn60.map((c) => c.code));
      expect(fromBinhThuan).toHaveLength(45);
    });
  });
});
