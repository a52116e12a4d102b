import type { GeographyData } from "../decider/rule-context.js";
import type { CommuneCode, DistrictCode, GazetteerVersion } from "../values/location.js";
import { gazetteerOn } from "../values/location.js";
import type { BusinessDate } from "../values/time.js";
import { type CommuneOrigin, type CommuneOrigins, communeOriginsOf } from "./commune-origin.js";
import { type CommuneTransfer, type CommuneTransfers, communeTransfersOf } from "./commune-transfers.js";
import { COMMUNE_KINDS, type Commune, type CommuneGazetteer, communeGazetteerOf } from "./communes.js";
import {
  DISTRICT_KINDS,
  type District,
  type DistrictGazetteer,
  districtGazetteerOf,
} from "./district-gazetteer.js";
import { COMMUNE_ROWS, DISTRICT_ROWS, GAZETTEER_SOURCES, TRANSFER_ROWS } from "./gazetteer-data.generated.js";
import { type Province, type Province2008Code, type Province2025Code, province } from "./provinces.js";

// The gazetteer shipped with the package: GSO lists derived by scripts/derive-gazetteer.mjs into
// gazetteer-data.generated.ts (about a third of the raw files' size). Each list is expanded on first
// use and kept: importing the package costs nothing until a lookup needs the data.

export { GAZETTEER_SOURCES };

const unpackName = <K extends string, V>(
  kinds: Readonly<Record<K, V>>,
  letters: Readonly<Record<string, K>>,
  packed: string,
): { kind: V; name: string } => {
  const letter = packed[0] as string;
  const upper = letter.toUpperCase();
  const type = letters[upper] as K;
  const name = letter === upper ? `${type} ${packed.slice(1)}` : packed.slice(1);
  return { kind: kinds[type], name };
};
const DISTRICT_LETTERS: Readonly<Record<string, keyof typeof DISTRICT_KINDS>> = {
  Q: "Quận",
  H: "Huyện",
  T: "Thị xã",
  C: "Thành phố",
};
const COMMUNE_LETTERS: Readonly<Record<string, keyof typeof COMMUNE_KINDS>> = {
  P: "Phường",
  T: "Thị trấn",
  X: "Xã",
};

const once = <A>(build: () => A): (() => A) => {
  let value: A | undefined;
  return () => {
    value ??= build();
    return value;
  };
};

/**
 * The shipped district list of the 63-province gazetteer `2008-08-01` (696 districts as recorded by the
 * GSO on 2025-03-01; there are no districts from 2025-07-01). Same content as `parseDistrictGazetteer`
 * on the GSO file (the drift test checks it).
 *
 * @example districtGazetteer().districtName("593") // "Thành phố Phan Thiết"
 * @example districtGazetteer().districtsOf("60").length // 10
 */
export const districtGazetteer: () => DistrictGazetteer = once(() => {
  const districts: District[] = [];
  for (const row of DISTRICT_ROWS) {
    const [provinceCode, ...packed] = row.split("|") as [Province2008Code, ...string[]];
    for (const p of packed) {
      const { kind, name } = unpackName(DISTRICT_KINDS, DISTRICT_LETTERS, p.slice(3));
      districts.push(Object.freeze({ code: p.slice(0, 3) as DistrictCode, name, kind, provinceCode }));
    }
  }
  return districtGazetteerOf(districts, GAZETTEER_SOURCES.recordedOn as BusinessDate);
});

/**
 * The shipped commune list of gazetteer `2008-08-01` (the communes and wards as recorded on 2025-03-01,
 * with their province and district). Same content as `parseCommunes` on the GSO file.
 *
 * @example communeGazetteer().commune("00001")?.name // "Phường Phúc Xá"
 */
export const communeGazetteer: () => CommuneGazetteer = once(() => {
  const districts = districtGazetteer();
  const communes: Commune[] = [];
  for (const row of COMMUNE_ROWS) {
    const [districtCode, ...packed] = row.split("|") as [DistrictCode, ...string[]];
    const provinceCode = districts.provinceOfDistrict(districtCode) as Province2008Code;
    for (const p of packed) {
      const { kind, name } = unpackName(COMMUNE_KINDS, COMMUNE_LETTERS, p.slice(5));
      communes.push(
        Object.freeze({ code: p.slice(0, 5) as CommuneCode, name, kind, provinceCode, districtCode }),
      );
    }
  }
  return communeGazetteerOf(communes);
});

/**
 * The shipped 2025-07-01 commune list and its transfer table (new commune ← old commune or island
 * district, `full` or `partial`; GSO letter 1027/CTK-CSCL). Same content as `parseCommuneTransfers` on
 * the GSO file; old names come from the old lists, which the derivation checked they equal.
 *
 * @example communeTransfers().predecessorsOf("00004").map((t) => t.oldCode) // ["00004", "00013", ...]
 */
