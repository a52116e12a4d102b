import * as t from "io-ts";
import { AgricultureKind, CoopForm, Sector } from "../values/classification.js";
import { struct } from "../values/codec-helpers.js";
import { CoopId } from "../values/ids.js";
import { LawRegime } from "../values/law.js";
import { Location } from "../values/location.js";
import { Vnd } from "../values/money.js";
import { Count, Text } from "../values/quantity.js";
import { RegistrationCode } from "../values/registration-code.js";
import { BusinessDate } from "../values/time.js";
import { commandCodec } from "./command-codec.js";

const foundingRequired = {
  coopId: CoopId,
  effectiveDate: BusinessDate,
  name: Text,
  form: CoopForm,
  sector: Sector,
  location: Location,
  foundingMembers: Count,
};
const foundingOptional = {
  agricultureKind: AgricultureKind,
  registrationCode: RegistrationCode,
  associateMembers: Count,
  charterCapitalVnd: Vnd,
  /** The provincial Cooperative Alliance advised and supported the founding (seed 003). */
  advisedByAlliance: t.boolean,
};

/**
 * **FoundCoop** — register a newly founded co-op, union or group (*thành lập mới*) → `CoopFounded` with
 * origin `new`. Minimum founders by the law in force on the effective date.
 * @example FoundCoop.decode({ type: "FoundCoop", data: { coopId: "htx-1", effectiveDate: "2019-03-01", name: "HTX Thanh Long", form: "cooperative", sector: "agriculture", location: { gazetteer: "2008-08-01", provinceCode: "60" }, foundingMembers: 7 } })
 */
export const FoundCoop = commandCodec(
  "FoundCoop",
  struct(foundingRequired, foundingOptional, "FoundCoopData"),
);
/** @see FoundCoop */
export type FoundCoop = t.TypeOf<typeof FoundCoop>;

/**
 * **RegisterExistingCoop** — bring a co-op that already exists into the ledger (*HTX đang hoạt động*)
 * → `CoopFounded` with origin `preExisting`: `lawRegime` is the law it operates under on the effective
 * date (`2003` if it has not conformed to Law 23/2012/QH13). No founder minimum is checked.
 * @example RegisterExistingCoop.decode({ type: "RegisterExistingCoop", data: { coopId: "htx-2", effectiveDate: "2014-01-01", name: "HTX Hàm Đức", form: "cooperative", sector: "agriculture", location: { gazetteer: "2008-08-01", provinceCode: "60" }, foundingMembers: 30, lawRegime: "2003", originallyFoundedOn: "1998-05-01" } })
 */
export const RegisterExistingCoop = commandCodec(
  "RegisterExistingCoop",
  struct(
    { ...foundingRequired, lawRegime: LawRegime },
    { ...foundingOptional, originallyFoundedOn: BusinessDate },
    "RegisterExistingCoopData",
  ),
);
/** @see RegisterExistingCoop */
export type RegisterExistingCoop = t.TypeOf<typeof RegisterExistingCoop>;

/**
 * **FoundCoopByConversion** — found the organisation another one converted into (*chuyển đổi*, e.g. a
 * group into a co-op) → `CoopFounded` with origin `conversion`. The old stream records `CoopConverted`
 * (command `ConvertCoop` (lifecycle.ts)); the two are separate commands on separate streams.
 * @example FoundCoopByConversion.decode({ type: "FoundCoopByConversion", data: { coopId: "htx-9", effectiveDate: "2021-01-01", name: "HTX Tân Lập", form: "cooperative", sector: "agriculture", location: { gazetteer: "2008-08-01", provinceCode: "60" }, foundingMembers: 9, fromCoopId: "tht-1", fromForm: "group" } })
 */
export const FoundCoopByConversion = commandCodec(
  "FoundCoopByConversion",
  struct(
    { ...foundingRequired, fromCoopId: CoopId, fromForm: CoopForm },
    foundingOptional,
    "FoundCoopByConversionData",
  ),
);
/** @see FoundCoopByConversion */
export type FoundCoopByConversion = t.TypeOf<typeof FoundCoopByConversion>;
