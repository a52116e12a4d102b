import fc from "fast-check";
import type * as t from "io-ts";
import { BRAND_ARBITRARIES } from "./value-arbitraries.js";

/** The io-ts runtime shapes this interpreter understands (io-ts tags its codecs with `_tag`). */
type Tagged = t.Mixed & {
  readonly _tag?: string;
  readonly props?: t.Props;
  readonly types?: ReadonlyArray<t.Mixed>;
  readonly type?: t.Mixed;
  readonly value?: unknown;
  readonly keys?: Readonly<Record<string, unknown>>;
};

const cache = new WeakMap<t.Mixed, fc.Arbitrary<unknown>>();

/**
 * An arbitrary derived from an io-ts codec: the codec is the single source of truth for shapes,
 * literal unions (`fc.constantFrom(...)`), optional fields (present or absent) and unions; branded
 * primitives (dates, VND, ids, codes) come from {@link BRAND_ARBITRARIES} by brand name. Every value is
 * finally filtered by the codec's `is`, so a refinement the interpreter cannot see (e.g. "a district
 * only in the 2008 gazetteer") still holds. Values shrink structurally.
 *
 * @example
 * fc.assert(fc.property(arbitraryOf(CoopSuspended), (e) => CoopSuspended.is(e)));
 */
export const arbitraryOf = <C extends t.Mixed>(codec: C): fc.Arbitrary<t.TypeOf<C>> => {
  const hit = cache.get(codec);
  if (hit !== undefined) return hit as fc.Arbitrary<t.TypeOf<C>>;
  const arb = build(codec as Tagged).filter((v) => codec.is(v));
  cache.set(codec, arb);
  return arb as fc.Arbitrary<t.TypeOf<C>>;
};

const build = (c: Tagged): fc.Arbitrary<unknown> => {
  const brand = BRAND_ARBITRARIES[c.name];
  if (brand !== undefined) return brand;
  switch (c._tag) {
    case "ExactType":
    case "RefinementType":
    case "ReadonlyType":
      return build(c.type as Tagged);
    case "InterfaceType":
    case "StrictType":
      return fc.record(mapProps(c.props ?? {}));
    case "PartialType":
      return fc.record(mapProps(c.props ?? {}), { requiredKeys: [] });
    case "IntersectionType": {
      const parts = (c.types ?? []).map((x) => build(x as Tagged));
      return fc.tuple(...parts).map((xs) => Object.assign({}, ...(xs as object[])));
    }
    case "UnionType":
      return fc.oneof(...(c.types ?? []).map((x) => build(x as Tagged)));
    case "LiteralType":
      return fc.constant(c.value);
    case "KeyofType":
      return fc.constantFrom(...Object.keys(c.keys ?? {}));
    case "ArrayType":
    case "ReadonlyArrayType":
      return fc.array(build(c.type as Tagged), { maxLength: 3 });
    case "StringType":
      return fc.string({ maxLength: 20 });
    case "NumberType":
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case "BooleanType":
      return fc.boolean();
    case "UnknownType":
      return fc.jsonValue();
    default:
      throw new Error(`arbitraryOf: no generator for codec ${c.name} (${String(c._tag)})`);
  }
};

const mapProps = (props: t.Props): Record<string, fc.Arbitrary<unknown>> =>
  Object.fromEntries(Object.entries(props).map(([k, v]) => [k, build(v as Tagged)]));
