import type * as t from "io-ts";
import { literals } from "./codec-helpers.js";

/**
 * The form of a collective economic organisation:
 * - `cooperative` — hợp tác xã (HTX);
 * - `union` — liên hiệp hợp tác xã (LHHTX), whose members are co-ops;
 * - `group` — tổ hợp tác (THT), contract-based, no legal personality.
 *
 * @example CoopForm.decode("union") // Right
 */
export const CoopForm = literals(["cooperative", "union", "group"], "CoopForm");
/** @see CoopForm */
export type CoopForm = t.TypeOf<typeof CoopForm>;

/**
 * The sector (lĩnh vực) a co-op works in: agriculture (nông nghiệp), people's credit fund (quỹ tín
 * dụng nhân dân), industry and handicraft (công nghiệp – tiểu thủ công nghiệp), commerce and services
 * (thương mại – dịch vụ), transport (vận tải), construction (xây dựng), environment (môi trường),
 * housing (nhà ở), other (khác).
 *
 * @example Sector.decode("agriculture") // Right
 */
export const Sector = literals(
  [
    "agriculture",
    "peoplesCreditFund",
    "industryHandicraft",
    "commerceServices",
    "transport",
    "construction",
    "environment",
    "housing",
    "other",
  ],
  "Sector",
);
/** @see Sector */
export type Sector = t.TypeOf<typeof Sector>;

/**
 * Sub-kind of an agricultural co-op: crop (trồng trọt), livestock (chăn nuôi), forestry (lâm nghiệp),
 * fishery (thủy sản), salt (diêm nghiệp), general (tổng hợp).
 * @example AgricultureKind.decode("fishery") // Right
 */
export const AgricultureKind = literals(
  ["crop", "livestock", "forestry", "fishery", "salt", "general"],
  "AgricultureKind",
);
/** @see AgricultureKind */
export type AgricultureKind = t.TypeOf<typeof AgricultureKind>;

/**
 * An annual rating (xếp loại): good (tốt), fair (khá), average (trung bình), weak (yếu).
 * @example Rating.decode("fair") // Right
 */
export const Rating = literals(["good", "fair", "average", "weak"], "Rating");
/** @see Rating */
export type Rating = t.TypeOf<typeof Rating>;

/**
 * The scheme a rating was made under:
 * - `circular-01-2020-TT-BKHDT` — Circular 01/2020/TT-BKHĐT (general co-ops);
 * - `circular-09-2017-TT-BNNPTNT` — Circular 09/2017/TT-BNNPTNT (agricultural co-ops).
 * @example AssessmentScheme.decode("circular-01-2020-TT-BKHDT") // Right
 */
export const AssessmentScheme = literals(
  ["circular-01-2020-TT-BKHDT", "circular-09-2017-TT-BNNPTNT"],
  "AssessmentScheme",
);
/** @see AssessmentScheme */
export type AssessmentScheme = t.TypeOf<typeof AssessmentScheme>;

/**
 * A fund that lends to co-ops: the central or a provincial Cooperative Development Support Fund (Quỹ hỗ
 * trợ phát triển HTX trung ương / tỉnh), or the National Employment Fund (Quỹ quốc gia về việc làm),
 * which lends through the alliances.
 * @example FundKind.decode("provincialSupportFund") // Right
 */
export const FundKind = literals(
  ["centralSupportFund", "provincialSupportFund", "nationalEmploymentFund"],
  "FundKind",
);
/** @see FundKind */
export type FundKind = t.TypeOf<typeof FundKind>;

/**
 * Highest qualification of a manager (trình độ): none, primary vocational (sơ cấp), intermediate
 * (trung cấp), college (cao đẳng), university (đại học), postgraduate (sau đại học).
 * "Intermediate or higher" (trung cấp trở lên) is the bar the resolutions track.
 * @example Qualification.decode("intermediate") // Right
 */
export const Qualification = literals(
  ["none", "primary", "intermediate", "college", "university", "postgraduate"],
  "Qualification",
);
/** @see Qualification */
export type Qualification = t.TypeOf<typeof Qualification>;

/**
 * Whether a qualification is intermediate (trung cấp) or higher.
 * @example isIntermediateOrHigher("college") // true
 */
export const isIntermediateOrHigher = (q: Qualification): boolean =>
  q === "intermediate" || q === "college" || q === "university" || q === "postgraduate";

/**
 * A manager's role (chức danh): chair of the board (chủ tịch HĐQT), director (giám đốc), deputy
 * director (phó giám đốc), chief accountant (kế toán trưởng), controller (kiểm soát viên).
 * @example ManagerRole.decode("director") // Right
 */
export const ManagerRole = literals(
  ["chair", "director", "deputyDirector", "chiefAccountant", "controller"],
  "ManagerRole",
);
/** @see ManagerRole */
export type ManagerRole = t.TypeOf<typeof ManagerRole>;

/**
 * Grounds for compulsory dissolution (giải thể bắt buộc), Law 23/2012/QH13 art. 54(2):
 * not operating for 12 consecutive months, below the minimum members for 12 months, no annual general
 * meeting for 18 months, registration certificate revoked, court decision.
 * @example CompulsoryDissolutionGround.decode("certificateRevoked") // Right
 */
export const CompulsoryDissolutionGround = literals(
  [
    "notOperating12Months",
    "belowMinimumMembers12Months",
    "noGeneralMeeting18Months",
    "certificateRevoked",
    "courtDecision",
  ],
  "CompulsoryDissolutionGround",
);
/** @see CompulsoryDissolutionGround */
export type CompulsoryDissolutionGround = t.TypeOf<typeof CompulsoryDissolutionGround>;

/**
 * Kinds of cross-stream reorganisation (tổ chức lại): split (chia), spin-off (tách), consolidation
 * (hợp nhất), merger (sáp nhập).
 * @example ReorganisationKind.decode("merger") // Right
 */
export const ReorganisationKind = literals(
  ["split", "spinOff", "consolidation", "merger"],
  "ReorganisationKind",
);
/** @see ReorganisationKind */
export type ReorganisationKind = t.TypeOf<typeof ReorganisationKind>;

/**
 * An alliance activity the resolutions count: news items (tin bài), trade-promotion participations
 * (lượt tham gia xúc tiến thương mại), training classes (lớp tập huấn, bồi dưỡng: seed 000 target 9,
 * seed 002's "lớp bồi dưỡng kiến thức"), founding-group advice (tư vấn thành lập HTX), and awareness
 * classes on the law (lớp tuyên truyền: seed 002's "16 lớp tuyên truyền về Luật HTX 2012, Nghị định
 * 151/2007/NĐ-CP"). `awarenessClass` was added after the first release (appended: older events decode
 * unchanged).
 * @example AllianceActivityKind.decode("trainingClass") // Right
 */
export const AllianceActivityKind = literals(
  ["newsItem", "tradePromotion", "trainingClass", "foundingAdvice", "awarenessClass"],
  "AllianceActivityKind",
);
/** @see AllianceActivityKind */
export type AllianceActivityKind = t.TypeOf<typeof AllianceActivityKind>;
