import {
  COOP_LEDGER_NAMESPACE,
  deriveEventId,
  deriveReorganisationEffects,
  type EventMetadata,
  type Instant,
  type RecordedEvent,
  type ReorganisationId,
  reorganisationStream,
  type StreamId,
} from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { EventStore, NewEvent } from "../port/event-store.js";
import type { StoreError } from "../port/store-error.js";

/**
 * Why a reorganisation could not be completed: no (unretracted) `ReorganisationDecided` on its stream,
 * a stream that kept changing, or a store failure. Re-running `completeReorganisation` is always safe.
 *
 * @example
 * import type { Instant, ReorganisationId } from "@coop-ledger/domain";
 * import { completeReorganisation, makeInMemoryStore, type ReorganisationError } from "@coop-ledger/store";
 * import { match } from "ts-pattern";
 * const explain = (err: ReorganisationError): string =>
 *   match(err)
 *     .with({ _tag: "DecisionNotFound" }, (e) => `no decision recorded for ${e.reorganisationId}`)
 *     .with({ _tag: "Conflict" }, (e) => `${e.streamId} kept changing: run it again`)
 *     .with({ _tag: "StoreFailed" }, (e) => `store: ${e.error.message}`)
 *     .exhaustive();
 * const complete = completeReorganisation({ store: makeInMemoryStore(), clock: () => "2022-01-05T08:00:00.000Z" as Instant });
 * const r = await complete("r-9" as ReorganisationId)();
 * if (r._tag === "Left") console.log(explain(r.left)); // "no decision recorded for r-9"
 */
export type ReorganisationError =
  | { readonly _tag: "DecisionNotFound"; readonly reorganisationId: string; readonly message: string }
  | { readonly _tag: "Conflict"; readonly streamId: StreamId; readonly message: string }
  | { readonly _tag: "StoreFailed"; readonly error: StoreError; readonly message: string };

/**
 * What a completion run did, stream by stream.
 * @example
 * import { type Instant, ledgerDecider, makeCommand, stateFromHistory, streamOf } from "@coop-ledger/domain";
 * import { completeReorganisation, makeCommandHandler, makeInMemoryStore, type ReorganisationReport } from "@coop-ledger/store";
 * const store = makeInMemoryStore();
 * const clock = () => "2022-01-05T08:00:00.000Z" as Instant;
 * const handler = makeCommandHandler({ store, decider: ledgerDecider, streamOf, stateFromHistory, clock });
 * for (const coopId of ["htx-1", "htx-2"]) {
 *   const found = makeCommand("FoundCoop", {
 *     coopId,
 *     effectiveDate: "2019-03-01",
 *     name: `HTX ${coopId}`,
 *     form: "cooperative",
 *     sector: "agriculture",
 *     location: { gazetteer: "2008-08-01", provinceCode: "60" },
 *     foundingMembers: 7,
 *   });
 *   if (found._tag === "Right") await handler.handle({ commandId: `found-${coopId}`, command: found.right })();
 * }
 * // Sáp nhập: htx-2 merges into htx-1.
 * const merger = makeCommand("DecideReorganisation", {
 *   reorganisationId: "r-1",
 *   effectiveDate: "2022-01-01",
 *   kind: "merger",
 *   sources: ["htx-2"],
 *   newCoops: [],
 *   absorbingCoopId: "htx-1",
 *   absorbedMembers: 5,
 * });
 * if (merger._tag === "Left") throw new Error(merger.left.message);
 * await handler.handle({ commandId: "reorg-2022-01", command: merger.right })(); // recorded, not yet applied
 * const r = await completeReorganisation({ store, clock })(merger.right.data.reorganisationId)();
 * if (r._tag === "Right") {
 *   const report: ReorganisationReport = r.right;
 *   console.log(report.reorganisationId, report.applied, report.alreadyApplied); // "r-1" ["coop-htx-2", "coop-htx-1"] []
 * }
 */
export interface ReorganisationReport {
  readonly reorganisationId: string;
  readonly decisionEventId: string;
  /** Streams this run appended the effects to. */
  readonly applied: ReadonlyArray<StreamId>;
  /** Streams that already had them (from an earlier, interrupted run). */
  readonly alreadyApplied: ReadonlyArray<StreamId>;
}

