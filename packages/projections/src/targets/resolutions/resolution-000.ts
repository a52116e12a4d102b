import { bundledResolution, type Resolution, type ResolutionJson } from "../resolution.js";
import type { TargetJson } from "../target.js";
import { RESOLUTION_000_FILE as FILE, resolution000Targets as targets } from "./resolution-000-targets.js";

/**
 * What the congress reports of the term 2016–2020. It gives almost no figures: the previous resolution's
 * targets are "căn bản đạt, vượt" (its targets are not in the text), and two facts can be read off the
 * ledger — no provincial support fund yet, and no union formed with the alliance's advice.
 */
const baseline: ReadonlyArray<TargetJson> = [
  {
    id: "000.baseline.previousTargets",
    role: "reported",
    label: {
      en: "Targets of the 2016–2020 resolution met or exceeded",
      vi: "Các chỉ tiêu Nghị quyết nhiệm kỳ 2016-2020 căn bản đạt, vượt",
    },
    source: {
      file: FILE,
      quote: "đã được triển khai nghiêm túc, toàn diện và căn bản đạt, vượt các chỉ tiêu đề ra",
    },
    timing: { kind: "at", date: "2020-09-25" },
    measure: {
      kind: "notMeasurable",
      reason:
        "The targets of the 5th congress (2016–2020) are not in the source text; once entered as a resolution, targets.met measures this.",
      stated: "căn bản đạt, vượt",
    },
  },
  {
    id: "000.baseline.noSupportFund",
    role: "reported",
    label: {
      en: "The province has no support fund of its own",
      vi: "Quỹ hỗ trợ phát triển Hợp tác xã của tỉnh chưa có",
    },
    source: { file: FILE, quote: "Quỹ hỗ trợ phát triển Hợp tác xã của tỉnh chưa có" },
    timing: { kind: "at", date: "2020-09-25" },
    measure: {
      kind: "indicator",
      indicator: {
        id: "fund.charterCapitalVnd",
        basis: "instant",
        options: { fundKind: "provincialSupportFund" },
      },
      comparator: "=",
      threshold: { unit: "vnd", value: 0 },
    },
    note: "No provincial fund established by the congress: its charter capital is 0.",
  },
  {
    id: "000.baseline.noUnionAdvised",
    role: "reported",
    label: {
      en: "Unions of co-ops formed with the alliance's advice in 2016–2020",
      vi: "Liên hiệp hợp tác xã được Liên minh tư vấn hình thành",
    },
    source: {
      file: FILE,
      quote: "chưa tư vấn hình thành được các mô hình Hợp tác xã quy mô lớn, Liên hiệp hợp tác xã",
    },
    timing: { kind: "period", from: "2016-01-01", to: "2020-09-25" },
    measure: {
      kind: "indicator",
      indicator: { id: "coops.foundedAdvised", basis: "period", scope: { form: "union" } },
      comparator: "=",
      threshold: { unit: "count", value: 0 },
    },
    note: "'Chưa tư vấn hình thành được … Liên hiệp hợp tác xã': no union founded in the term records the alliance's advice. Large-scale co-ops (quy mô lớn) have no definition in the text and are not counted.",
  },
];

/**
 * The JSON form of resolution 000: the 6th members' congress of the Bình Thuận Cooperative Alliance,
 * term 2020–2025 (Nghị quyết Đại hội thành viên Liên minh HTX tỉnh Bình Thuận lần thứ VI).
 * @example resolution000Json.targets.length // 18 sub-targets of 12 numbered targets
 */
export const resolution000Json: ResolutionJson = {
  id: "000",
  title: {
    en: "Resolution of the 6th members' congress of the Bình Thuận Cooperative Alliance, term 2020–2025",
    vi: "Nghị quyết Đại hội thành viên Liên minh Hợp tác xã tỉnh Bình Thuận lần thứ VI, nhiệm kỳ 2020 - 2025",
  },
  body: "allianceCongress",
  adoptedOn: "2020-09-25",
  term: { from: "2020-09-25", to: "2025-12-31" },
  province: { code: "60", gazetteer: "2008-08-01" },
  sourceFile: FILE,
  baseline: [...baseline],
  targets: [...targets],
  notes: [
    "The congress met on 24–25 September 2020; the resolution's day is left blank ('ngày    tháng 9 năm 2020'), so the closing day is taken as its date.",
  ],
};

/**
 * Resolution 000 (Bình Thuận alliance congress 2020–2025), decoded.
 * @example resolution000.province.code // "60"
 */
export const resolution000: Resolution = bundledResolution(resolution000Json);
