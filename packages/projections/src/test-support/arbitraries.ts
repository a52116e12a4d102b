import {
  addDays,
  type BusinessDate,
  type DomainEvent,
  type RecordedEvent,
  type StreamId,
} from "@coop-ledger/domain";
import fc from "fast-check";
import { ev, founded, streamOf, uuidOf } from "./history.js";

/**
 * A small generator of bitemporal histories for the laws (kept simple on purpose; the testing package
 * has the realistic ones). A history is built from a shrinkable plan: per organisation a founding and a
 * list of operations with day offsets and recording lags (so events are back-dated or recorded late),
 * occasional retractions, a fund and an alliance. Histories are not all valid for the decider (an
 * event may follow a dissolution): the projections must be deterministic and agree anyway.
 */

const PLACES = [
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

const SECTORS = ["agriculture", "peoplesCreditFund", "transport"] as const;
const FORMS = ["cooperative", "cooperative", "union", "group"] as const;

const day0 = "2012-01-01" as BusinessDate;
const dateAt = (offset: number): BusinessDate => addDays(day0, offset);

type Op =
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

const opArb: fc.Arbitrary<Op> = fc.oneof(
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

interface Step {
  readonly op: Op;
  readonly after: number;
  readonly lag: number;
  readonly retractLag: number | null;
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  op: opArb,
  after: fc.integer({ min: 0, max: 250 }),
  lag: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 900 })),
  retractLag: fc.oneof(
    { arbitrary: fc.constant(null), weight: 7 },
    { arbitrary: fc.integer({ min: 0, max: 400 }), weight: 1 },
  ),
});

interface OrgPlan {
  readonly start: number;
  readonly place: number;
  readonly sector: number;
  readonly form: number;
  readonly members: number;
  readonly preExisting: boolean;
  readonly advised: boolean | undefined;
  readonly steps: ReadonlyArray<Step>;
}

const orgArb: fc.Arbitrary<OrgPlan> = fc.record({
  start: fc.integer({ min: 0, max: 4800 }),
  place: fc.integer({ min: 0, max: PLACES.length - 1 }),
  sector: fc.integer({ min: 0, max: SECTORS.length - 1 }),
  form: fc.integer({ min: 0, max: FORMS.length - 1 }),
  members: fc.integer({ min: 2, max: 150 }),
  preExisting: fc.boolean(),
  advised: fc.option(fc.boolean(), { nil: undefined }),
  steps: fc.array(stepArb, { maxLength: 10 }),
});

interface Pending {
  readonly streamId: StreamId;
  readonly event: DomainEvent;
  readonly recordedDay: number;
  readonly seq: number;
  readonly retractAfter: number | null;
}

const place = (i: number) => PLACES[i % PLACES.length] as (typeof PLACES)[number];
const loc = (i: number) => {
  const p = place(i);
  return {
    gazetteer: p.gazetteer,
    provinceCode: p.province,
    ...("district" in p ? { districtCode: p.district } : {}),
    ...("commune" in p ? { communeCode: p.commune } : {}),
  };
};

