import type { open } from "node:fs/promises";
import type { StreamId } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import { decideAppend } from "../core/append-decision.js";
import type { PreparedEvent } from "../core/prepare-batch.js";
import type { AppendResult, ExpectedRevision } from "../port/event-store.js";
import type { StoreError } from "../port/store-error.js";
import { eventLine } from "./ledger-format.js";
import type { LedgerIndex } from "./ledger-index.js";
import { errnoCode, unavailable } from "./ledger-io-error.js";

// The file ledger's append, in its steps: plan (revisions, positions, idempotent repeats), render the
// chained lines, write them at the end of the file in one write and fdatasync, then record them in the
// in-memory index. `openFileLedger` (file-ledger.ts) runs them one append at a time.

/**
 * One stream's part of an append: its prepared events and the revision expected.
 * @example const item: AppendItem = { streamId: "coop-htx-a" as StreamId, events: [], expectedRevision: "any" };
 */
export interface AppendItem {
  readonly streamId: StreamId;
  readonly events: ReadonlyArray<PreparedEvent>;
  readonly expectedRevision: ExpectedRevision;
}

/**
 * An event an append will write: its stream, revision and global position.
 * @example const positionOf = (p: PlannedEvent): number => p.position;
 */
export interface PlannedEvent {
  readonly streamId: StreamId;
  readonly event: PreparedEvent;
  readonly revision: number;
  readonly position: number;
}

/**
 * Decides an append against the index: per item, a write (revisions and positions after what the index
 * and the earlier items hold) or an idempotent repeat of events already written (nothing planned); the
 * first refused item refuses the whole append. Nothing is changed.
 * @example
 * const index = { offsets: [] as number[], streams: new Map(), lastHash: "", bytes: 0 };
 * const plan = planAppend(index, []);
 * if (plan._tag === "Right") console.log(plan.right.planned.length); // 0
 */
export const planAppend = (
  index: LedgerIndex,
  items: ReadonlyArray<AppendItem>,
): E.Either<StoreError, { readonly results: AppendResult[]; readonly planned: PlannedEvent[] }> => {
  const { offsets, streams } = index;
  const pending = new Map<string, string[]>();
  const results: AppendResult[] = [];
  const planned: PlannedEvent[] = [];
  for (const item of items) {
    const existing = streams.get(item.streamId)?.ids ?? [];
    const added = pending.get(item.streamId) ?? [];
    const ids = added.length === 0 ? existing : [...existing, ...added];
    const d = decideAppend(
      item.streamId,
      ids,
      item.events.map((e) => e.eventId),
      item.expectedRevision,
    );
    if (E.isLeft(d)) return d;
    if (d.right._tag === "Repeat") {
      const rev = d.right.lastRevision;
      const pos =
        streams.get(item.streamId)?.positions[rev] ??
        planned.find((p) => p.streamId === item.streamId && p.revision === rev)?.position ??
        -1;
      results.push({ nextExpectedRevision: rev, lastPosition: pos, written: false });
      continue;
    }
    let revision = d.right.firstRevision;
    for (const event of item.events) {
      planned.push({
        streamId: item.streamId,
        event,
        revision: revision++,
        position: offsets.length + planned.length,
      });
      added.push(event.eventId);
    }
    pending.set(item.streamId, added);
    results.push({
      nextExpectedRevision: revision - 1,
      lastPosition: offsets.length + planned.length - 1,
      written: true,
    });
  }
  return E.right({ results, planned });
};

/**
 * The ledger lines of the planned events, each chained to the one before (the first to `prevHash`),
 * with the chain's new last hash; `InvalidAppend` for an event the ledger format cannot hold.
 * @example
 * const r = appendLines("", []);
 * if (r._tag === "Right") console.log(r.right.lines); // []
 */
export const appendLines = (
  prevHash: string,
  planned: ReadonlyArray<PlannedEvent>,
): E.Either<StoreError, { readonly lines: string[]; readonly lastHash: string }> => {
  let prev = prevHash;
  const lines: string[] = [];
  for (const [i, p] of planned.entries()) {
    const l = eventLine(prev, {
      batchRemaining: planned.length - 1 - i,
      data: p.event.encoded.data,
      eventId: p.event.eventId,
      metadata: p.event.metadata,
      position: p.position,
      revision: p.revision,
      schemaVersion: p.event.encoded.schemaVersion,
      streamId: p.streamId,
      type: p.event.encoded.type,
    });
    if (E.isLeft(l))
      return E.left({
        _tag: "InvalidAppend",
        streamId: p.streamId,
        reason: l.left,
        message: `append to ${p.streamId} refused: ${l.left}`,
      });
    lines.push(l.right.line);
    prev = l.right.hash;
  }
  return E.right({ lines, lastHash: prev });
};

/**
 * Writes `bytes` at offset `at` (the end of the file) and `fdatasync`s them. On failure the partial
 * write is undone (truncated back to `at`) so the file ends on a whole append; if even that fails,
 * `broken` says the ledger must stop writing (the next open reports the torn tail).
 * @example
 * import { open } from "node:fs/promises";
 * const handle = await open("write-at-end.txt", "w+");
 * const failed = await writeAtEnd("write-at-end.txt", handle, Buffer.from("line\n"), 0);
 * await handle.close();
 * console.log(failed); // undefined
 */
export const writeAtEnd = async (
  path: string,
  handle: Awaited<ReturnType<typeof open>>,
  bytes: Buffer,
  at: number,
): Promise<{ readonly error: StoreError; readonly broken: StoreError | undefined } | undefined> => {
  try {
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, at + done);
      done += bytesWritten;
    }
    await handle.datasync();
    return undefined;
  } catch (e) {
    let broken: StoreError | undefined;
    try {
      await handle.truncate(at);
      await handle.datasync();
    } catch {
      broken = unavailable(
        `${path}: a failed write could not be undone; reopen the ledger (it will report the torn tail)`,
      );
    }
    return { error: unavailable(`${path}: write failed: ${errnoCode(e)}`), broken };
  }
};

/**
 * Records written lines in the index: their offsets from `at`, their streams' ids and positions, the
 * file's new size and the chain's last hash.
 * @example
 * const index = { offsets: [] as number[], streams: new Map(), lastHash: "", bytes: 0 };
 * recordAppend(index, [], [], 0, 0, "");
 * console.log(index.bytes); // 0
 */
export const recordAppend = (
  index: LedgerIndex,
  planned: ReadonlyArray<PlannedEvent>,
  lines: ReadonlyArray<string>,
  at: number,
  written: number,
  lastHash: string,
): void => {
  let offset = at;
  for (const [i, p] of planned.entries()) {
    index.offsets.push(offset);
    offset += Buffer.byteLength(lines[i]!, "utf8") + 1;
    let entry = index.streams.get(p.streamId);
    if (entry === undefined) {
      entry = { ids: [], positions: [] };
      index.streams.set(p.streamId, entry);
    }
    entry.ids.push(p.event.eventId);
    entry.positions.push(p.position);
  }
  index.bytes = at + written;
  index.lastHash = lastHash;
};
