import type { EventType } from "../events/domain-event.js";

/** What docs/events.md says about an event beyond its fields. */
export interface EventEntry {
  readonly english: string;
  readonly vietnamese: string;
  readonly stream: "coop" | "alliance" | "fund" | "reorganisation" | "any";
  readonly rules: string;
  readonly basis: string;
}

const L12 = "Law 23/2012/QH13";
const L23 = "Law 17/2023/QH15";

/**
 * The event catalogue: English and Vietnamese names, stream, rules and legal basis of every event type
 * (a record over every type, so a new event cannot be added without its entry).
 *
 * @example EVENT_CATALOGUE.CoopDissolved.vietnamese // "Giải thể HTX"
 */
export const EVENT_CATALOGUE: { readonly [K in EventType]: EventEntry } = {
  CoopFounded: {
    english: "Co-op, union or group founded",
    vietnamese: "Thành lập HTX / LHHTX / THT",
    stream: "coop",
    rules:
      "Empty stream. Minimum founders by the law in force on the effective date (none enforced for 2003-era records; a 2003-era founding below the 2012 minimum is accepted with a warning); a cooperative group by the civil-law rule of its day: ≥ 3 members from 2006-01-01 to 2019-11-24, ≥ 2 from Decree 77/2019/NĐ-CP (in force 2019-11-25) on (configuration `groupFounders`). Location in the gazetteer in force. Pre-existing: its law must be in force. Conversion: the form changes.",
    basis: `${L12} art. 3, 13; ${L23} art. 4, 21; groups: Civil Code 2005 art. 111 and Decree 151/2007/NĐ-CP to 2019-11-24, Decree 77/2019/NĐ-CP art. 3(1) from 2019-11-25`,
  },
  CoopJoinedAlliance: {
    english: "Joined the provincial Cooperative Alliance",
    vietnamese: "Gia nhập Liên minh HTX tỉnh",
    stream: "coop",
    rules:
      "Not already a member; the alliance of the co-op's own province, in the gazetteer in force; not while suspended or in dissolution.",
    basis: "Charter of the Vietnam Cooperative Alliance",
  },
  CoopLeftAlliance: {
    english: "Left the provincial Cooperative Alliance",
    vietnamese: "Ra khỏi Liên minh HTX",
    stream: "coop",
    rules: "Must be a member.",
    basis: "Charter of the Vietnam Cooperative Alliance",
  },
  CoopConformedToLaw: {
    english: "Conformed to the 2012 or 2023 law",
    vietnamese: "Đăng ký lại / sửa đổi điều lệ theo Luật HTX",
    stream: "coop",
    rules:
      "The law is in force on the effective date and later than the one the co-op operates under; after the deadline (2016-06-30 / 2025-12-31, configuration) accepted with a warning.",
    basis: `${L12} art. 62 [verify]; ${L23} art. 115(1)`,
  },
  CoopConverted: {
    english: "Converted into another form",
    vietnamese: "Chuyển đổi hình thức",
    stream: "coop",
    rules: "The form changes. Terminal; not back-dated before later-effective events.",
    basis: `${L23} (chuyển đổi)`,
  },
  ReorganisationDecided: {
    english: "Reorganisation decided (split, spin-off, consolidation, merger)",
    vietnamese: "Quyết định tổ chức lại HTX (chia, tách, hợp nhất, sáp nhập)",
    stream: "reorganisation",
    rules:
      "Once per stream. Split 1 source ≥ 2 new; spin-off 1 source ≥ 1 new; consolidation ≥ 2 sources exactly 1 new; merger ≥ 1 source, no new, an absorbing co-op not among the sources. Ids distinct; successors meet the founder minimum and use the gazetteer in force. Effects come from deriveReorganisationEffects.",
    basis: `${L12} art. 53; ${L23} art. 94–96`,
  },
  CoopReorganisedAway: {
    english: "Ceased to exist by split, consolidation or merger",
    vietnamese: "Chấm dứt tồn tại do tổ chức lại",
    stream: "coop",
    rules:
      "A reorganisation effect. The source exists and is not terminated or in dissolution; not back-dated before later-effective events. Terminal.",
    basis: `${L12} art. 53; ${L23} art. 94–96`,
  },
  CoopSpunOff: {
    english: "Part spun off into new co-ops",
    vietnamese: "Tách HTX",
    stream: "coop",
    rules: "A reorganisation effect on an active co-op; it continues with fewer members.",
    basis: `${L12} art. 53; ${L23} art. 95`,
  },
  CoopMergerReceived: {
    english: "Absorbed other co-ops in a merger",
    vietnamese: "Nhận sáp nhập",
    stream: "coop",
    rules: "A reorganisation effect on an active co-op; it gains the absorbed members.",
    basis: `${L12} art. 53; ${L23} art. 96`,
  },
  CoopSuspended: {
    english: "Suspended operations",
    vietnamese: "Tạm ngừng hoạt động",
    stream: "coop",
    rules:
      "Not already suspended (on its effective date) or in dissolution; `until`, if given, after the effective date. Suspended through `until` (inclusive): from the day after, the co-op is operating again without a CoopResumed, for the decider (status on a command's effective date) as for the projections (`coops.suspended`).",
    basis: `${L23} (tạm ngừng hoạt động)`,
  },
  CoopResumed: {
    english: "Resumed operations",
    vietnamese: "Hoạt động trở lại",
    stream: "coop",
    rules:
      "Only when suspended (a resumption after a suspension's `until` is accepted: it confirms the end).",
    basis: `${L23} (tạm ngừng hoạt động)`,
  },
  DissolutionStarted: {
    english: "Dissolution proceedings started",
    vietnamese: "Bắt đầu thủ tục giải thể",
    stream: "coop",
    rules: "Once; a compulsory dissolution names its ground.",
    basis: `${L12} art. 54; ${L23} art. 97`,
  },
  CoopDissolved: {
    english: "Dissolved",
    vietnamese: "Giải thể HTX",
    stream: "coop",
    rules:
      "A compulsory dissolution names its ground; a back-dated dissolution may not precede events already effective later (they are named). Terminal: nothing effective after it is accepted, nothing changes its status again; late-recorded facts effective on or before it (reports, repayments, ratings…) are still accepted.",
    basis: `${L12} art. 54; ${L23} art. 97`,
  },
  LoanDisbursed: {
    english: "Loan disbursed",
    vietnamese: "Giải ngân khoản vay",
    stream: "coop",
    rules:
      "New loan id, positive principal, maturity after disbursement (default: + term); fund caps (configuration; before a cap took effect: warning). Not while suspended or in dissolution.",
    basis: "Decree 45/2021/NĐ-CP (support funds); Decree 74/2019/NĐ-CP art. 1(2) (National Employment Fund)",
  },
  LoanRepaid: {
    english: "Principal repaid",
    vietnamese: "Trả nợ gốc",
    stream: "coop",
    rules: "A known loan; not before disbursement; principal never exceeds outstanding; something is repaid.",
    basis: "Loan contract",
  },
  LoanRescheduled: {
    english: "Loan maturity moved",
    vietnamese: "Gia hạn / điều chỉnh kỳ hạn trả nợ",
    stream: "coop",
    rules: "A known loan with principal outstanding; new maturity after disbursement.",
    basis: "Loan contract",
  },
  MembershipReported: {
    english: "Members reported",
    vietnamese: "Báo cáo số lượng thành viên",
    stream: "coop",
    rules: "Common rules only.",
    basis: `${L23} (thành viên chính thức, liên kết)`,
  },
  ManagerAppointed: {
    english: "Manager appointed",
    vietnamese: "Bổ nhiệm cán bộ quản lý HTX",
    stream: "coop",
    rules: "Not already in office; born before the appointment.",
    basis: "Co-op charter",
  },
  ManagerLeft: {
    english: "Manager left office",
    vietnamese: "Cán bộ quản lý thôi giữ chức vụ",
    stream: "coop",
    rules: "In office; not before the appointment.",
    basis: "Co-op charter",
  },
  AnnualReportFiled: {
    english: "Annual report filed",
    vietnamese: "Nộp báo cáo tình hình hoạt động / báo cáo tài chính năm",
    stream: "coop",
    rules: "A fiscal year the co-op existed in, not after the effective date.",
    basis:
      "Decree 45/2021/NĐ-CP; Circular 03/2014/TT-BKHĐT as amended by 07/2019/TT-BKHĐT (activity report, Phụ lục I-19); Circular 31/2018/TT-BKHĐT (reporting) [verify]",
  },
  CoopAssessed: {
    english: "Rated for a year",
    vietnamese: "Đánh giá, xếp loại HTX",
    stream: "coop",
    rules:
      "Rating from the score by the bands (good ≥ 80, fair 65–< 80, average 50–< 65, weak < 50; configuration); an administrative sanction forces weak for agricultural co-ops under 09/2017; 09/2017 only for agricultural co-ops; not rated under 12 months old at the end of the year, nor (from 2020-04-01, Circular 01/2020) after stopping operations for more than three months (90 days) in the year.",
    basis:
      "Circular 01/2020/TT-BKHĐT art. 7 (criteria), 8(2) (bands), 8(3) (not rated), 9 (self-scoring filed by 15 December); Circular 09/2017/TT-BNNPTNT",
  },
  OcopCertified: {
    english: "OCOP product certified",
    vietnamese: "Công nhận sản phẩm OCOP",
    stream: "coop",
    rules:
      "Stars from the score (5★ ≥ 90, 4★ 70–< 90, 3★ 50–< 70; < 50 refused); valid 36 months. Re-certification replaces. Not while suspended or in dissolution.",
    basis:
      "Decision 1048/QĐ-TTg 2019 (amended by 781/QĐ-TTg 2020) to 2023-02-23; Decision 148/QĐ-TTg from 2023-02-24 [verify: its bands]",
  },
  OcopEnded: {
    english: "OCOP certificate ended",
    vietnamese: "Chấm dứt hiệu lực chứng nhận OCOP",
    stream: "coop",
    rules: "A current certificate; not before it was issued. Expiry needs no event.",
    basis: "Decision 1048/QĐ-TTg 2019; Decision 148/QĐ-TTg 2023",
  },
  HeadOfficeMoved: {
    english: "Head office moved (or re-recorded in the 2025 gazetteer)",
    vietnamese: "Chuyển trụ sở chính",
    stream: "coop",
    rules: "Location in the gazetteer in force on the effective date.",
    basis: "Resolution 202/2025/QH15 (2025 units)",
  },
  ValueChainLinked: {
    english: "Value-chain linkage joined",
    vietnamese: "Tham gia liên kết chuỗi giá trị",
    stream: "coop",
    rules: "A new linkage id; not while suspended or in dissolution.",
    basis: "Decree 98/2018/NĐ-CP (linkages in agricultural production and sale)",
  },
  ValueChainUnlinked: {
    english: "Value-chain linkage ended",
    vietnamese: "Chấm dứt liên kết chuỗi giá trị",
    stream: "coop",
    rules: "An active linkage; not before it started.",
    basis: "Decree 98/2018/NĐ-CP",
  },
  EventRetracted: {
    english: "Event retracted as a mistake",
    vietnamese: "Hủy bỏ sự kiện ghi nhầm",
    stream: "any",
    rules:
      "Names an event on the same stream, not already retracted, not itself a retraction. From the instant it is recorded the retracted event is left out (stateFromHistory refolds without it).",
    basis: "Audit practice: mistakes are never edited",
  },
  AllianceActivityRecorded: {
    english: "Alliance activities recorded",
    vietnamese: "Ghi nhận hoạt động của Liên minh HTX",
    stream: "alliance",
    rules: "The stream's own province, in the gazetteer in force.",
    basis: "Resolutions of the provincial alliances (sources 000–002)",
  },
  FundEstablished: {
    english: "Support fund established",
    vietnamese: "Thành lập Quỹ hỗ trợ phát triển HTX",
    stream: "fund",
    rules: "Once per stream; a province goes with its gazetteer, in force on the date.",
    basis: "Decree 45/2021/NĐ-CP",
  },
  FundCapitalChanged: {
    english: "Fund charter capital set",
    vietnamese: "Điều chỉnh vốn điều lệ Quỹ",
    stream: "fund",
    rules: "An established fund; not before establishment.",
    basis: "Decree 45/2021/NĐ-CP",
  },
  LoanApplicationReceived: {
    english: "Loan application received",
    vietnamese: "Tiếp nhận hồ sơ vay vốn",
    stream: "fund",
    rules: "An established fund; a new application id; not before establishment.",
    basis: "Decree 45/2021/NĐ-CP",
  },
};
