import { bundledResolution, type Resolution, type ResolutionJson } from "../resolution.js";
import type { TargetJson } from "../target.js";

const FILE = "dak-nong-alliance-standing-committee-2019.txt";
const FIRST_7_MONTHS = { kind: "period", from: "2019-01-01", to: "2019-07-31" } as const;
const FIRST_HALF = { kind: "period", from: "2019-01-01", to: "2019-06-30" } as const;
const SUPPORT_FUND = { fundKind: "provincialSupportFund" } as const;

const baseline: ReadonlyArray<TargetJson> = [
  {
    id: "002.baseline.foundingGroupsAdvised",
    role: "reported",
    label: { en: "Founding groups advised", vi: "Nhóm sáng lập viên được tư vấn" },
    source: { file: FILE, quote: "hoàn thiện hồ sơ tư vấn cho 12 nhóm sáng lập viên" },
    timing: FIRST_7_MONTHS,
    measure: {
      kind: "indicator",
      indicator: { id: "activity.foundingAdvice", basis: "period" },
      comparator: "=",
      threshold: { unit: "count", value: 12 },
    },
  },
  {
    id: "002.baseline.coopsFounded",
    role: "reported",
    label: { en: "Co-ops founded so far in 2019", vi: "HTX đã thành lập" },
    source: { file: FILE, quote: "đến nay đã thành lập được 6 HTX" },
    timing: { kind: "period", from: "2019-01-01", to: "2019-08-08" },
    measure: {
      kind: "indicator",
      indicator: { id: "coops.founded", basis: "period" },
      comparator: "=",
      threshold: { unit: "count", value: 6 },
    },
    note: "The text counts co-ops founded from the 12 advised groups; the ledger counts every co-op founded new in the province, so it can be higher.",
  },
  {
    id: "002.baseline.trainingClasses",
    role: "reported",
    label: {
      en: "Training classes for co-op managers and members",
      vi: "Lớp bồi dưỡng kiến thức cho cán bộ quản lý và thành viên HTX",
    },
    source: {
      file: FILE,
      quote: "tổ chức mở 04 lớp bồi dưỡng kiến thức cho cán bộ quản lý và thành viên HTX",
    },
    timing: FIRST_7_MONTHS,
    measure: {
      kind: "indicator",
      indicator: { id: "activity.trainingClasses", basis: "period" },
      comparator: "=",
      threshold: { unit: "count", value: 4 },
    },
  },
  {
    id: "002.baseline.lawClasses",
    role: "reported",
    label: {
      en: "Awareness classes on the cooperative law for associations and groups",
      vi: "Lớp tuyên truyền về Luật HTX 2012, Nghị định 151/2007/NĐ-CP",
    },
    source: { file: FILE, quote: "mở 16 lớp tuyên truyền về Luật HTX 2012, Nghị định 151/2007/NĐ-CP" },
    timing: FIRST_7_MONTHS,
    measure: {
      kind: "indicator",
      indicator: { id: "activity.awarenessClasses", basis: "period" },
      comparator: "=",
      threshold: { unit: "count", value: 16 },
    },
    note: "Awareness classes (lớp tuyên truyền) for officials and members of the mass associations and groups, co-organised with the associations and districts: a kind of their own (awarenessClass), not counted with the 04 training classes for co-ops.",
  },
  {
    id: "002.baseline.newspaperPages",
    role: "reported",
    label: { en: "Special pages in the provincial newspaper", vi: "Chuyên trang trên Báo Đắk Nông" },
    source: { file: FILE, quote: "phối hợp với Báo Đăk Nông thực hiện 03 chuyên trang trên Báo" },
    timing: FIRST_7_MONTHS,
    measure: {
      kind: "indicator",
      indicator: { id: "activity.newsItems", basis: "period" },
      comparator: "=",
      threshold: { unit: "count", value: 3 },
    },
    note: "A special page is counted as one news item.",
  },
  {
    id: "002.baseline.loanApplications",
    role: "reported",
    label: {
      en: "Loan applications received by the support fund",
      vi: "Hồ sơ vay vốn Quỹ hỗ trợ phát triển HTX tiếp nhận",
    },
    source: { file: FILE, quote: "đã tiếp nhận trên 10 thủ tục hồ sơ vay vốn" },
    timing: FIRST_HALF,
    measure: {
      kind: "indicator",
      indicator: { id: "fund.applications", basis: "period", options: SUPPORT_FUND },
      comparator: ">",
      threshold: { unit: "count", value: 10 },
    },
  },
  {
    id: "002.baseline.loansDisbursed",
    role: "reported",
    label: { en: "Loans disbursed by the support fund", vi: "Số khoản vay đã giải ngân" },
    source: { file: FILE, quote: "đã giải ngân cho 01 HTX vay vốn mua máy ủi" },
    timing: FIRST_HALF,
    measure: {
      kind: "indicator",
      indicator: { id: "loans.disbursed", basis: "period", options: SUPPORT_FUND },
      comparator: "=",
      threshold: { unit: "count", value: 1 },
    },
  },
  {
    id: "002.baseline.loansDisbursedVnd",
    role: "reported",
    label: { en: "Amount disbursed by the support fund", vi: "Số tiền đã giải ngân" },
    source: { file: FILE, quote: "với số tiền 250 triệu đồng" },
    timing: FIRST_HALF,
    measure: {
      kind: "indicator",
      indicator: { id: "loans.disbursedVnd", basis: "period", options: SUPPORT_FUND },
      comparator: "=",
      threshold: { unit: "vnd", value: 250_000_000 },
    },
  },
];

