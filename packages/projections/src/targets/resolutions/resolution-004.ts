import type { BusinessDate, ProvinceCode } from "@coop-ledger/domain";
import type { ProvinceRef } from "../figure-source.js";
import { bundledResolution, type Resolution, type ResolutionJson } from "../resolution.js";
import type { TargetJson } from "../target.js";

const FILE = "provincial-party-resolution-collective-economy-2021-2025.txt";
const ADOPTED = "2021-04-22" as BusinessDate;
const BY_2025 = { kind: "by", date: "2025-12-31" as BusinessDate } as const;
const AT_ADOPTION = { kind: "at", date: ADOPTED } as const;

/**
 * Bắc Kạn (GSO code 06, gazetteer 2008-08-01): the province we conclude resolution 004 belongs to. The
 * text does not name it; the evidence (signatory, congress term, addressees, the issuing date and the
 * identical wording published by the province) is set out in docs/resolutions.md.
 * @example resolution004(BAC_KAN).province.code // "06"
 */
export const BAC_KAN: ProvinceRef = { code: "06" as ProvinceCode, gazetteer: "2008-08-01" };

/**
 * The reference date of "so với năm 2016" (compared with 2016): the day of Resolution 09-NQ/TU of
 * 26 April 2016, whose five years of implementation this resolution reviews. Growth since 2016 is the
 * co-ops active at adoption minus those active on this date.
 * @example
 * import { decide, initialState, makeCommand, type RecordedEvent } from "@coop-ledger/domain";
 * import { buildIndex, snapshot } from "@coop-ledger/projections";
 * // One co-op founded in Bắc Kạn (06) in 2015, as a store would record it.
 * const found = makeCommand("FoundCoop", {
 *   coopId: "htx-1", effectiveDate: "2015-05-01", name: "HTX Bắc Kạn", form: "cooperative", sector: "agriculture",
 *   location: { gazetteer: "2008-08-01", provinceCode: "06" }, foundingMembers: 7,
 * });
 * if (found._tag === "Left") throw new Error(found.left.message);
 * const decided = decide(found.right, initialState);
 * if (decided._tag === "Left") throw new Error(decided.left.message);
 * const events = decided.right.map((event, i) => ({ streamId: "coop-htx-1", revision: i, position: i, eventId: `00000000-0000-5000-8000-00000000000${i}`, event, metadata: { recordedAt: "2015-05-02T08:00:00.000Z" } }) as RecordedEvent);
 * // The reference date resolution 004's growth targets count from (Resolution 09-NQ/TU).
 * const r = snapshot(buildIndex(events), { validAt: RESOLUTION_004_REFERENCE_2016, indicators: ["coops.active"] });
 * if (r._tag === "Right") console.log(RESOLUTION_004_REFERENCE_2016, r.right.figures[0]?.value); // "2016-04-26" 1
 */
export const RESOLUTION_004_REFERENCE_2016 = "2016-04-26" as BusinessDate;

