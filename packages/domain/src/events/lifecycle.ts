import * as t from "io-ts";
import { CompulsoryDissolutionGround, CoopForm } from "../values/classification.js";
import { literals, struct } from "../values/codec-helpers.js";
import { CoopId } from "../values/ids.js";
import type { LawRegime } from "../values/law.js";
import { GazetteerVersion, Location, ProvinceCode } from "../values/location.js";
import { Text } from "../values/quantity.js";
import { RegistrationCode } from "../values/registration-code.js";
import { BusinessDate } from "../values/time.js";
import { ConformanceMethod } from "./coop-founded.js";
import { eventCodec } from "./event-codec.js";

/**
 * **CoopJoinedAlliance** — *Gia nhập Liên minh HTX tỉnh* (joined the provincial Cooperative Alliance).
 * Membership is voluntary (Charter of the Vietnam Cooperative Alliance). Counted by `alliance.newMembers`.
 * @example CoopJoinedAlliance.decode({ type: "CoopJoinedAlliance", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2020-05-01", allianceProvinceCode: "60", allianceGazetteer: "2008-08-01" } })
 */
export const CoopJoinedAlliance = eventCodec(
  "CoopJoinedAlliance",
  1,
  struct(
    {
      coopId: CoopId,
      effectiveDate: BusinessDate,
      allianceProvinceCode: ProvinceCode,
      allianceGazetteer: GazetteerVersion,
    },
    {},
    "CoopJoinedAllianceData",
  ),
);
/** @see CoopJoinedAlliance */
export type CoopJoinedAlliance = t.TypeOf<typeof CoopJoinedAlliance>;

/**
 * **CoopLeftAlliance** — *Ra khỏi Liên minh HTX* (left the provincial Cooperative Alliance).
 * @example CoopLeftAlliance.decode({ type: "CoopLeftAlliance", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2022-01-01" } })
 */
export const CoopLeftAlliance = eventCodec(
  "CoopLeftAlliance",
  1,
  struct({ coopId: CoopId, effectiveDate: BusinessDate }, { reason: Text }, "CoopLeftAllianceData"),
);
/** @see CoopLeftAlliance */
export type CoopLeftAlliance = t.TypeOf<typeof CoopLeftAlliance>;

/**
 * **CoopConformedToLaw** — *Đăng ký lại / sửa đổi điều lệ theo Luật HTX* (conformed to the 2012 or 2023 law:
 * re-registered or amended its charter). Law 23/2012/QH13 art. 62 [verify deadline 2016-06-30];
 * Law 17/2023/QH15 art. 115 (amend non-conforming charters by 2025-12-31).
 * @example CoopConformedToLaw.decode({ type: "CoopConformedToLaw", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2015-03-01", law: "2012", method: "reRegistered" } })
 */
export const CoopConformedToLaw = eventCodec(
  "CoopConformedToLaw",
  1,
  struct(
    {
      coopId: CoopId,
      effectiveDate: BusinessDate,
      law: t.union([t.literal("2012"), t.literal("2023")]) as t.Type<Exclude<LawRegime, "2003">>,
      method: ConformanceMethod,
    },
    { newRegistrationCode: RegistrationCode },
    "CoopConformedToLawData",
  ),
);
/** @see CoopConformedToLaw */
export type CoopConformedToLaw = t.TypeOf<typeof CoopConformedToLaw>;

/**
 * **CoopConverted** — *Chuyển đổi hình thức* (converted into another form, e.g. a group into a co-op).
 * Terminal for this stream: the organisation continues as `toCoopId` (founded with origin `conversion`).
 * @example CoopConverted.decode({ type: "CoopConverted", schemaVersion: 1, data: { coopId: "tht-1", effectiveDate: "2021-01-01", toCoopId: "htx-9", toForm: "cooperative" } })
 */
