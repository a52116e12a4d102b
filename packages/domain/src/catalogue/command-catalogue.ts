import type { CommandType } from "../commands/command.js";
import type { EventType } from "../events/domain-event.js";

/** What docs/events.md says about a command. */
export interface CommandEntry {
  readonly vietnamese: string;
  readonly emits: EventType;
  readonly derives?: string;
}

/**
 * The command catalogue: the Vietnamese name, the event each command emits and what the decider
 * derives (a record over every command type).
 *
 * @example COMMAND_CATALOGUE.AssessCoop.emits // "CoopAssessed"
 */
export const COMMAND_CATALOGUE: { readonly [K in CommandType]: CommandEntry } = {
  FoundCoop: { vietnamese: "Thành lập mới", emits: "CoopFounded", derives: "origin `new`" },
  RegisterExistingCoop: {
    vietnamese: "Đưa HTX đang hoạt động vào sổ",
    emits: "CoopFounded",
    derives: "origin `preExisting` (lawRegime, originallyFoundedOn)",
  },
  FoundCoopByConversion: {
    vietnamese: "Thành lập do chuyển đổi",
    emits: "CoopFounded",
    derives: "origin `conversion` (fromCoopId, fromForm)",
  },
  JoinAlliance: { vietnamese: "Gia nhập Liên minh HTX", emits: "CoopJoinedAlliance" },
  LeaveAlliance: { vietnamese: "Ra khỏi Liên minh HTX", emits: "CoopLeftAlliance" },
  ConformToLaw: { vietnamese: "Đăng ký lại theo Luật", emits: "CoopConformedToLaw" },
  ConvertCoop: { vietnamese: "Chuyển đổi", emits: "CoopConverted" },
  DecideReorganisation: { vietnamese: "Quyết định tổ chức lại", emits: "ReorganisationDecided" },
  SuspendCoop: { vietnamese: "Tạm ngừng hoạt động", emits: "CoopSuspended" },
  ResumeCoop: { vietnamese: "Hoạt động trở lại", emits: "CoopResumed" },
  StartDissolution: { vietnamese: "Bắt đầu giải thể", emits: "DissolutionStarted" },
  DissolveCoop: { vietnamese: "Giải thể", emits: "CoopDissolved" },
  DisburseLoan: {
    vietnamese: "Giải ngân",
    emits: "LoanDisbursed",
    derives: "maturityDate = effectiveDate + termMonths unless given",
  },
  RepayLoan: { vietnamese: "Trả nợ gốc", emits: "LoanRepaid" },
  RescheduleLoan: { vietnamese: "Gia hạn nợ", emits: "LoanRescheduled" },
  ReportMembership: { vietnamese: "Báo cáo thành viên", emits: "MembershipReported" },
  AppointManager: { vietnamese: "Bổ nhiệm cán bộ quản lý", emits: "ManagerAppointed" },
  RecordManagerLeft: { vietnamese: "Cán bộ quản lý thôi chức vụ", emits: "ManagerLeft" },
  FileAnnualReport: { vietnamese: "Nộp báo cáo năm", emits: "AnnualReportFiled" },
  AssessCoop: {
    vietnamese: "Đánh giá, xếp loại",
    emits: "CoopAssessed",
    derives: "rating from the score and bands (weak on sanction under 09/2017 for agriculture)",
  },
  CertifyOcop: {
    vietnamese: "Công nhận OCOP",
    emits: "OcopCertified",
    derives: "stars from the score; validUntil = effectiveDate + 36 months",
  },
  EndOcop: { vietnamese: "Chấm dứt chứng nhận OCOP", emits: "OcopEnded" },
  MoveHeadOffice: { vietnamese: "Chuyển trụ sở", emits: "HeadOfficeMoved" },
  LinkValueChain: { vietnamese: "Tham gia liên kết chuỗi", emits: "ValueChainLinked" },
  UnlinkValueChain: { vietnamese: "Chấm dứt liên kết chuỗi", emits: "ValueChainUnlinked" },
  RetractEvent: {
    vietnamese: "Hủy bỏ sự kiện ghi nhầm",
    emits: "EventRetracted",
    derives: "the target stream is `data.streamId` (not stored in the event)",
  },
  RecordAllianceActivity: { vietnamese: "Ghi nhận hoạt động Liên minh", emits: "AllianceActivityRecorded" },
  EstablishFund: { vietnamese: "Thành lập Quỹ", emits: "FundEstablished" },
  ChangeFundCapital: { vietnamese: "Điều chỉnh vốn Quỹ", emits: "FundCapitalChanged" },
  ReceiveLoanApplication: { vietnamese: "Tiếp nhận hồ sơ vay", emits: "LoanApplicationReceived" },
};
