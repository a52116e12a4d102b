import type { RecordedEvent } from "@coop-ledger/domain";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { INDICATORS } from "../catalogue/catalogue.js";
import type { IndicatorId } from "../catalogue/indicator-id.js";
import { evaluateIndicator } from "../evaluate/evaluate-indicators.js";
import type { Figure } from "../evaluate/figure.js";
import { type ResolvedQuery, resolveQuery } from "../evaluate/resolve-query.js";
import { liveEvents, type TimedEvent, timed } from "../model/live-events.js";
import { sweepStream } from "../model/stream-sweep.js";
import { historyAndQueriesArb, queryOf } from "../test-support/arbitraries.js";
import { deltasReader } from "./deltas-reader.js";
import { streamContributions } from "./explain.js";

const RUNS = Number(process.env.EXPLAIN_LAW_RUNS ?? 40);

const partsOf = (f: Figure) =>
  f.numerator !== undefined || f.denominator !== undefined
    ? { n: f.numerator ?? 0, d: f.denominator ?? 0, v: 0 }
    : { n: 0, d: 0, v: f.value ?? 0 };

/**
 * The definition, computed the plain way: each prefix of the stream folded from scratch and evaluated,
 * an event's contribution the difference from the prefix before it (the quadratic reference the
 * incremental fold replaces).
 */
const fromScratch = (id: IndicatorId, q: ResolvedQuery, live: ReadonlyArray<TimedEvent>) => {
  const query = { ...q, options: { ...q.options, farmHouseholds: undefined, districtCount: undefined } };
  const out = new Map<string, { n: number; d: number; v: number }>();
  let before = { n: 0, d: 0, v: 0 };
  for (let k = 0; k < live.length; k++) {
    const e = live[k] as TimedEvent;
    if (e.day > q.validDay) break;
    const { deltas } = sweepStream(live.slice(0, k + 1), Number.NEGATIVE_INFINITY);
    const f = evaluateIndicator(
      id,
      query,
      deltasReader(deltas, () => true, q.scope),
    );
    if (E.isLeft(f)) continue;
    const after = partsOf(f.right);
    const c = { n: after.n - before.n, d: after.d - before.d, v: after.v - before.v };
    if (c.n !== 0 || c.d !== 0 || c.v !== 0) out.set(e.recorded.eventId, c);
    before = after;
  }
  return out;
};

const byStream = (events: ReadonlyArray<RecordedEvent>) => {
  const m = new Map<string, RecordedEvent[]>();
  for (const e of events) m.set(e.streamId, [...(m.get(e.streamId) ?? []), e]);
  return m;
};

describe("explain: the incremental fold", () => {
  it("law: each event's contribution from the incremental prefix fold equals the one from folding each prefix from scratch", () => {
    fc.assert(
      fc.property(historyAndQueriesArb, ([events, queries]) => {
        for (const qp of queries) {
          const q = queryOf(qp);
          for (const d of INDICATORS) {
            const r = resolveQuery({ ...q, indicators: [d.id] });
            if (E.isLeft(r)) continue;
            for (const es of byStream(events).values()) {
              const live = liveEvents(es.map(timed), r.right.knownAtMs);
              const got = new Map(
                [...streamContributions(d.id, r.right, live)].map(([e, c]) => [
                  e.recorded.eventId,
                  { n: c.numerator ?? 0, d: c.denominator ?? 0, v: c.value ?? 0 },
                ]),
              );
              expect(got, d.id).toEqual(fromScratch(d.id, r.right, live));
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
