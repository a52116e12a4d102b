import { bundledResolution, type Resolution, type ResolutionJson } from "../resolution.js";

const FILE = "provincial-alliance-party-cell-congress-2020-2025.txt";
/** The date is not in the text: the end of the grassroots party congresses of 2020 is used. */
const ADOPTED = "2020-06-30";

/**
 * The JSON form of resolution 003: the 7th congress of the party cell of the provincial Cooperative
 * Alliance's agency, term 2020–2025 (Đại hội Chi bộ Liên minh HTX tỉnh lần thứ VII). The text names no
 * province; it is Báo Hà Nam's article, so Hà Nam (35; part of Ninh Bình, 37, from 2025-07-01).
 * @example resolution003Json.province.code // "35"
 */
export const resolution003Json: ResolutionJson = {
  id: "003",
  title: {
    en: "7th congress of the party cell of the Hà Nam Cooperative Alliance, term 2020–2025",
    vi: "Đại hội Chi bộ Liên minh Hợp tác xã tỉnh (Hà Nam) lần thứ VII, nhiệm kỳ 2020-2025",
  },
  body: "alliancePartyCellCongress",
  adoptedOn: ADOPTED,
  term: { from: ADOPTED, to: "2025-06-30" },
  province: { code: "35", gazetteer: "2008-08-01" },
  sourceFile: FILE,
  baseline: [
    {
      id: "003.baseline.advisedFoundings",
      role: "reported",
      label: {
        en: "New-model co-ops founded with the alliance's advice in the term",
        vi: "HTX kiểu mới được tư vấn, hỗ trợ thành lập trong nhiệm kỳ",
      },
      source: { file: FILE, quote: "Trong nhiệm kỳ đã tư vấn, hỗ trợ thành lập được 70 HTX kiểu mới" },
      timing: { kind: "period", from: "2015-07-01", to: ADOPTED },
      measure: {
        kind: "indicator",
        indicator: { id: "coops.foundedAdvised", basis: "period" },
        comparator: "=",
        threshold: { unit: "count", value: 70 },
      },
      note: "The term 2015–2020 is read as the five years to the congress (the previous congress's date is not in the text). 'Kiểu mới' (new-model) is a co-op under Law 23/2012/QH13: every co-op founded new after 2013-07-01 is one, so the figure is the co-ops founded new whose founding records the alliance's advice.",
    },
  ],
  targets: [
    {
      id: "003.cellRating",
      role: "goal",
      label: {
        en: "The party cell rated 'completed its tasks well' or better every year",
        vi: "Chi bộ hàng năm được xếp loại hoàn thành tốt nhiệm vụ trở lên",
      },
      source: { file: FILE, quote: "Chi bộ phấn đấu hàng năm được xếp loại hoàn thành tốt nhiệm vụ trở lên" },
      timing: { kind: "perYear", fromYear: 2020, toYear: 2024 },
      measure: {
        kind: "notMeasurable",
        reason:
          "The ledger rates co-ops (CoopAssessed), not party organisations: no event records the cell's yearly rating (xếp loại tổ chức đảng).",
      },
    },
  ],
  notes: [
    "The congress's other tasks (training co-op officials, advising and supporting co-ops, helping them reach loans, member development) state no quantity.",
    "The province and the date come from the article's publisher and section (Báo Hà Nam, 'Tiến tới Đại hội XIII của Đảng'), not from the text.",
  ],
};

/**
 * Resolution 003 (the Hà Nam alliance's party cell congress, 2020), decoded.
 * @example resolution003.baseline[0]?.id // "003.baseline.advisedFoundings"
 */
export const resolution003: Resolution = bundledResolution(resolution003Json);
