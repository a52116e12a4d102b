import * as t from "io-ts";
import { AgricultureKind, CoopForm, ReorganisationKind, Sector } from "../values/classification.js";
import { literals, struct } from "../values/codec-helpers.js";
import { CoopId, ReorganisationId } from "../values/ids.js";
import { LawRegime } from "../values/law.js";
import { Location } from "../values/location.js";
import { Vnd } from "../values/money.js";
import { Count, Text } from "../values/quantity.js";
import { RegistrationCode } from "../values/registration-code.js";
import { BusinessDate } from "../values/time.js";
import { eventCodec } from "./event-codec.js";

/**
 * How a co-op came to be (nguồn gốc thành lập):
 * - `new` — founded new (thành lập mới): the only origin `coops.founded` counts;
 * - `reorganisation` — the successor of a split, spin-off or consolidation (tổ chức lại);
 * - `conversion` — converted from another form, e.g. a group into a co-op (chuyển đổi);
 * - `preExisting` — already existing when the ledger starts; `lawRegime` is the law it operated under
 *   at that point (`2003` if it had not yet conformed to Law 23/2012/QH13).
 *
 * @example FoundingOrigin.decode({ kind: "new" }) // Right
 */
export const FoundingOrigin = t.union(
  [
    struct({ kind: t.literal("new") }),
    struct({
      kind: t.literal("reorganisation"),
      reorganisationId: ReorganisationId,
      reorganisationKind: ReorganisationKind,
      predecessors: t.array(CoopId),
    }),
    struct({ kind: t.literal("conversion"), fromCoopId: CoopId, fromForm: CoopForm }),
    struct({ kind: t.literal("preExisting"), lawRegime: LawRegime }, { originallyFoundedOn: BusinessDate }),
  ],
  "FoundingOrigin",
);
/** @see FoundingOrigin */
export type FoundingOrigin = t.TypeOf<typeof FoundingOrigin>;

/**
 * Data of {@link CoopFounded} v2. `foundingMembers` counts official founding members; for a union
 * (liên hiệp HTX) it counts member co-ops. `effectiveDate` is the registration date (or, for a
 * pre-existing co-op, the day from which the ledger knows it exists). `advisedByAlliance` (optional,
 * added without a version bump: absent reads as "not recorded", counted as not advised) says the
 * provincial Cooperative Alliance advised and supported the founding (được Liên minh HTX tỉnh tư vấn,
 * hỗ trợ thành lập — seed 003: "tư vấn, hỗ trợ thành lập được 70 HTX kiểu mới").
 * @example
 * const data = { coopId: "htx-1", effectiveDate: "2019-03-01", name: "HTX Thanh Long", form: "cooperative", sector: "agriculture", location: { gazetteer: "2008-08-01", provinceCode: "60" }, foundingMembers: 7, origin: { kind: "new" } };
 * E.isRight(CoopFoundedData.decode(data)) // true
 */
export const CoopFoundedData = struct(
  {
    coopId: CoopId,
    effectiveDate: BusinessDate,
    name: Text,
    form: CoopForm,
    sector: Sector,
    location: Location,
    foundingMembers: Count,
    origin: FoundingOrigin,
  },
  {
    agricultureKind: AgricultureKind,
    registrationCode: RegistrationCode,
    associateMembers: Count,
    charterCapitalVnd: Vnd,
    advisedByAlliance: t.boolean,
  },
  "CoopFoundedData",
);
/** @see CoopFoundedData */
export type CoopFoundedData = t.TypeOf<typeof CoopFoundedData>;

/**
 * **CoopFounded** — *Thành lập HTX / LHHTX / THT* (co-op, union or group founded), schema v2.
 * Rules: minimum founders by the law in force (Law 23/2012/QH13 art. 3, 13; Law 17/2023/QH15 art. 4,
 * 21); the location's codes belong to the gazetteer in force on the effective date.
 *
 * @example
 * CoopFounded.decode({ type: "CoopFounded", schemaVersion: 2, data: { coopId: "htx-1",
 *   effectiveDate: "2019-03-01", name: "HTX Thanh Long", form: "cooperative", sector: "agriculture",
 *   location: { gazetteer: "2008-08-01", provinceCode: "60" }, foundingMembers: 7, origin: { kind: "new" } } })
 */
export const CoopFounded = eventCodec("CoopFounded", 2, CoopFoundedData);
/** @see CoopFounded */
export type CoopFounded = t.TypeOf<typeof CoopFounded>;

/**
 * Data of CoopFounded **v1** (before locations carried a gazetteer version): flat province, district
 * and commune codes, and no origin (every v1 founding was new). Upcast to v2 on read; never written.
 * @example
 * E.isRight(CoopFoundedV1Data.decode({ coopId: "htx-1", effectiveDate: "2012-03-01", name: "HTX Thanh Long",
 *   form: "cooperative", sector: "agriculture", provinceCode: "60", foundingMembers: 7 })) // true
 */
export const CoopFoundedV1Data = struct(
  {
    coopId: CoopId,
    effectiveDate: BusinessDate,
    name: Text,
    form: CoopForm,
    sector: Sector,
    provinceCode: t.string,
    foundingMembers: Count,
  },
  {
    districtCode: t.string,
    communeCode: t.string,
    agricultureKind: AgricultureKind,
    registrationCode: RegistrationCode,
    charterCapitalVnd: Vnd,
  },
  "CoopFoundedV1Data",
);
/** @see CoopFoundedV1Data */
export type CoopFoundedV1Data = t.TypeOf<typeof CoopFoundedV1Data>;

/**
 * **CoopFounded v1** — *Thành lập HTX* as first recorded (see {@link CoopFoundedV1Data}).
 * @example
 * const v1 = { type: "CoopFounded", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2012-03-01", name: "HTX Thanh Long", form: "cooperative", sector: "agriculture", provinceCode: "60", foundingMembers: 7 } };
 * E.isRight(CoopFoundedV1.decode(v1)) // true
 */
export const CoopFoundedV1 = eventCodec("CoopFounded", 1, CoopFoundedV1Data);
/** @see CoopFoundedV1 */
export type CoopFoundedV1 = t.TypeOf<typeof CoopFoundedV1>;

/**
 * How a co-op conformed to a new law: re-registered (đăng ký lại) or amended its charter (sửa đổi điều lệ).
 * @example
 * ConformanceMethod.is("charterAmended") // true
 * ConformanceMethod.is("dissolved") // false
 */
export const ConformanceMethod = literals(["reRegistered", "charterAmended"], "ConformanceMethod");
/** @see ConformanceMethod */
export type ConformanceMethod = t.TypeOf<typeof ConformanceMethod>;
