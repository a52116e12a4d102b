import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { type CommuneGazetteer, parseCommunes } from "./communes.js";
import { type DistrictGazetteer, parseDistrictGazetteer } from "./district-gazetteer.js";
import { readGeo, withGeoFiles } from "./test-support/geo-files.js";

const HEADER = "provinceCode,districtCode,communeCode,communeName,communeType";
const tagOf = (r: E.Either<{ _tag: string }, unknown>) => (E.isLeft(r) ? r.left._tag : "Right");

describe("parseCommunes", () => {
  it("reads rows (CRLF, BOM, quoted names, any column order) and answers commune questions", () => {
    const text = `\ufeffcommuneType,communeCode,communeName,districtCode,provinceCode\r\nPhường,22918,"Phường Phú Thủy, PT",593,60\r\nXã,22921,Xã Tiến Lợi,593,60\r\n`;
    const r = parseCommunes(text);
    expect(E.isRight(r)).toBe(true);
    const c = (r as E.Right<CommuneGazetteer>).right;
    expect(c.communes).toHaveLength(2);
    expect(c.communeName("22918")).toBe("Phường Phú Thủy, PT");
    expect(c.commune("22918")?.kind).toBe("ward");
    expect(c.hasCommune("60", "22921")).toBe(true);
    expect(c.hasCommune("60", "22921", "593")).toBe(true);
    expect(c.hasCommune("60", "22921", "594")).toBe(false);
    expect(c.hasCommune("67", "22921")).toBe(false);
    expect(c.communesOf("593").map((x) => x.code)).toEqual(["22918", "22921"]);
  });

  it("returns typed errors naming the line", () => {
    expect(tagOf(parseCommunes(""))).toBe("MissingColumns");
    expect(tagOf(parseCommunes("provinceCode,districtCode\n60,593\n"))).toBe("MissingColumns");
    const short = parseCommunes(`${HEADER}\n60,593,22918,Phường A\n`);
    expect(E.isLeft(short) && short.left._tag === "InvalidRow" && short.left.line).toBe(2);
    expect(tagOf(parseCommunes(`${HEADER}\n60,593,2291,Phường A,Phường\n`))).toBe("InvalidRow");
    expect(tagOf(parseCommunes(`${HEADER}\n60,593,22918,Phường A,Ấp\n`))).toBe("InvalidRow");
    expect(tagOf(parseCommunes(`${HEADER}\n60,593,22918,"Phường A,Phường\n`))).toBe("InvalidRow");
    const prov = parseCommunes(`${HEADER}\n03,593,22918,Phường A,Phường\n`);
    expect(E.isLeft(prov) && prov.left._tag === "UnknownProvince" && prov.left.line).toBe(2);
    const dup = parseCommunes(`${HEADER}\n60,593,22918,Phường A,Phường\n\n60,593,22918,Phường B,Phường\n`);
    expect(E.isLeft(dup) && dup.left._tag === "DuplicateCode" && dup.left.line).toBe(4);
  });

  it("checks each commune's district against a district gazetteer when one is given", () => {
    const g = parseDistrictGazetteer(
      JSON.stringify({
        provinces: [{ code: "60", name: "x", districts: [{ code: "593", name: "y", type: "Thành phố" }] }],
      }),
    );
    if (E.isLeft(g)) throw new Error(g.left.message);
    const r = parseCommunes(`${HEADER}\n60,594,22918,Phường A,Phường\n`, g.right);
    expect(E.isLeft(r) && r.left._tag === "UnknownDistrict" && r.left.districtCode).toBe("594");
    expect(tagOf(parseCommunes(`${HEADER}\n60,593,22918,Phường A,Phường\n`, g.right))).toBe("Right");
  });

  withGeoFiles(["communes", "districts"], () => {
    it("reads the GSO list: 10,047 communes, each in a district of its province", () => {
      const g = parseDistrictGazetteer(readGeo("districts")) as E.Right<DistrictGazetteer>;
      const r = parseCommunes(readGeo("communes"), g.right);
      expect(E.isRight(r)).toBe(true);
      const c = (r as E.Right<CommuneGazetteer>).right;
      expect(c.communes).toHaveLength(10_047);
      const kinds = new Set(c.communes.map((x) => x.kind));
      expect(kinds).toEqual(new Set(["ward", "township", "commune"]));
      expect(c.communesOf("593").every((x) => x.provinceCode === "60")).toBe(true);
      expect(c.communesOf("593").length).toBeGreaterThan(0);
    });
  });
});
