import type * as t from "io-ts";
import { AllianceActivityKind, FundKind } from "../values/classification.js";
import { struct } from "../values/codec-helpers.js";
import { ApplicationId, CoopId, FundId } from "../values/ids.js";
import { GazetteerVersion, ProvinceCode } from "../values/location.js";
import { Vnd } from "../values/money.js";
import { Count, PositiveInt, Text } from "../values/quantity.js";
import { BusinessDate } from "../values/time.js";
import { eventCodec } from "./event-codec.js";

/**
 * **AllianceActivityRecorded** — *Ghi nhận hoạt động của Liên minh HTX* (news items, trade-promotion
 * participations, training classes, founding-group advice, awareness classes), on stream
 * `alliance-<province>`. `participants` (optional, added without a version bump: older events simply
 * lack it) is the number of people who attended the recorded classes — the basis of
 * `activity.peopleTrained` (số lượt người được đào tạo, bồi dưỡng) for training classes.
 * @example AllianceActivityRecorded.decode({ type: "AllianceActivityRecorded", schemaVersion: 1, data: { effectiveDate: "2021-03-01", provinceCode: "60", gazetteer: "2008-08-01", kind: "trainingClass", count: 2 } })
 */
export const AllianceActivityRecorded = eventCodec(
  "AllianceActivityRecorded",
  1,
  struct(
    {
      effectiveDate: BusinessDate,
      provinceCode: ProvinceCode,
      gazetteer: GazetteerVersion,
      kind: AllianceActivityKind,
      count: PositiveInt,
    },
    { description: Text, participants: Count },
    "AllianceActivityRecordedData",
  ),
);
/** @see AllianceActivityRecorded */
export type AllianceActivityRecorded = t.TypeOf<typeof AllianceActivityRecorded>;

/**
 * **FundEstablished** — *Thành lập Quỹ hỗ trợ phát triển HTX* (a support fund established with its
 * charter capital), on stream `fund-<id>`.
 * @example FundEstablished.decode({ type: "FundEstablished", schemaVersion: 1, data: { fundId: "qht-60", effectiveDate: "2021-01-01", kind: "provincialSupportFund", name: "Quỹ hỗ trợ phát triển HTX tỉnh Bình Thuận", charterCapitalVnd: 20000000000, provinceCode: "60", gazetteer: "2008-08-01" } })
 */
export const FundEstablished = eventCodec(
  "FundEstablished",
  1,
  struct(
    {
      fundId: FundId,
      effectiveDate: BusinessDate,
      kind: FundKind,
      name: Text,
      charterCapitalVnd: Vnd,
    },
    { provinceCode: ProvinceCode, gazetteer: GazetteerVersion },
    "FundEstablishedData",
  ),
);
/** @see FundEstablished */
export type FundEstablished = t.TypeOf<typeof FundEstablished>;

/**
 * **FundCapitalChanged** — *Điều chỉnh vốn điều lệ Quỹ* (the fund's charter capital set to a new total).
 * @example FundCapitalChanged.decode({ type: "FundCapitalChanged", schemaVersion: 1, data: { fundId: "qht-60", effectiveDate: "2024-01-01", charterCapitalVnd: 50000000000 } })
 */
export const FundCapitalChanged = eventCodec(
  "FundCapitalChanged",
  1,
  struct(
    { fundId: FundId, effectiveDate: BusinessDate, charterCapitalVnd: Vnd },
    { reason: Text },
    "FundCapitalChangedData",
  ),
);
/** @see FundCapitalChanged */
export type FundCapitalChanged = t.TypeOf<typeof FundCapitalChanged>;

/**
 * **LoanApplicationReceived** — *Tiếp nhận hồ sơ vay vốn* (a co-op's loan application received by the fund).
 * @example LoanApplicationReceived.decode({ type: "LoanApplicationReceived", schemaVersion: 1, data: { fundId: "qht-60", effectiveDate: "2019-05-01", applicationId: "a-1", coopId: "htx-1", requestedVnd: 300000000 } })
 */
export const LoanApplicationReceived = eventCodec(
  "LoanApplicationReceived",
  1,
  struct(
    {
      fundId: FundId,
      effectiveDate: BusinessDate,
      applicationId: ApplicationId,
      coopId: CoopId,
      requestedVnd: Vnd,
    },
    {},
    "LoanApplicationReceivedData",
  ),
);
/** @see LoanApplicationReceived */
export type LoanApplicationReceived = t.TypeOf<typeof LoanApplicationReceived>;