const targets: ReadonlyArray<TargetJson> = [
  {
    id: "002.newCoops2019",
    role: "goal",
    label: { en: "New co-ops in 2019", vi: "HTX thành lập mới cả năm 2019" },
    source: { file: FILE, quote: "phấn đấu cả năm thành lập mới được 20 HTX trở lên" },
    timing: { kind: "period", from: "2019-01-01", to: "2019-12-31" },
    measure: {
      kind: "indicator",
      indicator: { id: "coops.founded", basis: "period" },
      comparator: ">=",
      threshold: { unit: "count", value: 20 },
    },
  },
  {
    id: "002.moreTrainingClasses",
    role: "goal",
    label: {
      en: "Training classes in the last 5 months",
      vi: "Lớp bồi dưỡng cho cán bộ quản lý và thành viên HTX",
    },
    source: {
      file: FILE,
      quote: "tiếp tục tổ chức mở 02 lớp bồi dưỡng cho cán bộ quản lý và thành viên HTX",
    },
    timing: { kind: "period", from: "2019-08-01", to: "2019-12-31" },
    measure: {
      kind: "indicator",
      indicator: { id: "activity.trainingClasses", basis: "period" },
      comparator: ">=",
      threshold: { unit: "count", value: 2 },
    },
  },
  {
    id: "002.bulletin35",
    role: "goal",
    label: { en: "Publish bulletin no. 35", vi: "Phát hành Bản tin kinh tế hợp tác số 35" },
    source: { file: FILE, quote: "phát hành Bản tin kinh tế hợp tác số 35" },
    timing: { kind: "by", date: "2019-12-31" },
    measure: { kind: "notMeasurable", reason: "No event records the alliance's bulletin issues." },
  },
  {
    id: "002.regionalConference",
    role: "goal",
    label: {
      en: "Value-chain conference for 19 central and highland provinces",
      vi: "Hội nghị liên kết sản xuất theo chuỗi giá trị cho 19 tỉnh Miền Trung – Tây Nguyên",
    },
    source: {
      file: FILE,
      quote: "tham mưu tổ chức Hội nghị liên kết sản xuất theo chuỗi giá trị sản phẩm cho 19 tỉnh",
    },
    timing: { kind: "by", date: "2019-12-31" },
    measure: { kind: "notMeasurable", reason: "No event records conferences." },
  },
];

/**
 * The JSON form of resolution 002: the 29th meeting of the Đắk Nông Cooperative Alliance's standing
 * committee, 8 August 2019 (Hội nghị Ban Thường vụ lần thứ 29 – Khóa II).
 * @example resolution002Json.adoptedOn // "2019-08-08"
 */
export const resolution002Json: ResolutionJson = {
  id: "002",
  title: {
    en: "29th meeting of the Đắk Nông Cooperative Alliance's standing committee, 2019",
    vi: "Hội nghị Ban Thường vụ lần thứ 29 – Khóa II Liên minh HTX tỉnh Đắk Nông",
  },
  body: "allianceStandingCommittee",
  adoptedOn: "2019-08-08",
  term: { from: "2019-01-01", to: "2019-12-31" },
  province: { code: "67", gazetteer: "2008-08-01" },
  sourceFile: FILE,
  baseline: [...baseline],
  targets: [...targets],
  notes: [
    "The meeting reviewed the first 7 months of 2019 (the fund's figures cover the first 6) and set tasks for the last 5 months.",
  ],
};

/**
 * Resolution 002 (Đắk Nông alliance standing committee, 2019), decoded.
 * @example resolution002.targets[0]?.id // "002.newCoops2019"
 */
export const resolution002: Resolution = bundledResolution(resolution002Json);