const opEvent = (coopId: string, date: BusinessDate, op: Op): DomainEvent => {
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

/** Builds the recorded events of a plan, in recording order (positions follow that order). */
export const historyOf = (
  orgs: ReadonlyArray<OrgPlan>,
  extras: ReadonlyArray<{
    day: number;
    count: number;
    lag: number;
    kind: number;
    participants: number | null;
  }>,
): RecordedEvent[] => {
  const pending: Pending[] = [];
  let seq = 0;
  orgs.forEach((o, i) => {
    const coopId = `c${i}`;
    const start = dateAt(o.start);
    const sector = SECTORS[o.sector] as string;
    const form = FORMS[o.form] as string;
    const p = place(o.place);
    const foundedEvent = founded(coopId, start, {
      province: p.province,
      gazetteer: p.gazetteer,
      ...("district" in p ? { district: p.district } : {}),
      sector,
      form,
      members: o.members,
      origin: o.preExisting ? { kind: "preExisting", lawRegime: "2003" } : { kind: "new" },
      ...(o.advised === undefined ? {} : { advisedByAlliance: o.advised }),
    });
    const streamId = streamOf(foundedEvent);
    pending.push({
      streamId,
      event: foundedEvent,
      recordedDay: o.start + ((o.steps[0]?.lag ?? 0) % 60),
      seq: seq++,
      retractAfter: null,
    });
    let d = o.start;
    for (const s of o.steps) {
      d += s.after;
      const event = opEvent(coopId, dateAt(d), s.op);
      pending.push({ streamId, event, recordedDay: d + s.lag, seq: seq++, retractAfter: s.retractLag });
    }
  });
  for (const x of extras) {
    const event = ev("AllianceActivityRecorded", {
      effectiveDate: dateAt(x.day),
      provinceCode: "60",
      gazetteer: "2008-08-01",
      kind: ["newsItem", "tradePromotion", "trainingClass", "foundingAdvice", "awarenessClass"][x.kind],
      count: x.count,
      ...(x.participants === null ? {} : { participants: x.participants }),
    });
    pending.push({
      streamId: streamOf(event),
      event,
      recordedDay: x.day + x.lag,
      seq: seq++,
      retractAfter: null,
    });
    const fundEvent =
      x.kind === 0
        ? ev("FundCapitalChanged", {
            fundId: "qht-60",
            effectiveDate: dateAt(x.day),
            charterCapitalVnd: x.count * 1_000_000_000,
          })
        : ev("LoanApplicationReceived", {
            fundId: "qht-60",
            effectiveDate: dateAt(x.day),
            applicationId: `a-${seq}`,
            coopId: "c0",
            requestedVnd: 300_000_000,
          });
    pending.push({
      streamId: streamOf(fundEvent),
      event: fundEvent,
      recordedDay: x.day + x.lag,
      seq: seq++,
      retractAfter: null,
    });
  }
  pending.push({
    streamId: "fund-qht-60" as StreamId,
    event: ev("FundEstablished", {
      fundId: "qht-60",
      effectiveDate: "2015-01-01",
      kind: "provincialSupportFund",
      name: "Quỹ",
      charterCapitalVnd: 20_000_000_000,
      provinceCode: "60",
      gazetteer: "2008-08-01",
    }),
    recordedDay: 1200,
    seq: seq++,
    retractAfter: null,
  });
  // Assign ids, then add retractions recorded after their targets.
  const ids = new Map<number, string>();
  for (const p of pending) ids.set(p.seq, uuidOf(p.seq + 1));
  const all: Pending[] = [...pending];
  for (const p of pending) {
    if (p.retractAfter === null) continue;
    const day = p.recordedDay + p.retractAfter;
    all.push({
      streamId: p.streamId,
      event: ev("EventRetracted", {
        effectiveDate: dateAt(day),
        retractedEventId: ids.get(p.seq),
        reason: "Nhập nhầm",
      }),
      recordedDay: day,
      seq: seq++,
      retractAfter: null,
    });
    ids.set(seq - 1, uuidOf(seq));
  }
  // Recording order: by recorded day, then generation order. Revisions follow recording order per stream.
  all.sort((a, b) => a.recordedDay - b.recordedDay || a.seq - b.seq);
  const revisions = new Map<string, number>();
  return all.map((p, position) => {
    const revision = revisions.get(p.streamId) ?? 0;
    revisions.set(p.streamId, revision + 1);
    return {
      eventId: uuidOf(p.seq + 1),
      streamId: p.streamId,
      revision,
      position,
      event: p.event,
      metadata: { recordedAt: `${dateAt(p.recordedDay)}T0${p.seq % 10}:00:00.000Z` as never },
    };
  });
};

/** Valid histories for the laws. */
export const historyArb: fc.Arbitrary<RecordedEvent[]> = fc
  .tuple(
    fc.array(orgArb, { minLength: 1, maxLength: 6 }),
    fc.array(
      fc.record({
        day: fc.integer({ min: 1000, max: 5000 }),
        count: fc.integer({ min: 1, max: 5 }),
        lag: fc.integer({ min: 0, max: 400 }),
        kind: fc.integer({ min: 0, max: 4 }),
        participants: fc.option(fc.integer({ min: 0, max: 80 }), { nil: null }),
      }),
      { maxLength: 4 },
    ),
  )
  .map(([orgs, extras]) => historyOf(orgs, extras));

/** Days worth asking about in a history: around its effective and recording days. */
const interestingDays = (events: ReadonlyArray<RecordedEvent>, recorded: boolean): number[] => {
  const base = Date.UTC(2012, 0, 1) / 86_400_000;
  const days = events.map((e) =>
    Math.round(Date.parse(recorded ? e.metadata.recordedAt : e.event.data.effectiveDate) / 86_400_000 - base),
  );
  return [...new Set(days.flatMap((d) => [d - 1, d, d + 1]))];
};

/** A query point: a valid date and (maybe) a knowledge instant near the history's own dates. */
export const queryArbFor = (events: ReadonlyArray<RecordedEvent>) => {
  const valid = interestingDays(events, false);
  const known = interestingDays(events, true);
  return fc.record({
    validDay: fc.oneof(
      { arbitrary: fc.constantFrom(...valid), weight: 3 },
      {
        arbitrary: fc
          .tuple(fc.constantFrom(...valid), fc.integer({ min: 0, max: 900 }))
          .map(([d, o]) => d + o),
        weight: 2,
      },
      { arbitrary: fc.integer({ min: -30, max: 6500 }), weight: 1 },
    ),
    knownDay: fc.option(fc.constantFrom(...known), { freq: 2 }),
    scope: fc.constantFrom<Record<string, string>>(
      {},
      {},
      { province: "60" },
      { province: "68" },
      { province: "25" },
      { sector: "agriculture" },
      { form: "union" },
      { province: "60", sector: "peoplesCreditFund" },
      { district: "593" },
    ),
    geography: fc.constantFrom("asOf", "2008-08-01", "2025-07-01"),
    options: fc.constantFrom<Record<string, unknown>>(
      {},
      { effectiveRule: "minScore", effectiveMinScore: 70, ratingDenominator: "activeAtYearEnd" },
      { peoplesCreditFunds: "exclude", incomeAverage: "perWorker", law2012IncludesLaw2023: false },
      {
        fundKind: "provincialSupportFund",
        farmHouseholds: 1000,
        districtCount: 10,
        periodFrom: "2014-06-01",
      },
      { fiscalYear: 2016 },
    ),
  });
};

/** A history and a few query points about it. */
export const historyAndQueriesArb = historyArb.chain((events) =>
  fc.tuple(fc.constant(events), fc.array(queryArbFor(events), { minLength: 1, maxLength: 4 })),
);

export type QueryPoint = ReturnType<typeof queryArbFor> extends fc.Arbitrary<infer Q> ? Q : never;

/** Turns a generated query point into a query. */
export const queryOf = (q: QueryPoint) => ({
  validAt: dateAt(q.validDay),
  ...(q.knownDay !== null ? { knownAt: `${dateAt(q.knownDay)}T05:00:00.000Z` } : {}),
  scope: q.scope,
  geography: q.geography,
  options: q.options,
});
