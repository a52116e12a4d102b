// The seeded generator itself is the generator package's (`mulberry32`, @coop-ledger/generator/internal).

/**
 * A random element of a non-empty array.
 *
 * @example
 * import { mulberry32 } from "@coop-ledger/generator/internal";
 * console.log(pick(() => 0.5, ["a", "b"]), ["a", "b"].includes(pick(mulberry32(1), ["a", "b"]))); // "b" true
 */
export const pick = <A>(random: () => number, xs: ReadonlyArray<A>): A => {
  if (xs.length === 0) throw new Error("pick from an empty array");
  return xs[Math.floor(random() * xs.length)] as A;
};
