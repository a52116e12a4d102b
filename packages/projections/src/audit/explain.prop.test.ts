import type { RecordedEvent } from "@coop-ledger/domain";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { INDICATORS } from "../catalogue/catalogue.js";
import type { IndicatorId } from "../catalogue/indicator-id.js";
import { INDICATOR_PROVENANCE, NON_ADDITIVE } from "../catalogue/provenance.js";
import type { Figure } from "../evaluate/figure.js";
import { liveEvents, timed } from "../model/live-events.js";
import { historyAndQueriesArb, queryOf } from "../test-support/arbitraries.js";
import { type Explanation, explain } from "./explain.js";

// EXPLAIN_LAW_RUNS raises or lowers the number of histories (each is explained for every indicator).
const RUNS = Number(process.env.EXPLAIN_LAW_RUNS ?? 40);

/** The figure's additive parts, read independently of explain's own code. */
const parts = (f: Figure) => ({ v: f.value ?? 0, n: f.numerator ?? 0, d: f.denominator ?? 0 });
const isRatio = (f: Figure) => f.numerator !== undefined || f.denominator !== undefined;

/** A query without the inputs that are not events (farm households, district counts): explain leaves them out. */
const eventOnly = (q: ReturnType<typeof queryOf>) => ({
  ...q,
  options: { ...q.options, farmHouseholds: undefined, districtCount: undefined },
});

const explained = (events: ReadonlyArray<RecordedEvent>, id: IndicatorId, q: ReturnType<typeof queryOf>) => {
  const r = explain(events, id, eventOnly(q));
  return E.isRight(r) ? r.right : undefined;
};

const sumOf = (x: Explanation) =>
  x.events.reduce(
    (s, e) => ({
      v: s.v + (e.contribution.value ?? 0),
      n: s.n + (e.contribution.numerator ?? 0),
      d: s.d + (e.contribution.denominator ?? 0),
    }),
    { v: 0, n: 0, d: 0 },
  );

/**
 * The last live event of each stream effective by the valid date (valid-time order): removing it from
 * the history leaves the rest of the stream's fold as it was (the fold is causal in valid time).
 */
const lastEffectiveOfStreams = (events: ReadonlyArray<RecordedEvent>, q: ReturnType<typeof queryOf>) => {
  const byStream = new Map<string, RecordedEvent[]>();
  for (const e of events) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
  const knownAtMs = q.knownAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(q.knownAt);
  const out = new Map<string, string>();
  for (const [stream, es] of byStream) {
    const live = liveEvents(es.map(timed), knownAtMs).filter(
      (e) => e.recorded.event.data.effectiveDate <= q.validAt,
    );
    const last = live[live.length - 1];
    if (last !== undefined) out.set(stream, last.recorded.eventId);
  }
  return out;
};

describe("explain: provenance by construction (docs/indicators.md, Provenance)", () => {
  it("law: the listed contributions add up to the figure (value, or numerator and denominator)", () => {
    fc.assert(
      fc.property(historyAndQueriesArb, ([events, queries]) => {
        for (const qp of queries)
          for (const d of INDICATORS) {
            if (NON_ADDITIVE.has(d.id)) continue;
            const q = queryOf(qp);
            const x = explained(events, d.id, q);
            if (x === undefined) continue;
            const s = sumOf(x);
            const f = parts(x.figure);
            if (isRatio(x.figure)) expect({ n: s.n, d: s.d }, d.id).toEqual({ n: f.n, d: f.d });
            else expect(s.v, d.id).toBe(f.v);
          }
      }),
      { numRuns: RUNS },
    );
  });

  it("law: every listed event's type is one the indicator's provenance names, and its contribution is not zero", () => {
    fc.assert(
      fc.property(historyAndQueriesArb, ([events, queries]) => {
        for (const qp of queries)
          for (const d of INDICATORS) {
            const x = explained(events, d.id, queryOf(qp));
            if (x === undefined) continue;
            for (const e of x.events) {
              expect(INDICATOR_PROVENANCE[d.id], `${d.id} credits ${e.type}`).toContain(e.type);
              const c = e.contribution;
              expect((c.value ?? 0) !== 0 || (c.numerator ?? 0) !== 0 || (c.denominator ?? 0) !== 0).toBe(
                true,
              );
            }
          }
      }),
      { numRuns: RUNS },
    );
  });

  it("law: removing a stream's last event effective by the valid date changes the figure by exactly its contribution (0 when unlisted)", () => {
    fc.assert(
      fc.property(historyAndQueriesArb, ([events, queries]) => {
        for (const qp of queries) {
          const q = queryOf(qp);
          const lasts = lastEffectiveOfStreams(events, q);
          for (const d of INDICATORS) {
            if (NON_ADDITIVE.has(d.id)) continue;
            const x = explained(events, d.id, q);
            if (x === undefined) continue;
            for (const eventId of lasts.values()) {
              const without = explained(
                events.filter((e) => e.eventId !== eventId),
                d.id,
                q,
              );
              if (without === undefined) continue;
              const listed = x.events.find((e) => e.eventId === eventId)?.contribution ?? {};
              const before = parts(x.figure);
              const after = parts(without.figure);
              if (isRatio(x.figure) || isRatio(without.figure))
                expect(
                  { n: before.n - after.n, d: before.d - after.d },
                  `${d.id} without ${eventId}`,
                ).toEqual({
                  n: listed.numerator ?? 0,
                  d: listed.denominator ?? 0,
                });
              else expect(before.v - after.v, `${d.id} without ${eventId}`).toBe(listed.value ?? 0);
            }
          }
        }
      }),
      { numRuns: Math.max(5, Math.floor(RUNS / 4)) },
    );
  });

  it("law: removing a whole stream changes the figure by the sum of its events' contributions", () => {
    fc.assert(
      fc.property(historyAndQueriesArb, ([events, queries]) => {
        const streams = [...new Set(events.map((e) => e.streamId))];
        for (const qp of queries) {
          const q = queryOf(qp);
          for (const d of INDICATORS) {
            if (NON_ADDITIVE.has(d.id)) continue;
            const x = explained(events, d.id, q);
            if (x === undefined) continue;
            for (const stream of streams) {
              const without = explained(
                events.filter((e) => e.streamId !== stream),
                d.id,
                q,
              );
              if (without === undefined) continue;
              const mine = x.events.filter((e) => e.streamId === stream);
              const s = sumOf({ figure: x.figure, events: mine });
              const before = parts(x.figure);
              const after = parts(without.figure);
              if (isRatio(x.figure) || isRatio(without.figure))
                expect({ n: before.n - after.n, d: before.d - after.d }).toEqual({ n: s.n, d: s.d });
              else expect(before.v - after.v).toBe(s.v);
            }
          }
        }
      }),
      { numRuns: Math.max(5, Math.floor(RUNS / 4)) },
    );
  });
});