/**
 * What {@link completeReorganisation} needs.
 * @example
 * import type { Instant, ReorganisationId } from "@coop-ledger/domain";
 * import { completeReorganisation, makeInMemoryStore, type ReorganisationDeps } from "@coop-ledger/store";
 * const deps: ReorganisationDeps = {
 *   store: makeInMemoryStore(),
 *   clock: () => "2022-01-05T08:00:00.000Z" as Instant, // recordedAt of the effect events
 *   maxRetries: 5,
 * };
 * const r = await completeReorganisation(deps)("r-1" as ReorganisationId)();
 * console.log(r._tag === "Left" && r.left._tag); // "DecisionNotFound" (nothing recorded in this empty store)
 */
export interface ReorganisationDeps {
  readonly store: EventStore;
  readonly clock: () => Instant;
  readonly namespace?: string;
  readonly maxRetries?: number;
}

/**
 * The id of the `index`-th effect event on `streamId` of the decision `decisionEventId`.
 * @example
 * import { COOP_LEDGER_NAMESPACE, type Instant, ledgerDecider, makeCommand, stateFromHistory, streamOf } from "@coop-ledger/domain";
 * import { completeReorganisation, makeCommandHandler, makeInMemoryStore } from "@coop-ledger/store";
 * import { effectEventId } from "@coop-ledger/store/internal";
 * const store = makeInMemoryStore();
 * const clock = () => "2022-01-05T08:00:00.000Z" as Instant;
 * const handler = makeCommandHandler({ store, decider: ledgerDecider, streamOf, stateFromHistory, clock });
 * for (const coopId of ["htx-1", "htx-2"]) {
 *   const found = makeCommand("FoundCoop", {
 *     coopId,
 *     effectiveDate: "2019-03-01",
 *     name: `HTX ${coopId}`,
 *     form: "cooperative",
 *     sector: "agriculture",
 *     location: { gazetteer: "2008-08-01", provinceCode: "60" },
 *     foundingMembers: 7,
 *   });
 *   if (found._tag === "Right") await handler.handle({ commandId: `found-${coopId}`, command: found.right })();
 * }
 * // Sáp nhập: htx-2 merges into htx-1.
 * const merger = makeCommand("DecideReorganisation", {
 *   reorganisationId: "r-1",
 *   effectiveDate: "2022-01-01",
 *   kind: "merger",
 *   sources: ["htx-2"],
 *   newCoops: [],
 *   absorbingCoopId: "htx-1",
 *   absorbedMembers: 5,
 * });
 * if (merger._tag === "Left") throw new Error(merger.left.message);
 * const decided = await handler.handle({ commandId: "reorg-2022-01", command: merger.right })();
 * await completeReorganisation({ store, clock })(merger.right.data.reorganisationId)();
 * const absorbed = await store.readStream("coop-htx-2" as never)();
 * if (decided._tag === "Right" && absorbed._tag === "Right") {
 *   const decisionId = decided.right.eventIds[0] ?? "";
 *   // The first effect on htx-2's stream (after its founding) has the id derived from the decision.
 *   console.log(absorbed.right[1]?.eventId === effectEventId(COOP_LEDGER_NAMESPACE, decisionId, "coop-htx-2", 0)); // true
 * }
 */
export const effectEventId = (namespace: string, decisionEventId: string, streamId: string, index: number) =>
  deriveEventId(decisionEventId, streamId, index, namespace);

/**
 * Completes a reorganisation (tổ chức lại: chia, tách, hợp nhất, sáp nhập — Law 17/2023/QH15 art.
 * 94–96) recorded on `reorganisation-<id>`: derives its effects with `deriveReorganisationEffects` and
 * appends each co-op stream's events with ids derived from the decision's event id and the stream, so
 * a run interrupted half-way (a crash, a failed append) is finished by running it again and nothing is
 * ever appended twice. Each stream is checked for the first derived id before appending, and appended
 * with its exact expected revision (retried on conflicts). Metadata: `causationId` is the decision's
 * event id, correlation and source are the decision's, `recordedAt` is from the clock.
 *
 * @example
 * import { type Instant, ledgerDecider, makeCommand, stateFromHistory, streamOf } from "@coop-ledger/domain";
 * import { completeReorganisation, makeCommandHandler, makeInMemoryStore } from "@coop-ledger/store";
 * const store = makeInMemoryStore();
 * const clock = () => "2022-01-05T08:00:00.000Z" as Instant;
 * const handler = makeCommandHandler({ store, decider: ledgerDecider, streamOf, stateFromHistory, clock });
 * for (const coopId of ["htx-1", "htx-2"]) {
 *   const found = makeCommand("FoundCoop", {
 *     coopId,
 *     effectiveDate: "2019-03-01",
 *     name: `HTX ${coopId}`,
 *     form: "cooperative",
 *     sector: "agriculture",
 *     location: { gazetteer: "2008-08-01", provinceCode: "60" },
 *     foundingMembers: 7,
 *   });
 *   if (found._tag === "Right") await handler.handle({ commandId: `found-${coopId}`, command: found.right })();
 * }
 * // Sáp nhập: htx-2 merges into htx-1.
 * const merger = makeCommand("DecideReorganisation", {
 *   reorganisationId: "r-1",
 *   effectiveDate: "2022-01-01",
 *   kind: "merger",
 *   sources: ["htx-2"],
 *   newCoops: [],
 *   absorbingCoopId: "htx-1",
 *   absorbedMembers: 5,
 * });
 * if (merger._tag === "Left") throw new Error(merger.left.message);
 * await handler.handle({ commandId: "reorg-2022-01", command: merger.right })(); // the decision alone
 * const complete = completeReorganisation({ store, clock });
 * const first = await complete(merger.right.data.reorganisationId)();
 * const rerun = await complete(merger.right.data.reorganisationId)(); // safe: appends nothing twice
 * if (first._tag === "Right" && rerun._tag === "Right") console.log(first.right.applied.length, rerun.right.alreadyApplied.length); // 2 2
 */
