import * as t from "io-ts";
import { AgricultureKind, CoopForm, ReorganisationKind, Sector } from "../values/classification.js";
import { struct } from "../values/codec-helpers.js";
import { CoopId, ReorganisationId } from "../values/ids.js";
import { Location } from "../values/location.js";
import { Vnd } from "../values/money.js";
import { Count, Text } from "../values/quantity.js";
import { RegistrationCode } from "../values/registration-code.js";
import { BusinessDate } from "../values/time.js";
import { eventCodec } from "./event-codec.js";

/**
 * A co-op that a reorganisation creates (split, spin-off or consolidation): what its founding needs.
 * @example
 * E.isRight(SuccessorCoop.decode({ coopId: "htx-9", name: "HTX Thanh Long Mới", form: "cooperative", sector: "agriculture",
 *   location: { gazetteer: "2008-08-01", provinceCode: "60" }, members: 7 })) // true
 */
export const SuccessorCoop = struct(
  {
    coopId: CoopId,
    name: Text,
    form: CoopForm,
    sector: Sector,
    location: Location,
    members: Count,
  },
  { agricultureKind: AgricultureKind, registrationCode: RegistrationCode, charterCapitalVnd: Vnd },
  "SuccessorCoop",
);
/** @see SuccessorCoop */
export type SuccessorCoop = t.TypeOf<typeof SuccessorCoop>;

/**
 * **ReorganisationDecided** — *Quyết định tổ chức lại HTX* (a reorganisation decided: split / chia,
 * spin-off / tách, consolidation / hợp nhất, merger / sáp nhập; Law 23/2012/QH13 art. 53; Law
 * 17/2023/QH15 art. 94–96). Recorded once on stream `reorganisation-<id>`; its effects on each co-op
 * stream are derived from it deterministically and appended idempotently:
 * - split: every source ends (`CoopReorganisedAway`), every new co-op is founded;
 * - spin-off: the single source continues (`CoopSpunOff`), the new co-ops are founded;
 * - consolidation: every source ends, the one new co-op is founded;
 * - merger: every source ends and `absorbingCoopId` receives them and `absorbedMembers` members
 *   (`CoopMergerReceived`).
 *
 * @example ReorganisationDecided.decode({ type: "ReorganisationDecided", schemaVersion: 1, data: { reorganisationId: "r-1", effectiveDate: "2022-01-01", kind: "merger", sources: ["htx-2"], newCoops: [], absorbingCoopId: "htx-1" } })
 */
export const ReorganisationDecided = eventCodec(
  "ReorganisationDecided",
  1,
  struct(
    {
      reorganisationId: ReorganisationId,
      effectiveDate: BusinessDate,
      kind: ReorganisationKind,
      sources: t.array(CoopId),
      newCoops: t.array(SuccessorCoop),
    },
    { absorbingCoopId: CoopId, absorbedMembers: Count },
    "ReorganisationDecidedData",
  ),
);
/** @see ReorganisationDecided */
export type ReorganisationDecided = t.TypeOf<typeof ReorganisationDecided>;

/**
 * **CoopReorganisedAway** — *Chấm dứt tồn tại do tổ chức lại* (ceased to exist by split, consolidation
 * or merger). Terminal: nothing may follow on this stream.
 * @example CoopReorganisedAway.decode({ type: "CoopReorganisedAway", schemaVersion: 1, data: { coopId: "htx-2", effectiveDate: "2022-01-01", reorganisationId: "r-1", kind: "merger", successors: ["htx-1"] } })
 */
export const CoopReorganisedAway = eventCodec(
  "CoopReorganisedAway",
  1,
  struct(
    {
      coopId: CoopId,
      effectiveDate: BusinessDate,
      reorganisationId: ReorganisationId,
      kind: ReorganisationKind,
      successors: t.array(CoopId),
    },
    {},
    "CoopReorganisedAwayData",
  ),
);
/** @see CoopReorganisedAway */
export type CoopReorganisedAway = t.TypeOf<typeof CoopReorganisedAway>;

/**
 * **CoopSpunOff** — *Tách HTX* (part of this co-op spun off into new co-ops; this one continues with
 * fewer members).
 * @example CoopSpunOff.decode({ type: "CoopSpunOff", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2022-01-01", reorganisationId: "r-2", newCoopIds: ["htx-7"], membersTransferred: 8 } })
 */
export const CoopSpunOff = eventCodec(
  "CoopSpunOff",
  1,
  struct(
    {
      coopId: CoopId,
      effectiveDate: BusinessDate,
      reorganisationId: ReorganisationId,
      newCoopIds: t.array(CoopId),
      membersTransferred: Count,
    },
    {},
    "CoopSpunOffData",
  ),
);
/** @see CoopSpunOff */
export type CoopSpunOff = t.TypeOf<typeof CoopSpunOff>;

/**
 * **CoopMergerReceived** — *Nhận sáp nhập* (absorbed other co-ops in a merger, with their members).
 * @example CoopMergerReceived.decode({ type: "CoopMergerReceived", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2022-01-01", reorganisationId: "r-1", absorbedCoopIds: ["htx-2"], membersReceived: 12 } })
 */
export const CoopMergerReceived = eventCodec(
  "CoopMergerReceived",
  1,
  struct(
    {
      coopId: CoopId,
      effectiveDate: BusinessDate,
      reorganisationId: ReorganisationId,
      absorbedCoopIds: t.array(CoopId),
      membersReceived: Count,
    },
    {},
    "CoopMergerReceivedData",
  ),
);
/** @see CoopMergerReceived */
export type CoopMergerReceived = t.TypeOf<typeof CoopMergerReceived>;
