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

/** Options of {@link arbitraryOf}. */
export interface ArbitraryOfOptions {
  /**
   * Leaves to use instead of {@link BRAND_ARBITRARIES}, by brand name: e.g. small pools of ids and a
   * narrow range of dates, so that generated commands often name the same co-op and a decider fuzz
   * reaches deep states instead of refusing everything for an unknown stream.
   */
  readonly brands?: Readonly<Record<string, fc.Arbitrary<unknown>>>;
}

/**
 * An arbitrary derived from an io-ts codec: the codec is the single source of truth for shapes,
 * literal unions (`fc.constantFrom(...)`), optional fields (present or absent) and unions; branded
 * primitives (dates, VND, ids, codes) come from {@link BRAND_ARBITRARIES} (or `options.brands`) by
 * brand name. Every value is finally filtered by the codec's `is`, so a refinement the interpreter
 * cannot see (e.g. "a district only in the 2008 gazetteer") still holds. Values shrink structurally.
 *
 * @example
 * fc.assert(fc.property(arbitraryOf(CoopSuspended), (e) => CoopSuspended.is(e)));
 * const sameFewCoops = arbitraryOf(ResumeCoop, { brands: { CoopId: fc.constantFrom("htx-1", "htx-2") } });
 */
export const arbitraryOf = <C extends t.Mixed>(
  codec: C,
  options: ArbitraryOfOptions = {},
): fc.Arbitrary<t.TypeOf<C>> => {
  const brands =
    options.brands === undefined ? BRAND_ARBITRARIES : { ...BRAND_ARBITRARIES, ...options.brands };
  // Only the default leaves are cached: the cache is keyed by codec alone.
  const hit = options.brands === undefined ? cache.get(codec) : undefined;
  if (hit !== undefined) return hit as fc.Arbitrary<t.TypeOf<C>>;
  const arb = build(codec as Tagged, brands).filter((v) => codec.is(v));
  if (options.brands === undefined) cache.set(codec, arb);
  return arb as fc.Arbitrary<t.TypeOf<C>>;
};

type Brands = Readonly<Record<string, fc.Arbitrary<unknown>>>;

const build = (c: Tagged, brands: Brands): fc.Arbitrary<unknown> => {
  const brand = brands[c.name];
  if (brand !== undefined) return brand;
  switch (c._tag) {
    case "ExactType":
    case "RefinementType":
    case "ReadonlyType":
      return build(c.type as Tagged, brands);
    case "InterfaceType":
    case "StrictType":
      return fc.record(mapProps(c.props ?? {}, brands));
    case "PartialType":
      return fc.record(mapProps(c.props ?? {}, brands), { requiredKeys: [] });
    case "IntersectionType": {
      const parts = (c.types ?? []).map((x) => build(x as Tagged, brands));
      return fc.tuple(...parts).map((xs) => Object.assign({}, ...(xs as object[])));
    }
    case "UnionType":
      return fc.oneof(...(c.types ?? []).map((x) => build(x as Tagged, brands)));
    case "LiteralType":
      return fc.constant(c.value);
    case "KeyofType":
      return fc.constantFrom(...Object.keys(c.keys ?? {}));
    case "ArrayType":
    case "ReadonlyArrayType":
      return fc.array(build(c.type as Tagged, brands), { maxLength: 3 });
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

const mapProps = (props: t.Props, brands: Brands): Record<string, fc.Arbitrary<unknown>> =>
  Object.fromEntries(Object.entries(props).map(([k, v]) => [k, build(v as Tagged, brands)]));
