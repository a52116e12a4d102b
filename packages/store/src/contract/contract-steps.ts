import type { RecordedEvent } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import { expect } from "vitest";
import type { EventStore } from "../port/event-store.js";
import type { StoreError } from "../port/store-error.js";

// The steps the store contract (store-contract.ts) is written in: run or refuse a task, read the whole
// global log, check positions, wait for a subscription.

/**
 * The Right of a task, or a thrown error naming the Left (a contract step that must succeed).
 * @example
 * import * as TE from "fp-ts/lib/TaskEither.js";
 * await expectRight(TE.right(1)) // 1
 */
export const expectRight = async <A>(te: TE.TaskEither<StoreError, A>): Promise<A> => {
  const r = await te();
  if (E.isLeft(r)) throw new Error(`expected Right, got ${r.left._tag}: ${r.left.message}`);
  return r.right;
};
/**
 * The Left of a task, or a thrown error when it succeeded (a contract step that must be refused).
 * @example
 * import * as TE from "fp-ts/lib/TaskEither.js";
 * (await fail(TE.left({ _tag: "StoreClosed", message: "closed" })))._tag // "StoreClosed"
 */
export const fail = async <A>(te: TE.TaskEither<StoreError, A>): Promise<StoreError> => {
  const r = await te();
  if (E.isRight(r)) throw new Error("expected Left, got Right");
  return r.left;
};

/** Every event of the global log, read back page by page (the order is the global order).
 * @example
 * import { makeInMemoryStore } from "@coop-ledger/store";
 * (await readEverything(makeInMemoryStore())).length // 0
 */
export const readEverything = async (s: EventStore): Promise<ReadonlyArray<RecordedEvent>> => {
  const out: RecordedEvent[] = [];
  let after: number | undefined;
  for (;;) {
    const page = await expectRight(s.readAll(after === undefined ? { maxCount: 2 } : { after, maxCount: 2 }));
    out.push(...page.events);
    after = page.lastPosition;
    if (page.isEnd) return out;
  }
};

/**
 * Positions are compared, never computed: the port promises strictly increasing global positions,
 * not dense ones (EventStoreDB's are byte offsets in its log).
 * @example expectStrictlyIncreasing([0, 3, 7]) // passes; [3, 3] fails
 */
export const expectStrictlyIncreasing = (positions: ReadonlyArray<number>): void => {
  for (let i = 1; i < positions.length; i++) {
    expect(positions[i], `position ${i} after position ${i - 1}`).toBeGreaterThan(positions[i - 1]!);
  }
  for (const p of positions) expect(Number.isSafeInteger(p), `${p} is a safe integer`).toBe(true);
};

/**
 * The position of the stored event with this id, as `readAll` gives it.
 * @example positionOf([{ eventId: "e-1", position: 4 } as Parameters<typeof positionOf>[0][number]], "e-1") // 4
 */
export const positionOf = (log: ReadonlyArray<RecordedEvent>, eventId: string): number => {
  const e = log.find((x) => x.eventId === eventId);
  if (e === undefined) throw new Error(`event ${eventId} is not in the global log`);
  return e.position;
};

/**
 * Waits until `cond` holds, polling every 5 ms, for at most `ms` (then throws).
 * @example await until(() => true)
 */
export const until = async (cond: () => boolean, ms = 5000): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 5));
  }
};
