import { addDays, type BusinessDate, type DomainEvent } from "@coop-ledger/domain";
import fc from "fast-check";
import { ev } from "./history.js";

// The places, sectors, forms and operations the history generator (arbitraries.ts) draws from, and the
// event each operation records.

export const PLACES = [
  { gazetteer: "2008-08-01", province: "60", district: "593" },
  { gazetteer: "2008-08-01", province: "60", district: "594" },
  { gazetteer: "2008-08-01", province: "67" },
  { gazetteer: "2008-08-01", province: "17", district: "148" },
  { gazetteer: "2025-07-01", province: "68" },
  { gazetteer: "2025-07-01", province: "25" },
  // 2025 communes from old Đắk Nông (67) and old Hòa Bình (17): traced back through the transfer table.
  { gazetteer: "2025-07-01", province: "68", commune: "24611" },
  { gazetteer: "2025-07-01", province: "25", commune: "04792" },
] as const;

export const SECTORS = ["agriculture", "peoplesCreditFund", "transport"] as const;
export const FORMS = ["cooperative", "cooperative", "union", "group"] as const;

const day0 = "2012-01-01" as BusinessDate;
export const dateAt = (offset: number): BusinessDate => addDays(day0, offset);

export type Op =
  | { readonly k: "members"; readonly n: number; readonly farm: number; readonly workers: number | undefined }
  | { readonly k: "manager"; readonly id: number; readonly birthYear: number; readonly qualified: boolean }
  | { readonly k: "managerLeft"; readonly id: number }
  | { readonly k: "assess"; readonly yearBack: number; readonly score: number }
  | {
      readonly k: "report";
      readonly yearBack: number;
      readonly capital: number;
      readonly income: number;
      readonly workers: number;
      readonly highTech: boolean | undefined;
    }
  | { readonly k: "ocop"; readonly id: number; readonly months: number }
  | { readonly k: "ocopEnd"; readonly id: number }
  | { readonly k: "link"; readonly id: number }
  | { readonly k: "unlink"; readonly id: number }
  | {
      readonly k: "loan";
      readonly id: number;
      readonly fund: number;
      readonly amount: number;
      readonly months: number;
    }
  | { readonly k: "repay"; readonly id: number; readonly amount: number }
  | { readonly k: "reschedule"; readonly id: number; readonly months: number }
  | { readonly k: "move"; readonly place: number }
  | { readonly k: "conform"; readonly law: "2012" | "2023" }
  | { readonly k: "join" }
  | { readonly k: "spinOff"; readonly n: number }
  | { readonly k: "dissolve"; readonly compulsory: boolean }
  | { readonly k: "reorganisedAway"; readonly kind: "split" | "consolidation" | "merger" }
  | { readonly k: "suspend"; readonly days: number | null }
  | { readonly k: "resume" }
  | { readonly k: "leave" }
  | { readonly k: "convert" };

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      k: fc.constant("members" as const),
      n: fc.integer({ min: 0, max: 300 }),
      farm: fc.integer({ min: 0, max: 200 }),
      workers: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      k: fc.constant("manager" as const),
      id: fc.integer({ min: 0, max: 2 }),
      birthYear: fc.integer({ min: 1960, max: 1995 }),
      qualified: fc.boolean(),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({ k: fc.constant("managerLeft" as const), id: fc.integer({ min: 0, max: 2 }) }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      k: fc.constant("assess" as const),
      yearBack: fc.integer({ min: 0, max: 1 }),
      score: fc.integer({ min: 30, max: 100 }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      k: fc.constant("report" as const),
      yearBack: fc.integer({ min: 0, max: 1 }),
      capital: fc.integer({ min: 0, max: 5_000_000_000 }),
      income: fc.integer({ min: 1_000_000, max: 9_000_000 }),
      workers: fc.integer({ min: 0, max: 40 }),
      highTech: fc.option(fc.boolean(), { nil: undefined }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      k: fc.constant("ocop" as const),
      id: fc.integer({ min: 0, max: 2 }),
      months: fc.integer({ min: 1, max: 36 }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({ k: fc.constant("ocopEnd" as const), id: fc.integer({ min: 0, max: 2 }) }),
    weight: 4,
  },
  {
    arbitrary: fc.record({ k: fc.constant("link" as const), id: fc.integer({ min: 0, max: 1 }) }),
    weight: 4,
  },
  {
    arbitrary: fc.record({ k: fc.constant("unlink" as const), id: fc.integer({ min: 0, max: 1 }) }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      k: fc.constant("loan" as const),
      id: fc.integer({ min: 0, max: 1 }),
      fund: fc.integer({ min: 0, max: 2 }),
      amount: fc.integer({ min: 100, max: 2000 }).map((m) => m * 1_000_000),
      months: fc.integer({ min: 1, max: 36 }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      k: fc.constant("repay" as const),
      id: fc.integer({ min: 0, max: 1 }),
      amount: fc.integer({ min: 10, max: 900 }).map((m) => m * 1_000_000),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      k: fc.constant("reschedule" as const),
      id: fc.integer({ min: 0, max: 1 }),
      months: fc.integer({ min: 1, max: 24 }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      k: fc.constant("move" as const),
      place: fc.integer({ min: 0, max: PLACES.length - 1 }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      k: fc.constant("conform" as const),
      law: fc.constantFrom("2012" as const, "2023" as const),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ k: fc.constant("join" as const) }), weight: 4 },
  {
    arbitrary: fc.record({ k: fc.constant("spinOff" as const), n: fc.integer({ min: 0, max: 30 }) }),
    weight: 4,
  },
  { arbitrary: fc.record({ k: fc.constant("dissolve" as const), compulsory: fc.boolean() }), weight: 1 },
  {
    arbitrary: fc.record({
      k: fc.constant("reorganisedAway" as const),
      kind: fc.constantFrom("split" as const, "consolidation" as const, "merger" as const),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      k: fc.constant("suspend" as const),
      days: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ k: fc.constant("resume" as const) }), weight: 3 },
  { arbitrary: fc.record({ k: fc.constant("leave" as const) }), weight: 2 },
  { arbitrary: fc.record({ k: fc.constant("convert" as const) }), weight: 1 },
);

export const place = (i: number) => PLACES[i % PLACES.length] as (typeof PLACES)[number];
export const loc = (i: number) => {
  const p = place(i);
  return {
    gazetteer: p.gazetteer,
    provinceCode: p.province,
    ...("district" in p ? { districtCode: p.district } : {}),
    ...("commune" in p ? { communeCode: p.commune } : {}),
  };
};

export const opEvent = (coopId: string, date: BusinessDate, op: Op): DomainEvent => {
  const y = Number(date.slice(0, 4));
  const base = { coopId, effectiveDate: date };
  switch (op.k) {
    case "members":
      return ev("MembershipReported", {
        ...base,
        officialMembers: op.n,
        farmHouseholds: op.farm,
        ...(op.workers === undefined ? {} : { regularWorkers: op.workers }),
      });
    case "manager":
      return ev("ManagerAppointed", {
        ...base,
        managerId: `m-${op.id}`,
        role: "director",
        birthDate: `${op.birthYear}-02-${op.id === 0 ? "29" : "15"}`.replace(
          /-02-29$/,
          op.birthYear % 4 === 0 ? "-02-29" : "-02-28",
        ),
        qualification: op.qualified ? "college" : "primary",
      });
    case "managerLeft":
      return ev("ManagerLeft", { ...base, managerId: `m-${op.id}` });
    case "assess":
      return ev("CoopAssessed", {
        ...base,
        year: y - 1 - op.yearBack,
        scheme: "circular-01-2020-TT-BKHDT",
        score: op.score,
        rating: op.score >= 80 ? "good" : op.score >= 65 ? "fair" : op.score >= 50 ? "average" : "weak",
      });
    case "report":
      return ev("AnnualReportFiled", {
        ...base,
        fiscalYear: y - 1 - op.yearBack,
        charterCapitalVnd: op.capital,
        totalAssetsVnd: op.capital * 2,
        revenueVnd: op.capital + 7,
        profitVnd: op.capital % 2 === 0 ? 1000 : -1000,
        regularWorkers: op.workers,
        workerMonthlyIncomeVnd: op.income,
        memberMonthlyIncomeVnd: op.income - 500_000,
        ...(op.highTech === undefined ? {} : { highTechnology: op.highTech }),
      });
    case "ocop":
      return ev("OcopCertified", {
        ...base,
        productId: `p-${op.id}`,
        productName: "Sản phẩm",
        score: 72,
        stars: 4,
        validUntil: addDays(date, op.months * 30),
      });
    case "ocopEnd":
      return ev("OcopEnded", { ...base, productId: `p-${op.id}`, reason: "revoked" });
    case "link":
      return ev("ValueChainLinked", {
        ...base,
        linkageId: `l-${op.id}`,
        partner: "Công ty",
        product: "Thanh long",
      });
    case "unlink":
      return ev("ValueChainUnlinked", { ...base, linkageId: `l-${op.id}` });
    case "loan":
      return ev("LoanDisbursed", {
        ...base,
        loanId: `loan-${op.id}`,
        fundKind: ["centralSupportFund", "provincialSupportFund", "nationalEmploymentFund"][op.fund],
        principalVnd: op.amount,
        termMonths: op.months,
        maturityDate: addDays(date, op.months * 30),
      });
    case "repay":
      return ev("LoanRepaid", { ...base, loanId: `loan-${op.id}`, principalVnd: op.amount });
    case "reschedule":
      return ev("LoanRescheduled", {
        ...base,
        loanId: `loan-${op.id}`,
        newMaturityDate: addDays(date, op.months * 30),
      });
    case "move":
      return ev("HeadOfficeMoved", { ...base, location: loc(op.place) });
    case "conform":
      return ev("CoopConformedToLaw", { ...base, law: op.law, method: "charterAmended" });
    case "join":
      return ev("CoopJoinedAlliance", {
        ...base,
        allianceProvinceCode: "60",
        allianceGazetteer: "2008-08-01",
      });
    case "spinOff":
      return ev("CoopSpunOff", {
        ...base,
        reorganisationId: "r-1",
        newCoopIds: ["x"],
        membersTransferred: op.n,
      });
    case "dissolve":
      return ev("CoopDissolved", { ...base, mode: op.compulsory ? "compulsory" : "voluntary" });
    case "reorganisedAway":
      return ev("CoopReorganisedAway", {
        ...base,
        reorganisationId: "r-1",
        kind: op.kind,
        successors: ["x"],
      });
    case "suspend":
      return ev("CoopSuspended", {
        ...base,
        ...(op.days === null ? {} : { until: addDays(date, op.days) }),
      });
    case "resume":
      return ev("CoopResumed", base);
    case "leave":
      return ev("CoopLeftAlliance", base);
    case "convert":
      return ev("CoopConverted", { ...base, toCoopId: `${coopId}-converted`, toForm: "cooperative" });
  }
};
