import { provinceName } from "@coop-ledger/domain";
import type { ProjectionIndex } from "../bitemporal-index/projection-index.js";
import { provinceIn } from "../model/cells.js";
import type { ProvinceRef } from "./figure.js";

/**
 * The ledger holds nothing for a resolution's province: evaluating it would score every target "not
 * met" on someone else's data (resolution 004 of Bắc Kạn on a Bình Thuận ledger), so `targets` refuses.
 *
 * @example const e: NoDataForProvince = { _tag: "NoDataForProvince", resolutionId: "004", province: { code: "06", gazetteer: "2008-08-01" }, provinceName: "Tỉnh Bắc Kạn", message: "…" };
 */
export interface NoDataForProvince {
  readonly _tag: "NoDataForProvince";
  readonly resolutionId: string;
  readonly province: ProvinceRef;
  readonly provinceName: string;
  readonly message: string;
}

/**
 * Whether the index holds anything (a co-op, union, group, fund or alliance activity, at any time)
 * counted in a province, reported in the province's own gazetteer: old Bắc Kạn (06, 2008-08-01) also
 * holds what was recorded in new Thái Nguyên and traces back to it.
 *
 * @example indexHoldsProvince(buildIndex(events), { code: "06" as ProvinceCode, gazetteer: "2008-08-01" }) // false on a Bình Thuận ledger
 */
export const indexHoldsProvince = (index: ProjectionIndex, province: ProvinceRef): boolean => {
  for (let i = 0; i < index.cellCount; i++)
    if (provinceIn(index.cell(i), province.gazetteer) === province.code) return true;
  return false;
};

/**
 * A province as people read it: "Bắc Kạn (06, gazetteer 2008-08-01)".
 * @example provinceLabel({ code: "60" as ProvinceCode, gazetteer: "2008-08-01" }) // "Tỉnh Bình Thuận (60, gazetteer 2008-08-01)"
 */
export const provinceLabel = (province: ProvinceRef): string =>
  `${officialProvinceName(province) ?? "unknown province"} (${province.code}, gazetteer ${province.gazetteer})`;

/**
 * The province's name as official texts spell it, for labels. The GSO list the gazetteer is typed from
 * was recorded on 2025-03-01 and differs in two places: it writes "Hoà Bình" where the State's texts
 * (e.g. Resolution 202/2025/QH15) write "Hòa Bình", and it lists Huế (46) as a municipality, which it
 * became only on 2025-01-01 (Resolution 1314/NQ-UBTVQH15): before that it was Thừa Thiên Huế province.
 *
 * @example officialProvinceName({ code: "17", gazetteer: "2008-08-01" }) // "Tỉnh Hòa Bình"
 */
export const officialProvinceName = (province: ProvinceRef): string | undefined => {
  if (province.gazetteer === "2008-08-01" && province.code === "17") return "Tỉnh Hòa Bình";
  if (province.gazetteer === "2008-08-01" && province.code === "46")
    return "Tỉnh Thừa Thiên Huế (Thành phố Huế from 2025-01-01)";
  return provinceName(province.gazetteer, province.code);
};

/**
 * The refusal for a resolution whose province the ledger does not hold.
 * @example noDataForProvince("004", { code: "06" as ProvinceCode, gazetteer: "2008-08-01" }).message
 */
export const noDataForProvince = (resolutionId: string, province: ProvinceRef): NoDataForProvince => ({
  _tag: "NoDataForProvince",
  resolutionId,
  province,
  provinceName: officialProvinceName(province) ?? "unknown province",
  message: `the ledger holds nothing for ${provinceLabel(province)}, the province of resolution ${resolutionId}: its targets would be scored on another province's data`,
});