export const CoopConverted = eventCodec(
  "CoopConverted",
  1,
  struct(
    { coopId: CoopId, effectiveDate: BusinessDate, toCoopId: CoopId, toForm: CoopForm },
    {},
    "CoopConvertedData",
  ),
);
/** @see CoopConverted */
export type CoopConverted = t.TypeOf<typeof CoopConverted>;

/**
 * **CoopSuspended** — *Tạm ngừng hoạt động* (suspended operations), optionally until a date.
 * @example CoopSuspended.decode({ type: "CoopSuspended", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2021-01-01" } })
 */
export const CoopSuspended = eventCodec(
  "CoopSuspended",
  1,
  struct(
    { coopId: CoopId, effectiveDate: BusinessDate },
    { until: BusinessDate, reason: Text },
    "CoopSuspendedData",
  ),
);
/** @see CoopSuspended */
export type CoopSuspended = t.TypeOf<typeof CoopSuspended>;

/**
 * **CoopResumed** — *Hoạt động trở lại* (resumed operations after a suspension).
 * @example CoopResumed.decode({ type: "CoopResumed", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2021-06-01" } })
 */
export const CoopResumed = eventCodec(
  "CoopResumed",
  1,
  struct({ coopId: CoopId, effectiveDate: BusinessDate }, {}, "CoopResumedData"),
);
/** @see CoopResumed */
export type CoopResumed = t.TypeOf<typeof CoopResumed>;

/**
 * Mode of dissolution: voluntary (giải thể tự nguyện, by general-meeting resolution) or compulsory
 * (giải thể bắt buộc, Law 23/2012/QH13 art. 54(2); Law 17/2023/QH15 art. 97).
 * @example
 * DissolutionMode.is("compulsory") // true
 */
export const DissolutionMode = literals(["voluntary", "compulsory"], "DissolutionMode");
/** @see DissolutionMode */
export type DissolutionMode = t.TypeOf<typeof DissolutionMode>;

const DissolutionData = (name: string) =>
  struct(
    { coopId: CoopId, effectiveDate: BusinessDate, mode: DissolutionMode },
    { ground: CompulsoryDissolutionGround, reason: Text },
    name,
  );

/**
 * **DissolutionStarted** — *Bắt đầu thủ tục giải thể* (dissolution proceedings started). A compulsory
 * dissolution names its ground (Law 23/2012/QH13 art. 54(2)).
 * @example DissolutionStarted.decode({ type: "DissolutionStarted", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2022-01-01", mode: "voluntary" } })
 */
export const DissolutionStarted = eventCodec(
  "DissolutionStarted",
  1,
  DissolutionData("DissolutionStartedData"),
);
/** @see DissolutionStarted */
export type DissolutionStarted = t.TypeOf<typeof DissolutionStarted>;

/**
 * **CoopDissolved** — *Giải thể HTX* (dissolved). Terminal: nothing may follow on this stream
 * (Law 23/2012/QH13 art. 54; Law 17/2023/QH15 art. 97).
 * @example CoopDissolved.decode({ type: "CoopDissolved", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2022-06-01", mode: "voluntary" } })
 */
export const CoopDissolved = eventCodec("CoopDissolved", 1, DissolutionData("CoopDissolvedData"));
/** @see CoopDissolved */
export type CoopDissolved = t.TypeOf<typeof CoopDissolved>;

/**
 * **HeadOfficeMoved** — *Chuyển trụ sở chính* (head office moved to another location).
 * @example HeadOfficeMoved.decode({ type: "HeadOfficeMoved", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2023-01-01", location: { gazetteer: "2008-08-01", provinceCode: "60" } } })
 */
export const HeadOfficeMoved = eventCodec(
  "HeadOfficeMoved",
  1,
  struct({ coopId: CoopId, effectiveDate: BusinessDate, location: Location }, {}, "HeadOfficeMovedData"),
);
/** @see HeadOfficeMoved */
export type HeadOfficeMoved = t.TypeOf<typeof HeadOfficeMoved>;