const baseline: ReadonlyArray<TargetJson> = [
  {
    id: "004.baseline.unions",
    role: "reported",
    label: { en: "Unions of co-ops at adoption", vi: "Số liên hiệp hợp tác xã" },
    source: { file: FILE, quote: "toàn tỉnh có 1 Liên hiệp hợp tác xã" },
    timing: AT_ADOPTION,
    measure: {
      kind: "indicator",
      indicator: { id: "unions.active", basis: "instant" },
      comparator: "=",
      threshold: { unit: "count", value: 1 },
    },
  },
  {
    id: "004.baseline.coops",
    role: "reported",
    label: { en: "Co-ops at adoption", vi: "Số hợp tác xã" },
    source: { file: FILE, quote: "234 hợp tác xã" },
    timing: AT_ADOPTION,
    measure: {
      kind: "indicator",
      indicator: { id: "coops.active", basis: "instant" },
      comparator: "=",
      threshold: { unit: "count", value: 234 },
    },
  },
  {
    id: "004.baseline.growthSince2016",
    role: "reported",
    label: { en: "Net growth in co-ops since 2016", vi: "Số HTX tăng so với năm 2016" },
    source: { file: FILE, quote: "tăng 152 hợp tác xã so với năm 2016" },
    timing: AT_ADOPTION,
    measure: {
      kind: "indicator",
      indicator: { id: "coops.active", basis: "instant", changeSince: RESOLUTION_004_REFERENCE_2016 },
      comparator: "=",
      threshold: { unit: "count", value: 152 },
    },
    note: "Active co-ops at adoption minus active co-ops on 2016-04-26 (Resolution 09-NQ/TU), so dissolutions count against the growth.",
  },
  {
    id: "004.baseline.fairOrGoodShare",
    role: "reported",
    label: { en: "Share of co-ops rated fair or good", vi: "Tỷ lệ hợp tác xã hoạt động khá, tốt" },
    source: { file: FILE, quote: "tỷ lệ hợp tác xã hoạt động khá, tốt đạt 71,4%" },
    timing: AT_ADOPTION,
    measure: {
      kind: "indicator",
      indicator: { id: "rating.fairOrGoodShare", basis: "fiscalYear", year: 2020 },
      comparator: "~",
      threshold: { unit: "basisPoints", value: 7140, tolerance: 5 },
    },
    note: "Ratings for 2020, the last year rated before adoption; 71,4% is stated to 0.1%, so the figure must be within half of that (±5 basis points).",
  },
  {
    id: "004.baseline.ocopCoops",
    role: "reported",
    label: { en: "Co-ops with OCOP products", vi: "Số hợp tác xã có sản phẩm OCOP" },
    source: { file: FILE, quote: "57 hợp tác xã có 93 sản phẩm OCOP" },
    timing: AT_ADOPTION,
    measure: {
      kind: "indicator",
      indicator: { id: "ocop.coops", basis: "instant" },
      comparator: "=",
      threshold: { unit: "count", value: 57 },
    },
  },
  {
    id: "004.baseline.ocopProducts",
    role: "reported",
    label: { en: "OCOP products of co-ops", vi: "Số sản phẩm OCOP của hợp tác xã" },
    source: { file: FILE, quote: "57 hợp tác xã có 93 sản phẩm OCOP" },
    timing: AT_ADOPTION,
    measure: {
      kind: "indicator",
      indicator: { id: "ocop.products", basis: "instant" },
      comparator: "=",
      threshold: { unit: "count", value: 93 },
    },
  },
  {
    id: "004.baseline.ocopShareOfProvince",
    role: "reported",
    label: {
      en: "Co-ops' share of the province's OCOP products",
      vi: "Tỷ lệ sản phẩm OCOP của HTX trên sản phẩm OCOP cấp tỉnh",
    },
    source: { file: FILE, quote: "chiếm tỷ lệ 70,1% sản phẩm OCOP cấp tỉnh" },
    timing: AT_ADOPTION,
    measure: {
      kind: "notMeasurable",
      reason:
        "The denominator, all OCOP products of the province, includes products of businesses and households, which the ledger does not record: it only knows co-ops' products.",
      stated: "70,1%",
    },
  },
];