export const communeTransfers: () => CommuneTransfers = once(() => {
  const districts = districtGazetteer();
  const communes = communeGazetteer();
  const transfers: CommuneTransfer[] = [];
  for (const row of TRANSFER_ROWS) {
    const [newProvinceCode, newCommuneCode, newCommuneName, ...olds] = row.split("|") as [
      Province2025Code,
      CommuneCode,
      string,
      ...string[],
    ];
    for (const o of olds) {
      const oldCode = o.slice(0, -1);
      const oldLevel = oldCode.length === 3 ? "district" : "commune";
      transfers.push(
        Object.freeze({
          newProvinceCode,
          newCommuneCode,
          newCommuneName,
          oldLevel,
          oldCode: oldCode as CommuneCode | DistrictCode,
          oldName:
            (oldLevel === "district" ? districts.districtName(oldCode) : communes.communeName(oldCode)) ?? "",
          transfer: o.endsWith("+") ? "full" : "partial",
        }),
      );
    }
  }
  return communeTransfersOf(transfers);
});

/**
 * The shipped {@link CommuneOrigins}: the old (2008-list) province a 2025 commune is counted in, and the
 * old provinces it was formed from, from the shipped transfer table and old lists (the implementation
 * of the seam the projections take).
 *
 * @example shippedCommuneOrigins("22918")?.from // the old provinces of 2025 commune 22918
 */
export const shippedCommuneOrigins: CommuneOrigins = (() => {
  // Read from the rows' codes alone, not through the gazetteers above: expanding them (every unit's
  // name and kind, frozen objects, the transfers' old names) cost ~0.2 s of CPU on the first 2025
  // location the fold meets, most of what a short command (an index extension of a few thousand events)
  // spent outside its events. And each commune's origin is worked out when first asked for, from its
  // own transfer rows: building all ~3,300 at once (10,604 transfers) cost ~0.1 s more, while an
  // extension meets a few hundred. The same lookup (gazetteer.test.ts compares them on every 2025
  // commune): `communeOriginsOf` works each new commune out from its own transfers only.
  const districtProvince = once(() => {
    const m = new Map<string, string>();
    for (const row of DISTRICT_ROWS) {
      const [provinceCode, ...packed] = row.split("|") as [string, ...string[]];
      for (const p of packed) m.set(p.slice(0, 3), provinceCode);
    }
    return m;
  });
  const communeProvince = once(() => {
    const districts = districtProvince();
    const m = new Map<string, string | undefined>();
    // Rows are `district|code+name|…`: each commune's code is the 5 characters after a `|` (scanned
    // rather than split: no substring of the names made, ~10,000 communes).
    for (const row of COMMUNE_ROWS) {
      let at = row.indexOf("|");
      const provinceCode = districts.get(row.slice(0, at));
      while (at >= 0) {
        m.set(row.slice(at + 1, at + 6), provinceCode);
        at = row.indexOf("|", at + 1);
      }
    }
    return m;
  });
  // Each new commune's transfer rows (rows are `province|commune|name|old…`), found by its code.
  const rowsByCommune = once(() => {
    const m = new Map<string, string[]>();
    for (const row of TRANSFER_ROWS) {
      const at = row.indexOf("|") + 1;
      const code = row.slice(at, row.indexOf("|", at));
      const rows = m.get(code);
      if (rows === undefined) m.set(code, [row]);
      else rows.push(row);
    }
    return m;
  });
  const oldProvinceOf = (code: string, level: CommuneTransfer["oldLevel"]): string | undefined =>
    level === "commune" ? communeProvince().get(code) : districtProvince().get(code);
  const originOf = (code: string): CommuneOrigin | undefined => {
    const rows = rowsByCommune().get(code);
    if (rows === undefined) return undefined;
    const transfers: Array<
      Pick<CommuneTransfer, "newProvinceCode" | "newCommuneCode" | "oldLevel" | "oldCode" | "transfer">
    > = [];
    for (const row of rows) {
      const [newProvinceCode, newCommuneCode, , ...olds] = row.split("|") as [
        Province2025Code,
        CommuneCode,
        string,
        ...string[],
      ];
      for (const o of olds) {
        const oldCode = o.slice(0, -1) as CommuneCode | DistrictCode;
        transfers.push({
          newProvinceCode,
          newCommuneCode,
          oldLevel: oldCode.length === 3 ? "district" : "commune",
          oldCode,
          transfer: o.endsWith("+") ? "full" : "partial",
        });
      }
    }
    return communeOriginsOf({ transfers }, oldProvinceOf)(code);
  };
  const known = new Map<string, CommuneOrigin | undefined>();
  return (code: string) => {
    if (known.has(code)) return known.get(code);
    const origin = originOf(code);
    known.set(code, origin);
    return origin;
  };
})();

/**
 * All the shipped unit lists, in the shape the decider's checks take ({@link GeographyData}).
 *
 * @example const geography = shippedGeography(); geography.districts?.hasDistrict("60", "593") // true
 */
export const shippedGeography = (): GeographyData => ({
  districts: districtGazetteer(),
  communes: communeGazetteer(),
  communeTransfers: communeTransfers(),
});

/**
 * The province with a code in the gazetteer in force on a date (the 63-province list before 2025-07-01,
 * the 34-province list from then on), or `undefined` when the code names no province then.
 *
 * @example provinceOn("2025-06-30" as BusinessDate, "27")?.name // "Tỉnh Bắc Ninh" (old Bắc Ninh)
 * @example provinceOn("2025-07-01" as BusinessDate, "27") // undefined: 27 was retired
 */
export const provinceOn = (date: BusinessDate, code: string): Province<GazetteerVersion> | undefined =>
  province(gazetteerOn(date), code);
