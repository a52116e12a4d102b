import * as t from "io-ts";

/** Brand of {@link RegistrationCode}. */
export interface RegistrationCodeBrand {
  readonly RegistrationCode: unique symbol;
}

/**
 * Registration code of a co-op or union (mã số HTX). Since Decree 193/2013/NĐ-CP the registration code
 * is the 10-digit enterprise/tax code; a branch or dependent unit adds a 3-digit suffix (`-001`).
 * Cooperative groups (tổ hợp tác) have no registration code: their contract is authenticated by the
 * commune People's Committee (Decree 77/2019/NĐ-CP).
 *
 * @example RegistrationCode.decode("3400123456") // Right
 */
export const RegistrationCode = t.brand(
  t.string,
  (s): s is t.Branded<string, RegistrationCodeBrand> => /^\d{10}(-\d{3})?$/.test(s),
  "RegistrationCode",
);
/** @see RegistrationCode */
export type RegistrationCode = t.TypeOf<typeof RegistrationCode>;