const targets: ReadonlyArray<TargetJson> = [
  {
    id: "004.unions",
    role: "goal",
    label: { en: "Unions of co-ops", vi: "Liên hiệp hợp tác xã" },
    source: { file: FILE, quote: "toàn tỉnh có ít nhất 2 Liên hiệp hợp tác xã" },
    timing: BY_2025,
    measure: {
      kind: "indicator",
      indicator: { id: "unions.active", basis: "instant" },
      comparator: ">=",
      threshold: { unit: "count", value: 2 },
    },
  },
  {
    id: "004.coops",
    role: "goal",
    label: { en: "Co-ops", vi: "Số hợp tác xã" },
    source: { file: FILE, quote: "ít nhất 2 Liên hiệp hợp tác xã, 350 hợp tác xã" },
    timing: BY_2025,
    measure: {
      kind: "indicator",
      indicator: { id: "coops.active", basis: "instant" },
      comparator: ">=",
      threshold: { unit: "count", value: 350 },
    },
    note: "'ít nhất' (at least) governs the list, so 350 co-ops is read as at least 350.",
  },
  {
    id: "004.agriculturalShare",
    role: "goal",
    label: { en: "Share of agricultural co-ops", vi: "Tỷ lệ hợp tác xã nông nghiệp và nông nghiệp tổng hợp" },
    source: {
      file: FILE,
      quote: "trong đó có khoảng 70% là hợp tác xã nông nghiệp và nông nghiệp tổng hợp",
    },
    timing: BY_2025,
    measure: {
      kind: "indicator",
      indicator: { id: "coops.agriculturalShare", basis: "instant" },
      comparator: "~",
      threshold: { unit: "basisPoints", value: 7000, tolerance: 500 },
    },
    note: "'khoảng' (about) is read as within 5 percentage points either side (65–75 %); the tolerance is data, change it to suit.",
  },
  {
    id: "004.fairOrGoodShare",
    role: "goal",
    label: { en: "Share of co-ops rated fair or good", vi: "Tỷ lệ hợp tác xã hoạt động khá, tốt" },
    source: { file: FILE, quote: "tỷ lệ hợp tác xã hoạt động khá, tốt đạt từ 75% trở lên" },
    timing: BY_2025,
    measure: {
      kind: "indicator",
      indicator: { id: "rating.fairOrGoodShare", basis: "fiscalYear" },
      comparator: ">=",
      threshold: { unit: "basisPoints", value: 7500 },
    },
    note: "Ratings for 2025, made in early 2026: the row stays pending until the year's figures are final.",
  },
  {
    id: "004.memberIncome",
    role: "goal",
    label: { en: "Members' average monthly income", vi: "Thu nhập bình quân thành viên hợp tác xã" },
    source: {
      file: FILE,
      quote: "thu nhập bình quân các thành viên hợp tác xã đạt 6 triệu đồng/người/tháng",
    },
    timing: BY_2025,
    measure: {
      kind: "indicator",
      indicator: {
        id: "income.memberMonthlyVnd",
        basis: "fiscalYear",
        options: { incomeAverage: "perMember" },
      },
      comparator: ">=",
      threshold: { unit: "vnd", value: 6_000_000 },
    },
    note: "Per person, as the seed says ('6 triệu đồng/người/tháng'): income paid to members over members, i.e. each co-op's reported member average weighted by its official members (incomeAverage perMember) — not the mean of the co-ops' averages (perCoop), which counts a 7-member co-op like a 700-member one.",
  },
  {
    id: "004.membersPerCoop",
    role: "goal",
    label: { en: "Average members per co-op", vi: "Bình quân thành viên mỗi hợp tác xã" },
    source: { file: FILE, quote: "trung bình mỗi hợp tác xã có từ 15 thành viên trở lên" },
    timing: BY_2025,
    measure: {
      kind: "indicator",
      indicator: { id: "members.averagePerCoop", basis: "instant" },
      comparator: ">=",
      threshold: { unit: "count", value: 15 },
    },
  },
  {
    id: "004.farmHouseholdShare",
    role: "goal",
    label: {
      en: "Share of farm households in groups or co-ops",
      vi: "Tỷ lệ hộ nông dân tham gia tổ hợp tác, hợp tác xã",
    },
    source: {
      file: FILE,
      quote:
        "có ít nhất 20% hộ nông dân sản xuất nông nghiệp tham gia thành viên tổ hợp tác, hợp tác xã hoặc có liên kết sản xuất với hợp tác xã, doanh nghiệp",
    },
    timing: BY_2025,
    measure: {
      kind: "indicator",
      indicator: { id: "members.farmHouseholdShare", basis: "instant" },
      comparator: ">=",
      threshold: { unit: "basisPoints", value: 2000 },
    },
    note: "Needs the province's farm households as an input (the engine reports the figure unavailable without it). The numerator counts member farm households only; households linked by contract to co-ops or businesses are not recorded, so the figure is a lower bound.",
  },
];

/**
 * The JSON form of resolution 004 for a province (default {@link BAC_KAN}); see {@link resolution004}.
 * @example JSON.stringify(resolution004Json())
 */
export const resolution004Json = (province: ProvinceRef = BAC_KAN): ResolutionJson => ({
  id: "004",
  title: {
    en: "Provincial party committee resolution on the collective economy and co-ops, 2021–2025 (3rd plenum, 12th term)",
    vi: "Nghị quyết Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ ba (khóa XII) về phát triển kinh tế tập thể, hợp tác xã, giai đoạn 2021-2025",
  },
  body: "provincialPartyCommittee",
  adoptedOn: ADOPTED,
  term: { from: "2021-01-01" as BusinessDate, to: "2025-12-31" as BusinessDate },
  province,
  sourceFile: FILE,
  baseline: [...baseline],
  targets: [...targets],
  notes: [
    "The text names neither its province nor its date. Issued on 22 April 2021 by the Bắc Kạn provincial party committee (see docs/resolutions.md for the evidence); the province is a parameter.",
  ],
});

/**
 * Resolution 004 with its province as a parameter (default {@link BAC_KAN}): the provincial party
 * committee's resolution on the collective economy and co-ops, 2021–2025.
 *
 * @example resolution004({ code: "60" as ProvinceCode, gazetteer: "2008-08-01" }).province.code // "60"
 */
export const resolution004 = (province: ProvinceRef = BAC_KAN): Resolution =>
  bundledResolution(resolution004Json(province));
