import fc from "fast-check";

// Arbitraries of the domain's branded primitives, keyed by the brand's codec name. These are the
// "hand-shaped" leaves of `arbitraryOf` (arbitrary-of.ts): a brand's predicate is a function io-ts cannot
// enumerate, so each gets a generator that meets it by construction (and `arbitraryOf` still filters
// with the codec's `is`, so a leaf that drifts from its codec shows up as a failing filter, not a bad
// value).

/**
 * A real calendar date between 1990 and 2035 (`YYYY-MM-DD`).
 * @example
 * fc.sample(businessDateArb, 1)
 */
export const businessDateArb: fc.Arbitrary<string> = fc
  .date({
    min: new Date("1990-01-01T00:00:00.000Z"),
    max: new Date("2035-12-31T00:00:00.000Z"),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

/**
 * A canonical UTC instant (`YYYY-MM-DDTHH:mm:ss.sssZ`) between 1990 and 2035.
 * @example
 * fc.sample(instantArb, 1)
 */
export const instantArb: fc.Arbitrary<string> = fc
  .date({
    min: new Date("1990-01-01T00:00:00.000Z"),
    max: new Date("2035-12-31T23:59:59.999Z"),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString());

const idChars = "abcdefghijklmnopqrstuvwxyz0123456789";
/**
 * An identifier as the id codecs accept (`[A-Za-z0-9][A-Za-z0-9._-]{0,63}`), kept short and readable.
 * @example
 * fc.assert(fc.property(idArb("htx"), (id) => id.startsWith("htx-") && E.isRight(CoopId.decode(id)))) // passes
 */
export const idArb = (prefix: string): fc.Arbitrary<string> =>
  fc
    .string({ unit: fc.constantFrom(...idChars.split("")), minLength: 1, maxLength: 8 })
    .map((s) => `${prefix}-${s}`);

/**
 * A VND amount up to 10 bn (integers: VND has no minor unit in use).
 * @example
 * fc.assert(fc.property(vndArb, (n) => E.isRight(Vnd.decode(n)))) // passes
 */
export const vndArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000_000 }),
  fc.integer({ min: 1, max: 2000 }).map((n) => n * 10_000_000),
);

/**
 * A Vietnamese-looking non-blank text.
 * @example
 * fc.assert(fc.property(textArb, (s) => E.isRight(Text.decode(s)))) // passes
 */
export const textArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "HTX Nông nghiệp Thắng Lợi",
    "Nhập trùng",
    "Thanh long Hàm Thuận",
    "Quỹ hỗ trợ phát triển HTX tỉnh",
  ),
  fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
);

/**
 * The leaves by brand name; `arbitraryOf` looks a refinement's name up here.
 * @example
 * const vnd = BRAND_ARBITRARIES.Vnd;
 * vnd !== undefined && fc.sample(vnd, 3).every((n) => E.isRight(Vnd.decode(n))) // true
 */
export const BRAND_ARBITRARIES: Readonly<Record<string, fc.Arbitrary<unknown>>> = {
  BusinessDate: businessDateArb,
  // a date typed as text decodes to a BusinessDate and encodes back to `YYYY-MM-DD`
  BusinessDateFromText: businessDateArb,
  Instant: instantArb,
  Vnd: vndArb,
  SignedVnd: fc.integer({ min: -5_000_000_000, max: 10_000_000_000 }),
  Count: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 10_000 })),
  PositiveInt: fc.integer({ min: 1, max: 120 }),
  BasisPoints: fc.integer({ min: 0, max: 10_000 }),
  Score: fc.integer({ min: 0, max: 200 }).map((n) => n / 2),
  FiscalYear: fc.integer({ min: 2000, max: 2030 }),
  Text: textArb,
  CoopId: idArb("htx"),
  LoanId: idArb("loan"),
  ProductId: idArb("ocop"),
  ManagerId: idArb("cb"),
  FundId: idArb("qht"),
  ReorganisationId: idArb("tcl"),
  LinkageId: idArb("lk"),
  ApplicationId: idArb("hs"),
  EventId: fc.uuid({ version: [1, 2, 3, 4, 5] }),
  ProvinceCode: fc.constantFrom("01", "17", "25", "60", "67", "68", "79", "96"),
  DistrictCode: fc.integer({ min: 1, max: 999 }).map((n) => String(n).padStart(3, "0")),
  CommuneCode: fc.integer({ min: 1, max: 32_000 }).map((n) => String(n).padStart(5, "0")),
  RegistrationCode: fc
    .tuple(
      fc.integer({ min: 0, max: 99_999 }),
      fc.integer({ min: 0, max: 99_999 }),
      fc.option(fc.integer({ min: 1, max: 999 }), { nil: undefined }),
    )
    .map(
      ([a, b, c]) =>
        `${String(a).padStart(5, "0")}${String(b).padStart(5, "0")}${c === undefined ? "" : `-${String(c).padStart(3, "0")}`}`,
    ),
  StreamId: fc
    .tuple(fc.constantFrom("coop", "alliance", "fund", "reorganisation"), idArb("x"))
    .map(([k, id]) => `${k}-${id}`),
};
