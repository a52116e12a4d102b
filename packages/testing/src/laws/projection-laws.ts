import type { RecordedEvent } from "@coop-ledger/domain";
import fc from "fast-check";
import { provinceHistoryArbitrary, toRecorded } from "../arbitraries/history-arbitraries.js";
import { fastCheckParametersFromEnv } from "../config/fast-check-env.js";

/** A point-in-time question: valid date and, optionally, the instant of knowledge. */
export interface LawQuery {
  readonly validAt: string;
  readonly knownAt?: string;
}

/**
 * The small interface a projection exposes to be checked by {@link checkProjectionLaws}: a bulk build,
 * an incremental one (start empty, feed one event at a time, possibly twice), and a query. `B` is
 * whatever the projection builds (an index, a list, a read model); answers are compared as JSON, so
 * return only what must agree (figures, not timings).
 *
 * @example
 * const counter: LawProjection<RecordedEvent[]> = {
 *   name: "event count", build: (es) => [...es], start: () => [], feed: (b, e) => [...b, e],
 *   query: (b, q) => b.filter((e) => q.knownAt === undefined || e.metadata.recordedAt <= q.knownAt).length,
 * };
 */
export interface LawProjection<B> {
  readonly name: string;
  readonly build: (events: ReadonlyArray<RecordedEvent>) => B;
  readonly start: () => B;
  /** Feeds one event; may mutate `built` and return it. Must tolerate an event delivered twice. */
  readonly feed: (built: B, event: RecordedEvent) => B;
  readonly query: (built: B, query: LawQuery) => unknown;
}

/** Options of {@link checkProjectionLaws}. */
export interface ProjectionLawOptions {
  /** Histories to check on (default: `provinceHistoryArbitrary()` with store envelopes). */
  readonly histories?: fc.Arbitrary<RecordedEvent[]>;
  /** Runs per law (default 100). */
  readonly numRuns?: number;
  /** fast-check parameters (seed, path) to replay a failure; see docs/testing.md. */
  readonly parameters?: fc.Parameters<unknown>;
  /**
   * Also check "replay = as-of": a query at `validAt` D over all events equals one over the events
   * effective on or before D (only for projections whose figures look no further than D; period
   * indicators over a calendar year do not).
   */
  readonly asOfByValidTime?: boolean;
}

