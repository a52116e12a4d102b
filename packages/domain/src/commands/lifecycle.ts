import type * as t from "io-ts";
import {
  CoopConformedToLaw,
  CoopConverted,
  CoopDissolved,
  CoopJoinedAlliance,
  CoopLeftAlliance,
  CoopResumed,
  CoopSuspended,
  DissolutionStarted,
  HeadOfficeMoved,
} from "../events/lifecycle.js";
import { commandCodec } from "./command-codec.js";

/**
 * **JoinAlliance** — join the provincial Cooperative Alliance (*gia nhập Liên minh HTX tỉnh*) →
 * `CoopJoinedAlliance`. The alliance is the co-op's own province, in the gazetteer in force.
 * @example JoinAlliance.decode({ type: "JoinAlliance", data: { coopId: "htx-1", effectiveDate: "2020-05-01", allianceProvinceCode: "60", allianceGazetteer: "2008-08-01" } })
 */
export const JoinAlliance = commandCodec("JoinAlliance", CoopJoinedAlliance.type.props.data);
/** @see JoinAlliance */
export type JoinAlliance = t.TypeOf<typeof JoinAlliance>;

/**
 * **LeaveAlliance** — leave the provincial Cooperative Alliance (*ra khỏi Liên minh HTX*) → `CoopLeftAlliance`.
 * @example LeaveAlliance.decode({ type: "LeaveAlliance", data: { coopId: "htx-1", effectiveDate: "2022-01-01" } })
 */
export const LeaveAlliance = commandCodec("LeaveAlliance", CoopLeftAlliance.type.props.data);
/** @see LeaveAlliance */
export type LeaveAlliance = t.TypeOf<typeof LeaveAlliance>;

/**
 * **ConformToLaw** — conform to the 2012 or 2023 law (*đăng ký lại / sửa đổi điều lệ*) → `CoopConformedToLaw`.
 * @example ConformToLaw.decode({ type: "ConformToLaw", data: { coopId: "htx-1", effectiveDate: "2015-03-01", law: "2012", method: "reRegistered" } })
 */
export const ConformToLaw = commandCodec("ConformToLaw", CoopConformedToLaw.type.props.data);
/** @see ConformToLaw */
export type ConformToLaw = t.TypeOf<typeof ConformToLaw>;

/**
 * **ConvertCoop** — convert into another form (*chuyển đổi*) → `CoopConverted` (terminal for this stream).
 * @example ConvertCoop.decode({ type: "ConvertCoop", data: { coopId: "tht-1", effectiveDate: "2021-01-01", toCoopId: "htx-9", toForm: "cooperative" } })
 */
export const ConvertCoop = commandCodec("ConvertCoop", CoopConverted.type.props.data);
/** @see ConvertCoop */
export type ConvertCoop = t.TypeOf<typeof ConvertCoop>;

/**
 * **SuspendCoop** — suspend operations (*tạm ngừng hoạt động*) → `CoopSuspended`.
 * @example SuspendCoop.decode({ type: "SuspendCoop", data: { coopId: "htx-1", effectiveDate: "2021-01-01" } })
 */
export const SuspendCoop = commandCodec("SuspendCoop", CoopSuspended.type.props.data);
/** @see SuspendCoop */
export type SuspendCoop = t.TypeOf<typeof SuspendCoop>;

/**
 * **ResumeCoop** — resume operations (*hoạt động trở lại*) → `CoopResumed`.
 * @example ResumeCoop.decode({ type: "ResumeCoop", data: { coopId: "htx-1", effectiveDate: "2021-06-01" } })
 */
export const ResumeCoop = commandCodec("ResumeCoop", CoopResumed.type.props.data);
/** @see ResumeCoop */
export type ResumeCoop = t.TypeOf<typeof ResumeCoop>;

/**
 * **StartDissolution** — start dissolution proceedings (*bắt đầu thủ tục giải thể*) → `DissolutionStarted`.
 * @example StartDissolution.decode({ type: "StartDissolution", data: { coopId: "htx-1", effectiveDate: "2022-01-01", mode: "voluntary" } })
 */
export const StartDissolution = commandCodec("StartDissolution", DissolutionStarted.type.props.data);
/** @see StartDissolution */
export type StartDissolution = t.TypeOf<typeof StartDissolution>;

/**
 * **DissolveCoop** — dissolve (*giải thể*) → `CoopDissolved` (terminal).
 * @example DissolveCoop.decode({ type: "DissolveCoop", data: { coopId: "htx-1", effectiveDate: "2022-06-01", mode: "compulsory", ground: "notOperating12Months" } })
 */
export const DissolveCoop = commandCodec("DissolveCoop", CoopDissolved.type.props.data);
/** @see DissolveCoop */
export type DissolveCoop = t.TypeOf<typeof DissolveCoop>;

/**
 * **MoveHeadOffice** — move the head office (*chuyển trụ sở chính*) → `HeadOfficeMoved`; also how a
 * head office is re-recorded in the 2025 gazetteer.
 * @example MoveHeadOffice.decode({ type: "MoveHeadOffice", data: { coopId: "htx-1", effectiveDate: "2025-07-01", location: { gazetteer: "2025-07-01", provinceCode: "68" } } })
 */
export const MoveHeadOffice = commandCodec("MoveHeadOffice", HeadOfficeMoved.type.props.data);
/** @see MoveHeadOffice */
export type MoveHeadOffice = t.TypeOf<typeof MoveHeadOffice>;
