import * as fc from "fast-check";
import type * as t from "io-ts";
import { provinces } from "../geography/provinces.js";
import { addDays } from "../values/time.js";

/**
 * Arbitraries for the branded primitives, by brand name. Pools are small and realistic (a few co-op
 * ids, dates 2008–2027, real province codes) so generated commands often hit the same stream and pass
 * the rules, which makes the decider fuzz meaningful. Test support only.
 */
const day0 = "2008-01-01";
const dateArb = fc.integer({ min: 0, max: 20 * 366 }).map((n) => addDays(day0 as never, n) as string);
const idPool = (prefix: string) => fc.constantFrom(`${prefix}-1`, `${prefix}-2`, `${prefix}-3`);
const ids: Record<string, fc.Arbitrary<unknown>> = {
  CoopId: fc.constantFrom("htx-1", "htx-1", "htx-2", "tht-1"),
  LoanId: idPool("loan"),
  ProductId: idPool("p"),
  ManagerId: idPool("m"),
  FundId: fc.constantFrom("qht-60"),
  ReorganisationId: idPool("r"),
  LinkageId: idPool("l"),
  ApplicationId: idPool("a"),
};
const provinceCodes = [
  ...new Set([...provinces("2008-08-01"), ...provinces("2025-07-01")].map((p) => p.code as string)),
];

export const brandArbitraries: Record<string, fc.Arbitrary<unknown>> = {
  ...ids,
  EventId: fc
    .integer({ min: 1, max: 40 })
    .map((n) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`),
  StreamId: fc.constantFrom("coop-htx-1", "coop-htx-2", "fund-qht-60", "alliance-60", "reorganisation-r-1"),
  BusinessDate: dateArb,
  Instant: fc
    .tuple(dateArb, fc.integer({ min: 0, max: 86_399_999 }))
    .map(([d, ms]) => `${d}T${new Date(ms).toISOString().slice(11)}`),
  Vnd: fc.oneof(fc.integer({ min: 0, max: 3_000_000_000 }), fc.constant(Number.MAX_SAFE_INTEGER)),
  SignedVnd: fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
  Count: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 5000 })),
  PositiveInt: fc.integer({ min: 1, max: 60 }),
  BasisPoints: fc.integer({ min: 0, max: 10_000 }),
  Score: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
  FiscalYear: fc.integer({ min: 2008, max: 2027 }),
  Text: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0),
  RegistrationCode: fc
    .tuple(fc.stringMatching(/^\d{10}$/), fc.option(fc.stringMatching(/^-\d{3}$/)))
    .map(([a, b]) => a + (b ?? "")),
  ProvinceCode: fc.constantFrom(...provinceCodes),
  DistrictCode: fc.constantFrom("593", "595", "660", "999"),
  CommuneCode: fc.stringMatching(/^\d{5}$/),
};

type AnyCodec = t.Mixed & { readonly _tag?: string };

/**
 * A fast-check arbitrary for (nearly) any io-ts codec built from the usual combinators, so each codec
 * has one source of truth: brands come from {@link brandArbitraries} (or the inner codec, filtered by
 * the brand's predicate), records keep only known keys, optional keys are present or absent.
 */
export const arbitraryFor = (codec: AnyCodec): fc.Arbitrary<unknown> => {
  const c = codec as unknown as Record<string, unknown> & { _tag: string; name: string };
  switch (c._tag) {
    case "StringType":
      return fc.string({ maxLength: 12 });
    case "NumberType":
      return fc.integer();
    case "BooleanType":
      return fc.boolean();
    case "LiteralType":
      return fc.constant(c.value);
    case "KeyofType":
      return fc.constantFrom(...Object.keys(c.keys as object));
    case "ExactType":
      return arbitraryFor(c.type as AnyCodec);
    case "InterfaceType": {
      const props = c.props as Record<string, AnyCodec>;
      return fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, arbitraryFor(v)])));
    }
    case "PartialType": {
      const props = c.props as Record<string, AnyCodec>;
      return fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, arbitraryFor(v)])), {
        requiredKeys: [],
      });
    }
    case "IntersectionType":
      return fc
        .tuple(...(c.types as AnyCodec[]).map(arbitraryFor))
        .map((parts) => Object.assign({}, ...(parts as object[])));
    case "UnionType":
      return fc.oneof(...(c.types as AnyCodec[]).map(arbitraryFor));
    case "ArrayType":
      return fc.array(arbitraryFor(c.type as AnyCodec), { maxLength: 3 });
    case "RefinementType": {
      const known = brandArbitraries[c.name];
      if (known !== undefined) return known;
      return arbitraryFor(c.type as AnyCodec).filter((v) => codec.is(v));
    }
    default:
      throw new Error(`arbitraryFor: unsupported codec ${c.name} (${c._tag})`);
  }
};
