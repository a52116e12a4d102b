import type { Figure } from "../evaluate/figure.js";

/** What one event contributes to a figure (to its value, or to its numerator and denominator). */
export interface Contribution {
  readonly value?: number;
  readonly numerator?: number;
  readonly denominator?: number;
}

/**
 * A figure's additive parts: its value, or its numerator and denominator (0 when absent).
 * @example const p: Parts = { ratio: false, value: 3, numerator: 0, denominator: 0 };
 */
export interface Parts {
  readonly ratio: boolean;
  readonly value: number;
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * The additive parts of a figure (a ratio's numerator and denominator, else its value).
 * @example partsOf({ value: 0.5, numerator: 1, denominator: 2 } as Figure) // { ratio: true, value: 0, numerator: 1, denominator: 2 }
 */
export const partsOf = (f: Figure): Parts =>
  f.numerator !== undefined || f.denominator !== undefined
    ? { ratio: true, value: 0, numerator: f.numerator ?? 0, denominator: f.denominator ?? 0 }
    : { ratio: false, value: f.value ?? 0, numerator: 0, denominator: 0 };

/**
 * The parts of nothing (before a stream's first event).
 * @example
 * difference({ ratio: false, value: 3, numerator: 0, denominator: 0 }, NO_PARTS)?.value // 3
 */
export const NO_PARTS: Parts = { ratio: false, value: 0, numerator: 0, denominator: 0 };

/**
 * What adding one event changed: `after − before`, or `undefined` when it changed nothing.
 * @example difference({ ratio: false, value: 3, numerator: 0, denominator: 0 }, NO_PARTS) // { value: 3 }
 */
export const difference = (after: Parts, before: Parts): Contribution | undefined => {
  if (after.ratio || before.ratio) {
    const numerator = after.numerator - before.numerator;
    const denominator = after.denominator - before.denominator;
    return numerator === 0 && denominator === 0 ? undefined : { numerator, denominator };
  }
  const value = after.value - before.value;
  return value === 0 ? undefined : { value };
};
