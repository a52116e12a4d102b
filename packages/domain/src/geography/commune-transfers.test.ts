import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { type CommuneTransfers, parseCommuneTransfers } from "./commune-transfers.js";
import { type CommuneGazetteer, parseCommunes } from "./communes.js";
import { successorProvince } from "./provinces.js";
import { readGeo, withGeoFiles } from "./test-support/geo-files.js";

const HEADER = "newProvinceCode,newCommuneCode,newCommuneName,oldCommuneCode,oldCommuneName,transfer";
const tagOf = (r: E.Either<{ _tag: string }, unknown>) => (E.isLeft(r) ? r.left._tag : "Right");

describe("parseCommuneTransfers", () => {
  const sample = [
    HEADER,
    "01,00004,Phường Ba Đình,00004,Phường Trúc Bạch,full",
    "01,00004,Phường Ba Đình,00016,Phường Ngọc Hà,partial",
    "01,00008,Phường Ngọc Hà,00016,Phường Ngọc Hà,partial",
  ].join("\n");

  it("keeps old and new codes apart and maps many-to-many", () => {
    const r = parseCommuneTransfers(sample);
    expect(E.isRight(r)).toBe(true);
    const m = (r as E.Right<CommuneTransfers>).right;
    expect(m.communes.map((c) => c.code)).toEqual(["00004", "00008"]);
    expect(m.hasCommune("01", "00004")).toBe(true);
    expect(m.hasCommune("01", "00016")).toBe(false); // an old code, not a new one
    expect(m.successorsOf("00016").map((t) => [t.newCommuneCode, t.transfer])).toEqual([
      ["00004", "partial"],
      ["00008", "partial"],
    ]);
    expect(m.predecessorsOf("00004").map((t) => t.oldCode)).toEqual(["00004", "00016"]);
    expect(m.communesOf("01")).toHaveLength(2);
    expect(m.communeName("00008")).toBe("Phường Ngọc Hà");
  });

  it("returns typed errors", () => {
    expect(tagOf(parseCommuneTransfers("a,b\n"))).toBe("MissingColumns");
    expect(tagOf(parseCommuneTransfers(`${HEADER}\n01,00004,P,00004,Q,most\n`))).toBe("InvalidRow");
    expect(tagOf(parseCommuneTransfers(`${HEADER}\n01,0004,P,00004,Q,full\n`))).toBe("InvalidRow");
    expect(tagOf(parseCommuneTransfers(`${HEADER}\n01,00004,P,0004,Q,full\n`))).toBe("InvalidRow");
    const retired = parseCommuneTransfers(`${HEADER}\n27,00004,P,00004,Q,full\n`);
    expect(E.isLeft(retired) && retired.left._tag === "UnknownProvince" && retired.left.code).toBe("27");
    expect(
      tagOf(parseCommuneTransfers(`${HEADER}\n01,00004,P,00004,Q,full\n01,00004,P,00004,Q,full\n`)),
    ).toBe("DuplicateCode");
    const clash = parseCommuneTransfers(`${HEADER}\n01,00004,P,00004,Q,full\n04,00004,P,00007,R,full\n`);
    expect(E.isLeft(clash) && clash.left._tag === "InvalidRow" && clash.left.line).toBe(3);
  });

  withGeoFiles(["transfers", "communes"], () => {
    it("reads the 2025 mapping: 3,321 new communes; old communes go whole to one or in parts to several", () => {
      const r = parseCommuneTransfers(readGeo("transfers"));
      expect(E.isRight(r)).toBe(true);
      const m = (r as E.Right<CommuneTransfers>).right;
      expect(m.communes).toHaveLength(3321);
      const old = (parseCommunes(readGeo("communes")) as E.Right<CommuneGazetteer>).right;
      let crossProvince = 0;
      for (const c of old.communes) {
        const next = m.successorsOf(c.code);
        expect(next.length).toBeGreaterThan(0); // every pre-reform commune went somewhere
        // a full transfer is the only destination; partial ones are ≥ 1
        if (next.some((t) => t.transfer === "full")) expect(next).toHaveLength(1);
        for (const t of next) if (t.newProvinceCode !== successorProvince(c.provinceCode)) crossProvince++;
      }
      // The province mapping and the commune mapping agree but for rare boundary moves in the source
      // data (one commune of old An Giang 89 went to Đồng Tháp 82): at most a handful, never systematic.
      expect(crossProvince).toBeLessThanOrEqual(5);
      // island districts without communes map as districts
      const islands = m.transfers.filter((t) => t.oldLevel === "district");
      expect(islands.length).toBeGreaterThan(0);
      expect(islands.every((t) => t.oldCode.length === 3 && t.transfer === "full")).toBe(true);
    });
  });
});