/** One law as a runnable check: give each its own test. */
export interface ProjectionLaw {
  readonly name: string;
  readonly run: () => void;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const fail = (law: string, projection: string, q: LawQuery, a: unknown, b: unknown): never => {
  throw new Error(
    `${projection}: law "${law}" broken for query ${JSON.stringify(q)}:\n  expected ${JSON.stringify(a)?.slice(0, 2000)}\n  got      ${JSON.stringify(b)?.slice(0, 2000)}`,
  );
};

/** A history and queries about it: valid dates from its effective dates (and around), instants from its recording instants. */
const withQueries = (
  histories: fc.Arbitrary<RecordedEvent[]>,
): fc.Arbitrary<{ events: RecordedEvent[]; query: LawQuery }> =>
  histories.chain((events) => {
    const dates = events.map((e) => e.event.data.effectiveDate as string);
    const instants = events.map((e) => e.metadata.recordedAt as string);
    const validAt = fc.oneof(
      dates.length > 0 ? fc.constantFrom(...dates) : fc.constant("2020-12-31"),
      fc.constantFrom(
        "2015-12-31",
        "2020-12-31",
        "2024-06-30",
        "2024-07-01",
        "2025-06-30",
        "2025-07-01",
        "2026-06-30",
      ),
    );
    const knownAt = fc.option(
      instants.length > 0 ? fc.constantFrom(...instants) : fc.constant("2026-01-01T00:00:00.000Z"),
      { nil: undefined },
    );
    return fc
      .record({ validAt, knownAt })
      .map((q) => ({ events, query: q.knownAt === undefined ? { validAt: q.validAt } : q }));
  });

/** Re-interleaves streams at random, keeping each stream's own order, and renumbers positions. */
const reinterleave = (events: RecordedEvent[]): fc.Arbitrary<RecordedEvent[]> =>
  fc.array(fc.nat(), { minLength: events.length, maxLength: events.length }).map((keys) => {
    const byStream = new Map<string, RecordedEvent[]>();
    for (const e of events) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
    const queues = [...byStream.values()];
    const out: RecordedEvent[] = [];
    for (const k of keys) {
      const live = queues.filter((q) => q.length > 0);
      const q = live[k % live.length];
      const e = q?.shift();
      if (e !== undefined) out.push(e);
    }
    return out.map((e, position) => ({ ...e, position }));
  });

/**
 * The laws every point-in-time projection obeys (ARCHITECTURE.md, "Laws"), as runnable checks:
 * 1. determinism; 2. replay = incremental (and, optionally, = as-of by valid time); 3. knowledge grows
 * (a `knownAt` T answer sees exactly the events recorded by T); 4. stream independence; 5. idempotence
 * under duplicate delivery. Each throws a readable error naming the law, the query and both answers.
 *
 * @example
 * import { indexLawProjection, projectionLaws } from "@coop-ledger/testing";
 * // In a test file: for (const law of projectionLaws(indexLawProjection)) it(law.name, law.run);
 * const laws = projectionLaws(indexLawProjection, { numRuns: 3 });
 * for (const law of laws) law.run(); // throws, naming the law, on the first broken one
 * console.log(laws.length); // 5
 */
export const projectionLaws = <B>(
  p: LawProjection<B>,
  options: ProjectionLawOptions = {},
): ReadonlyArray<ProjectionLaw> => {
  const histories = options.histories ?? provinceHistoryArbitrary().map((h) => toRecorded(h));
  const params = {
    numRuns: options.numRuns ?? 100,
    ...(options.parameters ?? {}),
    ...fastCheckParametersFromEnv(),
  } as fc.Parameters<unknown>;
  const cases = withQueries(histories);
  const assert = (prop: fc.IPropertyWithHooks<never>) => fc.assert(prop as never, params as never);
  const laws: ProjectionLaw[] = [
    {
      name: "determinism: the same events give the same answer",
      run: () =>
        assert(
          fc.property(cases, ({ events, query }) => {
            const a = p.query(p.build(events), query);
            const b = p.query(p.build(events.map((e) => structuredClone(e))), query);
            if (!same(a, b)) fail("determinism", p.name, query, a, b);
          }) as never,
        ),
    },
    {
      name: "replay = incremental: feeding events one by one answers like a bulk build",
      run: () =>
        assert(
          fc.property(cases, ({ events, query }) => {
            const bulk = p.query(p.build(events), query);
            let b = p.start();
            for (const e of events) b = p.feed(b, e);
            const inc = p.query(b, query);
            if (!same(bulk, inc)) fail("replay = incremental", p.name, query, bulk, inc);
          }) as never,
        ),
    },
    {
      name: "knowledge grows: an answer known at T sees exactly the events recorded by T",
      run: () =>
        assert(
          fc.property(cases, ({ events, query }) => {
            const t = query.knownAt ?? events.at(-1)?.metadata.recordedAt ?? "2026-01-01T00:00:00.000Z";
            const q = { validAt: query.validAt, knownAt: t };
            const full = p.query(p.build(events), q);
            const prefix = events.filter((e) => e.metadata.recordedAt <= t);
            const known = p.query(p.build(prefix), q);
            if (!same(full, known))
              fail("knowledge grows (later events change nothing known at T)", p.name, q, known, full);
            const plain = p.query(p.build(prefix), { validAt: query.validAt });
            if (!same(known, plain))
              fail("knowledge grows (knownAt T = everything recorded by T)", p.name, q, plain, known);
          }) as never,
        ),
    },
    {
      name: "stream independence: interleaving streams differently changes no answer",
      run: () =>
        assert(
          fc.property(
            cases.chain((c) => reinterleave(c.events).map((other) => ({ ...c, other }))),
            ({ events, query, other }) => {
              const a = p.query(p.build(events), query);
              const b = p.query(p.build(other), query);
              if (!same(a, b)) fail("stream independence", p.name, query, a, b);
            },
          ) as never,
        ),
    },
    {
      name: "idempotence: delivering events twice (at least once) changes no answer",
      run: () =>
        assert(
          fc.property(
            cases.chain((c) =>
              fc
                .array(fc.boolean(), { minLength: c.events.length, maxLength: c.events.length })
                .map((twice) => ({ ...c, twice })),
            ),
            ({ events, query, twice }) => {
              const once = p.query(p.build(events), query);
              let b = p.start();
              events.forEach((e, i) => {
                b = p.feed(b, e);
                if (twice[i]) b = p.feed(b, e);
              });
              const again = p.feed(b, events[0] ?? ({} as RecordedEvent));
              const got = p.query(events.length > 0 ? again : b, query);
              if (!same(once, got)) fail("idempotence", p.name, query, once, got);
            },
          ) as never,
        ),
    },
  ];
  if (options.asOfByValidTime === true) {
    laws.push({
      name: "replay = as-of: a query at D over all events equals one over the events effective by D",
      run: () =>
        assert(
          fc.property(cases, ({ events, query }) => {
            const a = p.query(p.build(events), query);
            const b = p.query(
              p.build(events.filter((e) => e.event.data.effectiveDate <= query.validAt)),
              query,
            );
            if (!same(a, b)) fail("replay = as-of", p.name, query, a, b);
          }) as never,
        ),
    });
  }
  return laws;
};

/**
 * Runs every law of {@link projectionLaws} in turn; throws on the first broken one.
 * @example
 * import { checkProjectionLaws, replayLawProjection } from "@coop-ledger/testing";
 * // In a test file: it("our projection obeys the laws", () => checkProjectionLaws(myProjection));
 * checkProjectionLaws(replayLawProjection, { numRuns: 3 });
 * console.log("the replay projection obeys the laws"); // "the replay projection obeys the laws"
 */
export const checkProjectionLaws = <B>(p: LawProjection<B>, options: ProjectionLawOptions = {}): void => {
  for (const law of projectionLaws(p, options)) law.run();
};
