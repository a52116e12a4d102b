import type { EventType } from "@coop-ledger/domain";

/**
 * The Vietnamese name of every event type, as the domain's catalogue gives it (docs/events.md), so CLI
 * output can show "CoopDissolved (Giải thể HTX)". Typed as a total record: a new event type fails to
 * compile here until it is named.
 *
 * @example EVENT_LABEL_VI.CoopDissolved // "Giải thể HTX"
 */
export const EVENT_LABEL_VI: { readonly [K in EventType]: string } = {
  AllianceActivityRecorded: "Ghi nhận hoạt động của Liên minh HTX",
  FundEstablished: "Thành lập Quỹ hỗ trợ phát triển HTX",
  FundCapitalChanged: "Điều chỉnh vốn điều lệ Quỹ",
  LoanApplicationReceived: "Tiếp nhận hồ sơ vay vốn",
  CoopFounded: "Thành lập HTX / LHHTX / THT",
  CoopJoinedAlliance: "Gia nhập Liên minh HTX tỉnh",
  CoopLeftAlliance: "Ra khỏi Liên minh HTX",
  CoopConformedToLaw: "Tổ chức lại / đăng ký lại theo Luật HTX",
  CoopConverted: "Chuyển đổi hình thức",
  CoopSuspended: "Tạm ngừng hoạt động",
  CoopResumed: "Hoạt động trở lại",
  DissolutionStarted: "Bắt đầu thủ tục giải thể",
  CoopDissolved: "Giải thể HTX",
  HeadOfficeMoved: "Chuyển trụ sở chính",
  LoanDisbursed: "Giải ngân khoản vay",
  LoanRepaid: "Trả nợ gốc",
  LoanRescheduled: "Gia hạn / điều chỉnh kỳ hạn trả nợ",
  OcopCertified: "Công nhận sản phẩm OCOP",
  OcopEnded: "Chấm dứt hiệu lực chứng nhận OCOP",
  ValueChainLinked: "Tham gia liên kết chuỗi giá trị",
  ValueChainUnlinked: "Chấm dứt liên kết chuỗi giá trị",
  ReorganisationDecided: "Quyết định tổ chức lại HTX",
  CoopReorganisedAway: "Chấm dứt tồn tại do tổ chức lại",
  CoopSpunOff: "Tách HTX",
  CoopMergerReceived: "Nhận sáp nhập",
  MembershipReported: "Báo cáo số lượng thành viên",
  ManagerAppointed: "Bổ nhiệm cán bộ quản lý HTX",
  ManagerLeft: "Cán bộ quản lý thôi giữ chức vụ",
  AnnualReportFiled: "Nộp báo cáo tình hình hoạt động / báo cáo tài chính năm",
  CoopAssessed: "Đánh giá, xếp loại HTX",
  EventRetracted: "Hủy bỏ sự kiện ghi nhầm",
};

/**
 * An event type with its Vietnamese name, for tables and explanations.
 * @example eventLabel("CoopDissolved") // "CoopDissolved (Giải thể HTX)"
 */
export const eventLabel = (type: string): string => {
  const vi = (EVENT_LABEL_VI as Readonly<Record<string, string>>)[type];
  return vi === undefined ? type : `${type} (${vi})`;
};
