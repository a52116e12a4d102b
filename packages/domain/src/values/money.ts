import * as t from "io-ts";

/** Brand of {@link Vnd}. */
export interface VndBrand {
  readonly Vnd: unique symbol;
}

/** Brand of {@link SignedVnd}. */
export interface SignedVndBrand {
  readonly SignedVnd: unique symbol;
}

/**
 * An exact, non-negative amount of Vietnamese đồng (VND). VND has no minor unit in use, so amounts are
 * whole numbers; they are kept as JSON-safe integers (≤ 2^53 − 1 ≈ 9 × 10^15 VND, far above any co-op
 * or fund figure), never as floating-point fractions.
 *
 * @example Vnd.decode(250_000_000) // Right: 250 m VND
 * @example Vnd.decode(1.5) // Left: not an integer
 */
export const Vnd = t.brand(
  t.number,
  (n): n is t.Branded<number, VndBrand> => Number.isSafeInteger(n) && n >= 0,
  "Vnd",
);
/** @see Vnd */
export type Vnd = t.TypeOf<typeof Vnd>;

/**
 * An exact amount of VND that may be negative (profit, growth): a safe integer.
 * @example SignedVnd.decode(-12_000_000) // Right
 */
export const SignedVnd = t.brand(
  t.number,
  (n): n is t.Branded<number, SignedVndBrand> => Number.isSafeInteger(n),
  "SignedVnd",
);
/** @see SignedVnd */
export type SignedVnd = t.TypeOf<typeof SignedVnd>;

/**
 * Makes a {@link Vnd} from a number, or returns `undefined` when it is not a non-negative safe integer.
 * @example vnd(2_000_000_000) // 2000000000 (2 bn VND)
 */
export const vnd = (n: number): Vnd | undefined => (Vnd.is(n) ? n : undefined);
