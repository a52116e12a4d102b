import {
  type BusinessDate,
  type DomainEvent,
  dayOf,
  isoDate,
  type RecordedEvent,
  regimeOn,
} from "@coop-ledger/domain";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { buildIndex } from "./bitemporal-index/projection-index.js";
import type { IndicatorId } from "./catalogue/indicator-id.js";
import { indicatorValue } from "./evaluate/snapshot.js";
import { snapshot } from "./evaluate/snapshot-of-index.js";
import { liveEvents, timed } from "./model/live-events.js";
import { replay } from "./replay/replay.js";
import { historyArb } from "./test-support/arbitraries.js";

// The indicators added for the seeds (issue 14), each recounted here straight from the live events
// of every stream — a plain loop per indicator, with none of the projections' stream state, stock
// slots, series or cells — and compared with what the index and the replay answer, unscoped.

const RUNS = Number(process.env.PROJECTIONS_LAW_RUNS ?? 100);

type Ev = DomainEvent;

/** The live events of every stream as known at the end of time, in valid-time order. */
const streamsOf = (events: ReadonlyArray<RecordedEvent>): Ev[][] => {
  const by = new Map<string, RecordedEvent[]>();
  for (const e of events) by.set(e.streamId, [...(by.get(e.streamId) ?? []), e]);
  return [...by.values()].map((s) => liveEvents(s.map(timed)).map((t) => t.recorded.event));
};

interface Org {
  readonly form: string;
  readonly origin: string;
  readonly advised: boolean;
  readonly foundedOn: BusinessDate;
  readonly events: ReadonlyArray<Ev>;
}

/** A stream's organisation as of `d` (its founding effective by then), with its events up to `d`. */
const orgAt = (stream: ReadonlyArray<Ev>, d: BusinessDate): Org | undefined => {
  const upTo = stream.filter((e) => e.data.effectiveDate <= d);
  const f = upTo.find((e) => e.type === "CoopFounded");
  if (f === undefined || f.type !== "CoopFounded") return undefined;
  return {
    form: f.data.form,
    origin: f.data.origin.kind,
    advised: f.data.advisedByAlliance === true,
    foundedOn: f.data.effectiveDate,
    events: upTo,
  };
};

const ENDING = new Set(["CoopDissolved", "CoopReorganisedAway", "CoopConverted"]);
const activeAt = (o: Org): boolean => !o.events.some((e) => ENDING.has(e.type));

const lastOf = <T extends Ev["type"]>(
  o: Org,
  types: ReadonlyArray<T>,
): Extract<Ev, { type: T }> | undefined =>
  [...o.events].reverse().find((e) => (types as ReadonlyArray<string>).includes(e.type)) as
    | Extract<Ev, { type: T }>
    | undefined;

interface Recount {
  readonly id: IndicatorId;
  readonly value: number;
  readonly numerator?: number;
}

