import type { RecordedEvent } from "@coop-ledger/domain";
import { asRecorded, type GeneratedEvent } from "@coop-ledger/generator";
import fc from "fast-check";
import { type CoopPlanOptions, coopPlanArbitrary } from "./coop-plan.js";
import { interpretCoopPlan } from "./interpret-plan.js";

/**
 * An arbitrary valid history of one co-op (its stream's events in recording order), built from a
 * shrinkable plan (see `coopPlanArbitrary`) so every shrink is still a valid history.
 *
 * @example
 * fc.assert(fc.property(coopHistoryArbitrary(), (events) => validateHistory(events).violations.length === 0));
 */
export const coopHistoryArbitrary = (options: CoopPlanOptions = {}): fc.Arbitrary<GeneratedEvent[]> =>
  coopPlanArbitrary(options).map((plan) => interpretCoopPlan(plan, "htx-plan-1", 1));

/** Options of {@link provinceHistoryArbitrary}. */
export interface ProvinceHistoryOptions extends CoopPlanOptions {
  /** Most co-ops (default 6). */
  readonly maxCoops?: number;
}

/**
 * An arbitrary valid history of several co-ops, merged into one recording order (per stream order kept,
 * streams interleaved by recording instant): back-dated and late-recorded events, retractions,
 * suspensions, loans, ratings, OCOP, alliance membership, across both law changes and the 2025
 * geography change. (Reorganisations and funds are exercised by `generateLedger`, whose histories are
 * checked by the decider in this package's tests.)
 *
 * @example
 * import { provinceHistoryArbitrary } from "@coop-ledger/testing";
 * import fc from "fast-check";
 * const [history] = fc.sample(provinceHistoryArbitrary({ maxCoops: 3 }), { numRuns: 1, seed: 7 });
 * const streams = new Set(history?.map((e) => e.streamId));
 * const inOrder = history?.every((e, i, all) => i === 0 || all[i - 1]!.metadata.recordedAt <= e.metadata.recordedAt);
 * console.log(streams.size >= 1 && streams.size <= 3, inOrder); // true true (1 to 3 co-ops, in recording order)
 */
export const provinceHistoryArbitrary = (
  options: ProvinceHistoryOptions = {},
): fc.Arbitrary<GeneratedEvent[]> =>
  fc
    .array(coopPlanArbitrary(options), { minLength: 1, maxLength: options.maxCoops ?? 6 })
    .map((plans) =>
      mergeByRecording(plans.map((p, i) => interpretCoopPlan(p, `htx-plan-${i + 1}`, 1000 + i))),
    );

/**
 * Merges streams by recording instant, keeping each stream's order (stable).
 * @example
 * mergeByRecording([[], []]).length // 0
 */
export const mergeByRecording = (streams: ReadonlyArray<ReadonlyArray<GeneratedEvent>>): GeneratedEvent[] =>
  streams
    .flatMap((s, si) => s.map((e, i) => ({ e, si, i })))
    .sort((x, y) =>
      x.e.metadata.recordedAt < y.e.metadata.recordedAt
        ? -1
        : x.e.metadata.recordedAt > y.e.metadata.recordedAt
          ? 1
          : x.si - y.si || x.i - y.i,
    )
    .map((x) => x.e);

/**
 * Gives events the envelope a store would: per-stream revisions from 0 and global positions from 0, in
 * the order given. The generator's `asRecorded`, under the name this package has always published (one
 * implementation: the generator's realistic ledgers and these arbitraries' histories share it).
 * @example
 * import { coopHistoryArbitrary, toRecorded } from "@coop-ledger/testing";
 * import fc from "fast-check";
 * const [generated] = fc.sample(coopHistoryArbitrary(), { numRuns: 1, seed: 1 });
 * const recorded = toRecorded(generated ?? []);
 * console.log(recorded[0]?.position, recorded[0]?.revision, recorded[0]?.event.type); // 0 0 "CoopFounded"
 */
export const toRecorded: (events: Iterable<GeneratedEvent>) => RecordedEvent[] = asRecorded;
