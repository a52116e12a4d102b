import type { DomainEvent, RecordedEvent, StreamId } from "@coop-ledger/domain";
import fc from "fast-check";
import { ev, founded, streamOf, uuidOf } from "./history.js";
import { dateAt, FORMS, type Op, opArb, opEvent, PLACES, place, SECTORS } from "./history-ops.js";
import { queryArbFor } from "./query-points.js";

// The query points about a history live in query-points.ts; the laws name them from here.
export { type QueryPoint, queryArbFor, queryOf } from "./query-points.js";

/**
 * A small generator of bitemporal histories for the laws (kept simple on purpose; the testing package
 * has the realistic ones). A history is built from a shrinkable plan: per organisation a founding and a
 * list of operations with day offsets and recording lags (so events are back-dated or recorded late),
 * occasional retractions, a fund and an alliance. Histories are not all valid for the decider (an
 * event may follow a dissolution): the projections must be deterministic and agree anyway.
 */

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
/** A history and a few query points about it. */
export const historyAndQueriesArb = historyArb.chain((events) =>
  fc.tuple(fc.constant(events), fc.array(queryArbFor(events), { minLength: 1, maxLength: 4 })),
);