/** Every new indicator recounted at `d`, over the period from `from`, for fiscal year `y`. */
const recount = (
  streams: ReadonlyArray<ReadonlyArray<Ev>>,
  d: BusinessDate,
  from: BusinessDate,
  y: number,
) => {
  const out: Recount[] = [];
  const orgs = streams.map((s) => orgAt(s, d)).filter((o): o is Org => o !== undefined);
  const coops = orgs.filter((o) => o.form === "cooperative");
  const activeCoops = coops.filter(activeAt);
  const inPeriod = (e: Ev) => e.data.effectiveDate >= from && e.data.effectiveDate <= d;

  const suspended = activeCoops.filter((o) => {
    const last = lastOf(o, ["CoopSuspended", "CoopResumed"]);
    return last?.type === "CoopSuspended" && (last.data.until === undefined || d <= last.data.until);
  }).length;
  out.push({ id: "coops.suspended", value: suspended });

  const reorganised = orgs
    .flatMap((o) => o.events)
    .filter(
      (e) =>
        (e.type === "CoopConverted" || e.type === "CoopReorganisedAway" || e.type === "CoopSpunOff") &&
        inPeriod(e),
    ).length;
  out.push({ id: "coops.reorganised", value: reorganised });

  const advised = coops.filter(
    (o) => o.origin === "new" && o.advised && o.foundedOn >= from && o.foundedOn <= d,
  ).length;
  out.push({ id: "coops.foundedAdvised", value: advised });

  const under2023 = activeCoops.filter((o) => {
    const conformed = lastOf(o, ["CoopConformedToLaw"]);
    if (conformed !== undefined) return conformed.data.law === "2023";
    const f = o.events.find((e) => e.type === "CoopFounded");
    if (f?.type !== "CoopFounded") return false;
    return f.data.origin.kind === "preExisting"
      ? f.data.origin.lawRegime === "2023"
      : regimeOn(f.data.effectiveDate) === "2023";
  }).length;
  out.push({ id: "coops.law2023Share", value: 0, numerator: under2023 });

  const inChains = activeCoops.filter((o) => {
    const links = new Set<string>();
    for (const e of o.events) {
      if (e.type === "ValueChainLinked") links.add(e.data.linkageId);
      if (e.type === "ValueChainUnlinked") links.delete(e.data.linkageId);
    }
    return links.size > 0;
  }).length;
  out.push({ id: "valueChain.coops", value: inChains });
  out.push({ id: "valueChain.coopShare", value: 0, numerator: inChains });

  let members = 0;
  let workers = 0;
  for (const o of activeCoops) {
    let m = 0;
    let w = 0;
    for (const e of o.events) {
      if (e.type === "CoopFounded") m = e.data.foundingMembers;
      if (e.type === "MembershipReported") {
        m = e.data.officialMembers;
        w = e.data.regularWorkers ?? 0;
      }
      if (e.type === "CoopSpunOff") m = Math.max(0, m - e.data.membersTransferred);
      if (e.type === "CoopMergerReceived") m += e.data.membersReceived;
    }
    members += m;
    workers += w;
  }
  out.push({ id: "members.total", value: members });
  out.push({ id: "workers.total", value: workers });

  out.push({
    id: "alliance.members",
    value: orgs.filter(
      (o) =>
        (o.form === "cooperative" || o.form === "union") &&
        activeAt(o) &&
        lastOf(o, ["CoopJoinedAlliance", "CoopLeftAlliance"])?.type === "CoopJoinedAlliance",
    ).length,
  });

  // Annual figures: the latest rating / report of year y of every organisation founded by d (they
  // stand once given, also after it ends).
  const latestRating = (o: Org) =>
    [...o.events].reverse().find((e) => e.type === "CoopAssessed" && e.data.year === y) as
      | Extract<Ev, { type: "CoopAssessed" }>
      | undefined;
  const latestReport = (o: Org) =>
    [...o.events].reverse().find((e) => e.type === "AnnualReportFiled" && e.data.fiscalYear === y) as
      | Extract<Ev, { type: "AnnualReportFiled" }>
      | undefined;
  const weak = coops.filter((o) => latestRating(o)?.data.rating === "weak").length;
  out.push({ id: "rating.weak", value: weak });
  out.push({ id: "rating.weakShare", value: 0, numerator: weak });
  out.push({
    id: "coops.highTech",
    value: coops.filter((o) => latestReport(o)?.data.highTechnology === true).length,
  });
  const reporting = orgs.filter((o) => o.form === "cooperative" || o.form === "group");
  let revenue = 0;
  let profit = 0;
  for (const o of reporting) {
    const r = latestReport(o);
    revenue += r?.data.revenueVnd ?? 0;
    profit += r?.data.profitVnd ?? 0;
  }
  out.push({ id: "finance.revenueVnd", value: revenue });
  out.push({ id: "finance.profitVnd", value: profit });

  // Alliance activity: a sum over the period of the recorded counts and participants.
  let awareness = 0;
  let trained = 0;
  for (const s of streams)
    for (const e of s) {
      if (e.type !== "AllianceActivityRecorded" || !inPeriod(e)) continue;
      if (e.data.kind === "awarenessClass") awareness += e.data.count;
      if (e.data.kind === "trainingClass") trained += e.data.participants ?? 0;
    }
  out.push({ id: "activity.awarenessClasses", value: awareness });
  out.push({ id: "activity.peopleTrained", value: trained });
  return out;
};

const day0 = dayOf("2012-01-01" as BusinessDate);

/**
 * A history and a day worth asking about: the days around its effective dates and suspension end
 * dates (where a figure changes), or any day.
 */
const historyAndDayArb = historyArb.chain((events) => {
  const days = events.flatMap((e) => {
    const d = dayOf(e.event.data.effectiveDate);
    return [d - 1, d, d + 1];
  });
  const untils = events.flatMap((e) =>
    e.event.type === "CoopSuspended" && e.event.data.until !== undefined
      ? [dayOf(e.event.data.until), dayOf(e.event.data.until) + 1]
      : [],
  );
  return fc.tuple(
    fc.constant(events),
    fc.oneof(
      { arbitrary: fc.constantFrom(...days), weight: 3 },
      ...(untils.length > 0 ? [{ arbitrary: fc.constantFrom(...untils), weight: 2 }] : []),
      { arbitrary: fc.integer({ min: day0, max: day0 + 5200 }), weight: 1 },
    ),
  );
});

describe("the seed indicators (issue 14) against a direct recount", () => {
  it("law: every seed indicator, unscoped, equals a plain recount of the live events (index and replay alike)", () => {
    fc.assert(
      fc.property(
        historyAndDayArb,
        fc.integer({ min: 0, max: 1200 }),
        fc.integer({ min: 0, max: 2 }),
        ([events, validDay], periodBack, yearBack) => {
          const d = isoDate(validDay);
          const from = isoDate(Math.max(day0, validDay - periodBack));
          const y = Number(d.slice(0, 4)) - yearBack;
          const expected = recount(streamsOf(events), d, from, y);
          const query = {
            validAt: d,
            indicators: expected.map((r) => r.id),
            options: { periodFrom: from, fiscalYear: y },
          };
          const index = buildIndex(events);
          for (const [name, result] of [
            ["index", snapshot(index, query)],
            ["replay", replay(events, query)],
          ] as const) {
            if (E.isLeft(result)) throw new Error(`${name}: ${result.left.message}`);
            for (const r of expected) {
              const f = indicatorValue(result.right, r.id);
              const got = r.numerator !== undefined ? f?.numerator : f?.value;
              expect(got, `${name} ${r.id} on ${d} (from ${from}, fiscal year ${y})`).toBe(
                r.numerator ?? r.value,
              );
            }
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
