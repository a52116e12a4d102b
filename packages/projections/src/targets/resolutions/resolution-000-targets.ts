import type { TargetJson } from "../target.js";

/**
 * The source text of resolution 000, as its entries cite it.
 * @example RESOLUTION_000_FILE.endsWith(".txt") // true
 */
export const RESOLUTION_000_FILE = "binh-thuan-alliance-congress-resolution-2020-2025.txt";
const FILE = RESOLUTION_000_FILE;
const BY_2025 = { kind: "by", date: "2025-12-31" } as const;
/** "Mỗi năm" / "hằng năm" targets are evaluated for each full calendar year after the congress (Sept 2020). */
const EVERY_YEAR = { kind: "perYear", fromYear: 2021, toYear: 2025 } as const;

const count = (value: number) => ({ unit: "count", value }) as const;
const bp = (value: number) => ({ unit: "basisPoints", value }) as const;

/**
 * The targets of resolution 000 as the congress numbers them: (1)–(6) the co-ops' development, (7)–(12)
 * the alliance's own work (news, trade promotion, training, the support fund, its rating, value chains).
 * @example resolution000Targets.filter((t) => t.number === "(5)").length // 5 sub-targets of target (5)
 */
export const resolution000Targets: ReadonlyArray<TargetJson> = [
  {
    id: "000.newCoops",
    number: "(1)",
    role: "goal",
    label: { en: "New co-ops a year", vi: "Hợp tác xã thành lập mới mỗi năm" },
    source: { file: FILE, quote: "(1) Mỗi năm thành lập mới ít nhất 15 Hợp tác xã" },
    timing: EVERY_YEAR,
    measure: {
      kind: "indicator",
      indicator: { id: "coops.founded", basis: "period" },
      comparator: ">=",
      threshold: count(15),
    },
  },
  {
    id: "000.effectiveShare",
    number: "(2)",
    role: "goal",
    label: { en: "Share of effective co-ops", vi: "Tỷ lệ hợp tác xã hoạt động hiệu quả" },
    source: { file: FILE, quote: "(2) Đến năm 2025 có trên 70% tổng số Hợp tác xã hoạt động hiệu quả." },
    timing: BY_2025,
    measure: {
      kind: "indicator",
      indicator: {
        id: "rating.fairOrGoodShare",
        basis: "fiscalYear",
        options: { ratingDenominator: "activeAtYearEnd" },
      },
      comparator: ">",
      threshold: bp(7000),
    },
    note: "'Effective' (hoạt động hiệu quả) is read as rated fair or good (khá, tốt) for 2025, and the share is of 'tổng số Hợp tác xã', all co-ops active on 31/12/2025 — a co-op not rated counts against it, not out of it.",
  },
  {
    id: "000.youngQualifiedManagers",
    number: "(3)",
    role: "goal",
    label: {
      en: "Managers under 50 with intermediate or higher qualification",
      vi: "Cán bộ quản lý HTX dưới 50 tuổi, trình độ trung cấp trở lên",
    },
    source: {
      file: FILE,
      quote: "ít nhất có 50% cán bộ Hợp tác xã dưới 50 tuổi và có trình độ từ trung cấp trở lên",
    },
    timing: BY_2025,
    measure: {
      kind: "indicator",
      indicator: { id: "managers.under50QualifiedShare", basis: "instant" },
      comparator: ">=",
      threshold: bp(5000),
    },
    note: "No date in the text: evaluated at the end of the term.",
  },
  {
    id: "000.law2012",
    number: "(4)",
    role: "goal",
    label: { en: "Co-ops operating under the 2012 law", vi: "HTX hoạt động đúng Luật Hợp tác xã năm 2012" },
    source: { file: FILE, quote: "100% Hợp tác xã hoạt động đúng các quy định tại Luật Hợp tác xã năm 2012" },
    timing: { kind: "by", date: "2024-06-30" },
    measure: {
      kind: "indicator",
      indicator: { id: "coops.law2012Share", basis: "instant" },
      comparator: "=",
      threshold: bp(10_000),
    },
    note: "Evaluated on 2024-06-30, the last day Law 23/2012/QH13 was in force: from 2024-07-01 Law 17/2023/QH15 replaces it and the target lapses.",
  },
  {
    id: "000.newAllianceMembers",
    number: "(4)",
    role: "goal",
    label: { en: "New alliance members a year", vi: "Kết nạp mới thành viên Liên minh HTX tỉnh hằng năm" },
    source: {
      file: FILE,
      quote: "hàng năm kết nạp mới ít nhất 03 Hợp tác xã trở thành thành viên Liên minh Hợp tác xã tỉnh",
    },
    timing: EVERY_YEAR,
    measure: {
      kind: "indicator",
      indicator: { id: "alliance.newMembers", basis: "period" },
      comparator: ">=",
      threshold: count(3),
    },
  },
  {
    id: "000.capitalGrowth",
    number: "(5)",
    role: "goal",
    label: { en: "Growth of capital", vi: "Tăng trưởng quy mô vốn" },
    source: { file: FILE, quote: "Tăng trưởng về quy mô vốn, tài sản đạt bình quân 5%/năm" },
    timing: BY_2025,
    measure: {
      kind: "indicator",
      indicator: {
        id: "finance.growth.assets",
        basis: "fiscalYear",
        averageGrowth: { baseYear: 2020 },
      },
      comparator: ">=",
      threshold: bp(500),
    },
    note: "'Quy mô vốn' is operating capital (vốn hoạt động: contributed, mobilised and accumulated capital, funds, support — Law 23/2012/QH13 art. 46 [verify]), not charter capital alone. On the balance sheet it is total capital sources (tổng nguồn vốn, Circular 24/2017/TT-BTC) = total assets, so it shares the assets figure. 'Bình quân 5%/năm': the compound average of year-on-year growth, fiscal 2020 to 2025 (co-ops reporting both years), not 5 % every year; the years are detail.",
  },
  {
    id: "000.assetsGrowth",
    number: "(5)",
    role: "goal",
    label: { en: "Growth of assets", vi: "Tăng trưởng tài sản" },
    source: { file: FILE, quote: "Tăng trưởng về quy mô vốn, tài sản đạt bình quân 5%/năm" },
    timing: BY_2025,
    measure: {
      kind: "indicator",
      indicator: {
        id: "finance.growth.assets",
        basis: "fiscalYear",
        averageGrowth: { baseYear: 2020 },
      },
      comparator: ">=",
      threshold: bp(500),
    },
    note: "Total assets (tổng tài sản) of co-ops; the compound average annual growth from fiscal 2020 to fiscal 2025, each year over the co-ops reporting both years; the yearly links are detail.",
  },
  {
    id: "000.revenueGrowth",
    number: "(5)",
    role: "goal",
    label: { en: "Growth of revenue", vi: "Tăng trưởng doanh thu" },
    source: {
      file: FILE,
      quote: "doanh thu, lợi nhuận của Hợp tác xã, Tổ hợp tác tăng trưởng từ 6%/năm trở lên",
    },
    timing: BY_2025,
    measure: {
      kind: "indicator",
      indicator: {
        id: "finance.growth.revenue",
        basis: "fiscalYear",
        sumOverForms: ["cooperative", "group"],
        averageGrowth: { baseYear: 2020 },
      },
      comparator: ">=",
      threshold: bp(600),
    },
    note: "Of co-ops and cooperative groups together, as the seed names both ('của Hợp tác xã, Tổ hợp tác'): each year's growth adds the groups' reports to the co-ops' (a group counts when it reports both years). 'Từ 6%/năm trở lên' is read like 'bình quân 5%/năm' beside it in the same sentence: the compound average annual growth from fiscal 2020 to fiscal 2025; the yearly links are detail.",
  },
  {
    id: "000.profitGrowth",
    number: "(5)",
    role: "goal",
    label: { en: "Growth of profit", vi: "Tăng trưởng lợi nhuận" },
    source: {
      file: FILE,
      quote: "doanh thu, lợi nhuận của Hợp tác xã, Tổ hợp tác tăng trưởng từ 6%/năm trở lên",
    },
    timing: BY_2025,
    measure: {
      kind: "indicator",
      indicator: {
        id: "finance.growth.profit",
        basis: "fiscalYear",
        sumOverForms: ["cooperative", "group"],
        averageGrowth: { baseYear: 2020 },
      },
      comparator: ">=",
      threshold: bp(600),
    },
    note: "Of co-ops and cooperative groups together, as for revenue; the compound average annual growth from fiscal 2020 to fiscal 2025. A year whose profit base is zero or a loss has no growth rate: the average is then not measurable.",
  },
  {
    id: "000.workerIncome",
    number: "(5)",
    role: "goal",
    label: { en: "Regular workers' average monthly income", vi: "Thu nhập bình quân lao động thường xuyên" },
    source: {
      file: FILE,
      quote:
        "nâng mức thu nhập bình quân lao động thường xuyên tại Hợp tác xã đến năm 2025 đạt 5 triệu đồng/người/tháng",
    },
    timing: BY_2025,
    measure: {
      kind: "indicator",
      indicator: {
        id: "income.workerMonthlyVnd",
        basis: "fiscalYear",
        options: { incomeAverage: "perWorker" },
      },
      comparator: ">=",
      threshold: { unit: "vnd", value: 5_000_000 },
    },
    note: "Per person, as the seed says ('đồng/người/tháng'): the income paid to regular workers over the number of regular workers, i.e. each co-op's reported average weighted by its regular workers (incomeAverage perWorker) — not the mean of the co-ops' averages, which would count a 3-worker co-op like a 300-worker one.",
  },
  {
    id: "000.over100Members",
    number: "(6)",
    role: "goal",
    label: { en: "Co-ops with over 100 members", vi: "HTX có quy mô trên 100 thành viên" },
    source: { file: FILE, quote: "(6) Có ít nhất 10% Hợp tác xã có quy mô trên 100 thành viên/Hợp tác xã." },
    timing: BY_2025,
    measure: {
      kind: "indicator",
      indicator: { id: "members.over100Share", basis: "instant" },
      comparator: ">=",
      threshold: bp(1000),
    },
  },
  {
    id: "000.newsItems",
    number: "(7)",
    role: "goal",
    label: { en: "News items a year", vi: "Tin, bài, phóng sự mỗi năm" },
    source: { file: FILE, quote: "ít nhất 70 tin, bài, phóng sự phản ánh hoạt động Kinh tế tập thể" },
    timing: EVERY_YEAR,
    measure: {
      kind: "indicator",
      indicator: { id: "activity.newsItems", basis: "period" },
      comparator: ">=",
      threshold: count(70),
    },
  },
  {
    id: "000.website",
    number: "(7)",
    role: "goal",
    label: { en: "Keep the alliance's website running", vi: "Duy trì trang thông tin điện tử" },
    source: {
      file: FILE,
      quote: "Duy trì tốt hoạt động của trang thông tin điện tử Liên minh Hợp tác xã tỉnh Bình Thuận",
    },
    timing: BY_2025,
    measure: { kind: "notMeasurable", reason: "No threshold, and no event records the website's operation." },
  },
  {
    id: "000.tradePromotion",
    number: "(8)",
    role: "goal",
    label: {
      en: "Trade-promotion participations a year",
      vi: "Lượt HTX tham gia quảng bá, giới thiệu sản phẩm",
    },
    source: {
      file: FILE,
      quote: "(8) Mỗi năm giới thiệu, hỗ trợ từ 100 lượt Hợp tác xã tham gia quảng bá, giới thiệu sản phẩm",
    },
    timing: EVERY_YEAR,
    measure: {
      kind: "indicator",
      indicator: { id: "activity.tradePromotions", basis: "period" },
      comparator: ">=",
      threshold: count(100),
    },
  },
  {
    id: "000.trainingClasses",
    number: "(9)",
    role: "goal",
    label: { en: "Training classes a year", vi: "Lớp tập huấn, bồi dưỡng, đào tạo hằng năm" },
    source: { file: FILE, quote: "(9) Hằng năm, tổ chức được ít nhất 15 lớp tập huấn, bồi dưỡng, đào tạo" },
    timing: EVERY_YEAR,
    measure: {
      kind: "indicator",
      indicator: { id: "activity.trainingClasses", basis: "period" },
      comparator: ">=",
      threshold: count(15),
    },
  },
  {
    id: "000.supportFund",
    number: "(10)",
    role: "goal",
    label: { en: "A co-op development support fund founded", vi: "Thành lập Quỹ hỗ trợ phát triển HTX" },
    source: { file: FILE, quote: "(10) Tham mưu thành lập được Quỹ hỗ trợ phát triển Hợp tác xã." },
    timing: BY_2025,
    measure: {
      kind: "indicator",
      indicator: {
        id: "fund.charterCapitalVnd",
        basis: "instant",
        options: { fundKind: "provincialSupportFund" },
      },
      comparator: ">",
      threshold: { unit: "vnd", value: 0 },
    },
    note: "A provincial support fund exists when it has charter capital: capital above zero on the date means the fund was founded.",
  },
  {
    id: "000.allianceAgencyRating",
    number: "(11)",
    role: "goal",
    label: {
      en: "Alliance agency rated 'completed its tasks well' every year",
      vi: "Cơ quan Liên minh HTX tỉnh xếp loại hoàn thành tốt nhiệm vụ trở lên",
    },
    source: {
      file: FILE,
      quote: "(11) Cơ quan Liên minh Hợp tác xã tỉnh hàng năm xếp loại hoàn thành tốt nhiệm vụ trở lên",
    },
    timing: EVERY_YEAR,
    measure: {
      kind: "notMeasurable",
      reason:
        "The ledger records co-ops' ratings, not the civil-service rating of the alliance's own agency.",
    },
  },
  {
    id: "000.valueChainPerDistrict",
    number: "(12)",
    role: "goal",
    label: { en: "One value-chain linkage per district", vi: "Mỗi huyện, thị, thành phố 01 chuỗi liên kết" },
    source: {
      file: FILE,
      quote: "tại mỗi huyện, thị, thành phố xây dựng được 01 chuỗi liên kết, sản xuất tiêu thụ sản phẩm",
    },
    timing: { kind: "by", date: "2025-06-30" },
    measure: {
      kind: "indicator",
      indicator: { id: "valueChain.districtCoverage", basis: "instant", options: { districtCount: 10 } },
      comparator: "=",
      threshold: bp(10_000),
    },
    note: "Evaluated on 2025-06-30, the last day districts existed (they were abolished on 2025-07-01), over Bình Thuận's 10 districts, towns and cities in the 2008-08-01 gazetteer; linkages are those under Resolution 86/2019/NQ-HĐND.",
  },
];
