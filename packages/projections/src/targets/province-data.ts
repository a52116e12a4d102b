import { provinceName } from "@coop-ledger/domain";
import type { ProjectionIndex } from "../index/projection-index.js";
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
  `${provinceName(province.gazetteer, province.code) ?? "unknown province"} (${province.code}, gazetteer ${province.gazetteer})`;

/**
 * The refusal for a resolution whose province the ledger does not hold.
 * @example noDataForProvince("004", { code: "06" as ProvinceCode, gazetteer: "2008-08-01" }).message
 */
export const noDataForProvince = (resolutionId: string, province: ProvinceRef): NoDataForProvince => ({
  _tag: "NoDataForProvince",
  resolutionId,
  province,
  provinceName: provinceName(province.gazetteer, province.code) ?? "unknown province",
  message: `the ledger holds nothing for ${provinceLabel(province)}, the province of resolution ${resolutionId}: its targets would be scored on another province's data`,
});
