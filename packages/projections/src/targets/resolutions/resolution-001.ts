import { bundledResolution, type Resolution, type ResolutionJson } from "../resolution.js";

const FILE = "hoa-binh-alliance-midterm-review-2023.txt";

/**
 * The JSON form of resolution 001: the mid-term review (2023) of the Hòa Bình Cooperative Alliance's
 * executive committee, term 2020–2025 (Hội nghị sơ kết giữa nhiệm kỳ).
 * @example resolution001Json.province.code // "17"
 */
export const resolution001Json: ResolutionJson = {
  id: "001",
  title: {
    en: "Mid-term review of the Hòa Bình Cooperative Alliance, term 2020–2025",
    vi: "Hội nghị sơ kết hoạt động Liên minh Hợp tác xã tỉnh Hòa Bình giữa nhiệm kỳ 2020-2025",
  },
  body: "allianceExecutiveCommittee",
  adoptedOn: "2023-08-09",
  term: { from: "2023-08-09", to: "2025-12-31" },
  province: { code: "17", gazetteer: "2008-08-01" },
  sourceFile: FILE,
  baseline: [
    {
      id: "001.baseline.midtermTargetsMet",
      role: "reported",
      label: { en: "Targets of Resolution 01/NQ-ĐH met at mid-term", vi: "Chỉ tiêu đạt và vượt tiến độ" },
      source: { file: FILE, quote: "Đến nay 12/14 chỉ tiêu đạt và vượt tiến độ" },
      timing: { kind: "at", date: "2023-08-09" },
      measure: {
        kind: "notMeasurable",
        reason:
          "The 14 targets of congress Resolution 01/NQ-ĐH are not in the source text; once entered as a resolution, targets.met measures this.",
        stated: "12/14",
      },
    },
  ],
  targets: [
    {
      id: "001.fundCapital",
      role: "goal",
      label: { en: "Support fund's charter capital", vi: "Vốn điều lệ Quỹ hỗ trợ phát triển hợp tác xã" },
      source: {
        file: FILE,
        quote: "tăng vốn điều lệ cho Quỹ hỗ trợ phát triển hợp tác xã đến năm 2025 đạt 50 tỷ đồng",
      },
      timing: { kind: "by", date: "2025-12-31" },
      measure: {
        kind: "indicator",
        indicator: {
          id: "fund.charterCapitalVnd",
          basis: "instant",
          options: { fundKind: "provincialSupportFund" },
        },
        comparator: ">=",
        threshold: { unit: "vnd", value: 50_000_000_000 },
      },
      note: "Hòa Bình (17) is part of Phú Thọ (25) from 2025-07-01: the fund is counted in the 2008-08-01 gazetteer.",
    },
    {
      id: "001.reorganiseUnder2023Law",
      role: "goal",
      label: {
        en: "Reorganise groups and co-ops under the 2023 law",
        vi: "Tổ chức lại hoạt động của THT, HTX theo Luật Hợp tác xã 2023",
      },
      source: {
        file: FILE,
        quote: "củng cố, tổ chức lại hoạt động của THT, HTX theo quy định của Luật Hợp tác xã 2023",
      },
      timing: { kind: "by", date: "2025-12-31" },
      measure: {
        kind: "notMeasurable",
        reason:
          "No quantity is stated, and the catalogue has no 2023-law conformance share (CoopConformedToLaw events with law 2023 are recorded, so an indicator could be added).",
      },
    },
    {
      id: "001.serviceCentre",
      role: "goal",
      label: { en: "Found a co-op service centre", vi: "Thành lập Trung tâm dịch vụ HTX" },
      source: {
        file: FILE,
        quote: "tham mưu UBND tỉnh thành lập Trung tâm dịch vụ HTX thuộc Liên minh HTX tỉnh",
      },
      timing: { kind: "by", date: "2025-12-31" },
      measure: { kind: "notMeasurable", reason: "No event records the alliance's own units." },
    },
  ],
  notes: [
    "The article is dated 09/08/2023 and says the meeting took place 'vừa qua' (recently): that date is taken as the review's.",
    "Ten other task groups have no quantity (policy proposals, curricula, broadcasts, training plans, linkages, inspections, emulation movements).",
  ],
};

/**
 * Resolution 001 (Hòa Bình alliance mid-term review 2023), decoded.
 * @example resolution001.targets.length // 3
 */
export const resolution001: Resolution = bundledResolution(resolution001Json);
