import * as t from "io-ts";

/**
 * A record codec with required and optional fields whose decoder drops unknown keys.
 *
 * Dropping unknown keys keeps decoded values canonical (what is hashed and stored is exactly what the
 * codec knows) and means a `__proto__` or `constructor` key in input never reaches a decoded object.
 *
 * @example
 * const Point = struct({ x: t.number }, { label: t.string });
 * Point.decode({ x: 1, extra: true }); // Right({ x: 1 })
 */
export const struct = <R extends t.Props, O extends t.Props = {}>(
  required: R,
  optional?: O,
  name?: string,
): t.ExactC<t.IntersectionC<[t.TypeC<R>, t.PartialC<O>]>> =>
  t.exact(t.intersection([t.type(required), t.partial((optional ?? {}) as O)]), name);

/**
 * A codec for one of a fixed set of string literals, keeping the literal order for documentation.
 *
 * @example
 * const Colour = literals(["red", "green"], "Colour");
 * Colour.is("red"); // true
 */
export const literals = <const L extends readonly [string, ...string[]]>(
  values: L,
  name: string,
): t.KeyofC<{ [K in L[number]]: null }> & { readonly values: L } => {
  const keys = Object.fromEntries(values.map((v) => [v, null])) as { [K in L[number]]: null };
  return Object.assign(t.keyof(keys, name), { values });
};
