import type { EventId, StreamId } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import type { ExpectedRevision } from "../port/event-store.js";
import type { StoreError } from "../port/store-error.js";

/**
 * What a store should do with a checked batch: write it, or acknowledge a repeat without writing.
 * @example
 * import { type AppendDecision, decideAppend } from "@coop-ledger/store/internal";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const { streamId } = fixtureEvent("a", 0);
 * const ids = fixtureBatch("a", 2).map((e) => e.eventId);
 * const describe = (d: AppendDecision): string =>
 *   d._tag === "Repeat" ? `repeat of revisions ${d.firstRevision}-${d.lastRevision}` : `write at ${d.firstRevision}`;
 * const first = decideAppend(streamId, [], ids, "noStream");
 * const repeat = decideAppend(streamId, ids, ids, "noStream"); // the same batch again, once stored
 * if (first._tag === "Right" && repeat._tag === "Right") console.log(describe(first.right), "/", describe(repeat.right));
 * // "write at 0" / "repeat of revisions 0-1"
 */
export type AppendDecision =
  | { readonly _tag: "Write"; readonly firstRevision: number }
  | { readonly _tag: "Repeat"; readonly firstRevision: number; readonly lastRevision: number };

const label = (e: ExpectedRevision): string => (typeof e === "number" ? `revision ${e}` : e);

/**
 * The optimistic-concurrency and idempotency rule every store applies (EventStoreDB's): given the event
 * ids already in the stream (by revision) and a batch,
 * - if the batch's first id is already in the stream, the batch is a repeat when all its ids follow at
 *   consecutive revisions and the expected revision held when they were first written (or is `any` /
 *   `streamExists`): nothing is written; a batch that only partly matches is refused (`InvalidAppend`);
 * - otherwise the expected revision must hold against the stream's last revision (`-1`: no stream),
 *   or the result is `WrongExpectedRevision`; an id already elsewhere in the stream is refused.
 *
 * @example
 * import { decideAppend } from "@coop-ledger/store/internal";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const { streamId } = fixtureEvent("a", 0);
 * const [e0, e1] = fixtureBatch("a", 2).map((e) => e.eventId);
 * if (e0 === undefined || e1 === undefined) throw new Error("two fixture events");
 * console.log(decideAppend(streamId, [], [e0], "noStream")); // Right({ _tag: "Write", firstRevision: 0 })
 * const conflict = decideAppend(streamId, [e0], [e1], "noStream"); // the stream exists: revision 0
 * if (conflict._tag === "Left") console.log(conflict.left._tag); // "WrongExpectedRevision"
 */
export const decideAppend = (
  streamId: StreamId,
  streamIds: ReadonlyArray<string>,
  batchIds: ReadonlyArray<EventId>,
  expected: ExpectedRevision,
): E.Either<StoreError, AppendDecision> => {
  const last = streamIds.length - 1;
  const wrong = (): StoreError => ({
    _tag: "WrongExpectedRevision",
    streamId,
    expected,
    actual: last,
    message: `append to ${streamId} expected ${label(expected)} but the stream is ${last < 0 ? "absent" : `at revision ${last}`}`,
  });
  const first = streamIds.indexOf(batchIds[0] ?? "");
  if (first >= 0) {
    const whole = batchIds.every((id, i) => streamIds[first + i] === id);
    if (!whole)
      return E.left({
        _tag: "InvalidAppend",
        streamId,
        reason: "the batch only partly repeats events already in the stream",
        message: `append to ${streamId} refused: the batch only partly repeats events already in the stream (first at revision ${first})`,
      });
    const held =
      expected === "any" ||
      expected === "streamExists" ||
      (expected === "noStream" && first === 0) ||
      expected === first - 1;
    return held
      ? E.right({ _tag: "Repeat", firstRevision: first, lastRevision: first + batchIds.length - 1 })
      : E.left(wrong());
  }
  const ok =
    expected === "any" ||
    (expected === "noStream" && last === -1) ||
    (expected === "streamExists" && last >= 0) ||
    expected === last;
  if (!ok) return E.left(wrong());
  const clash = batchIds.find((id) => streamIds.includes(id));
  if (clash !== undefined)
    return E.left({
      _tag: "InvalidAppend",
      streamId,
      reason: `event id ${clash} is already in the stream`,
      message: `append to ${streamId} refused: event id ${clash} is already in the stream`,
    });
  return E.right({ _tag: "Write", firstRevision: last + 1 });
};