export const completeReorganisation =
  (deps: ReorganisationDeps) =>
  (reorganisationId: ReorganisationId): TE.TaskEither<ReorganisationError, ReorganisationReport> =>
  async () => {
    const ns = deps.namespace ?? COOP_LEDGER_NAMESPACE;
    const failed = (error: StoreError): E.Either<ReorganisationError, never> =>
      E.left({ _tag: "StoreFailed", error, message: `reorganisation ${reorganisationId}: ${error.message}` });
    const history = await deps.store.readStream(reorganisationStream(reorganisationId))();
    if (E.isLeft(history)) return failed(history.left);
    const retracted = new Set(
      history.right.flatMap((r) =>
        r.event.type === "EventRetracted" ? [r.event.data.retractedEventId as string] : [],
      ),
    );
    const decision = history.right.find(
      (r): r is RecordedEvent & { event: { type: "ReorganisationDecided" } } =>
        r.event.type === "ReorganisationDecided" && !retracted.has(r.eventId),
    );
    if (decision === undefined || decision.event.type !== "ReorganisationDecided")
      return E.left({
        _tag: "DecisionNotFound",
        reorganisationId,
        message: `no ReorganisationDecided (Quyết định tổ chức lại HTX) on reorganisation-${reorganisationId}`,
      });
    const dm = decision.metadata;
    const metadata = (): EventMetadata => ({
      recordedAt: deps.clock(),
      causationId: decision.eventId,
      correlationId: dm.correlationId ?? decision.eventId,
      ...(dm.recordedBy !== undefined ? { recordedBy: dm.recordedBy } : {}),
      ...(dm.source !== undefined ? { source: dm.source } : {}),
    });
    const applied: StreamId[] = [];
    const alreadyApplied: StreamId[] = [];
    for (const effect of deriveReorganisationEffects(decision.event.data)) {
      const ids = effect.events.map((_, i) => effectEventId(ns, decision.eventId, effect.streamId, i));
      let done = false;
      for (let attempt = 0; attempt <= (deps.maxRetries ?? 3) && !done; attempt++) {
        const stream = await deps.store.readStream(effect.streamId)();
        if (E.isLeft(stream)) return failed(stream.left);
        if (stream.right.some((r) => r.eventId === ids[0])) {
          alreadyApplied.push(effect.streamId);
          done = true;
          break;
        }
        const events: NewEvent[] = effect.events.map((event, i) => ({
          eventId: ids[i]!,
          event,
          metadata: metadata(),
        }));
        const last = stream.right.length - 1;
        const r = await deps.store.append(effect.streamId, events, {
          expectedRevision: last < 0 ? "noStream" : last,
        })();
        if (E.isRight(r)) {
          (r.right.written ? applied : alreadyApplied).push(effect.streamId);
          done = true;
        } else if (r.left._tag !== "WrongExpectedRevision") return failed(r.left);
      }
      if (!done)
        return E.left({
          _tag: "Conflict",
          streamId: effect.streamId,
          message: `reorganisation ${reorganisationId}: ${effect.streamId} kept changing`,
        });
    }
    return E.right({ reorganisationId, decisionEventId: decision.eventId, applied, alreadyApplied });
  };
