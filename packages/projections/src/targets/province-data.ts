import { provinceName } from "@coop-ledger/domain";
import type { ProjectionIndex } from "../bitemporal-index/projection-index.js";
import { provinceIn } from "../model/cells.js";
import type { ProvinceRef } from "./figure-source.js";

/**
 * The ledger holds nothing for a resolution's province: evaluating it would score every target "not
 * met" on someone else's data (resolution 004 of Bắc Kạn on a Bình Thuận ledger), so `targets` refuses.
 *
 * @example
 * import { type BusinessDate, decide, initialState, makeCommand, type ProvinceCode, type RecordedEvent } from "@coop-ledger/domain";
 * // Two co-ops founded in Bình Thuận (province 60), as a store would record them.
 * const events: RecordedEvent[] = [];
 * for (const [n, coopId] of ["htx-1", "htx-2"].entries()) {
 *   const found = makeCommand("FoundCoop", {
 *     coopId, effectiveDate: "2019-03-01", name: `HTX ${coopId}`, form: "cooperative", sector: "agriculture",
 *     location: { gazetteer: "2008-08-01", provinceCode: "60" }, foundingMembers: 7,
 *   });
 *   if (found._tag === "Left") throw new Error(found.left.message);
 *   const decided = decide(found.right, initialState);
 *   if (decided._tag === "Left") throw new Error(decided.left.message);
 *   for (const event of decided.right)
 *     events.push({ streamId: `coop-${coopId}`, revision: 0, position: n, eventId: `00000000-0000-5000-8000-00000000000${n}`, event, metadata: { recordedAt: "2019-03-02T08:00:00.000Z" } } as RecordedEvent);
 * }
 * import { buildIndex, type NoDataForProvince, targets } from "@coop-ledger/projections";
 * const r = targets(buildIndex(events), "004", { validAt: "2025-12-31" as BusinessDate }); // resolution 004 is Bắc Kạn's
 * if (r._tag === "Left" && r.left._tag === "NoDataForProvince") {
 *   const e: NoDataForProvince = r.left;
 *   console.log(e.province, e.provinceName); // { code: "06", gazetteer: "2008-08-01" } "Tỉnh Bắc Kạn"
 * }
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
 * @example
 * import { decide, initialState, makeCommand, type RecordedEvent } from "@coop-ledger/domain";
 * // Two co-ops founded in Bình Thuận (province 60), as a store would record them.
 * const events: RecordedEvent[] = [];
 * for (const [n, coopId] of ["htx-1", "htx-2"].entries()) {
 *   const found = makeCommand("FoundCoop", {
 *     coopId, effectiveDate: "2019-03-01", name: `HTX ${coopId}`, form: "cooperative", sector: "agriculture",
 *     location: { gazetteer: "2008-08-01", provinceCode: "60" }, foundingMembers: 7,
 *   });
 *   if (found._tag === "Left") throw new Error(found.left.message);
 *   const decided = decide(found.right, initialState);
 *   if (decided._tag === "Left") throw new Error(decided.left.message);
 *   for (const event of decided.right)
 *     events.push({ streamId: `coop-${coopId}`, revision: 0, position: n, eventId: `00000000-0000-5000-8000-00000000000${n}`, event, metadata: { recordedAt: "2019-03-02T08:00:00.000Z" } } as RecordedEvent);
 * }
 * import { buildIndex } from "@coop-ledger/projections";
 * import { indexHoldsProvince } from "@coop-ledger/projections/internal";
 * const index = buildIndex(events);
 * const province = (code: string) => ({ code: code as ProvinceCode, gazetteer: "2008-08-01" as const });
 * console.log(indexHoldsProvince(index, province("60")), indexHoldsProvince(index, province("06"))); // true false
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
 * @example
 * import type { ProvinceCode } from "@coop-ledger/domain";
 * import { officialProvinceName } from "@coop-ledger/projections/internal";
 * const province = (code: string) => ({ code: code as ProvinceCode, gazetteer: "2008-08-01" as const });
 * console.log(officialProvinceName(province("17"))); // "Tỉnh Hòa Bình"
 * console.log(officialProvinceName(province("60"))); // "Tỉnh Bình Thuận"
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
