import { access, open } from "node:fs/promises";
import type { Instant, RecordedEvent, StreamId } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import { ChangeSignal } from "../core/change-signal.js";
import { type PreparedEvent, prepareBatch } from "../core/prepare-batch.js";
import { startSubscription } from "../core/subscription.js";
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  Subscription,
} from "../port/event-store.js";
import type { StoreError } from "../port/store-error.js";
import { createLedgerFile } from "./create-ledger.js";
import { type AppendItem, appendLines, planAppend, recordAppend, writeAtEnd } from "./ledger-append.js";
import { changedUnderneath } from "./ledger-changed.js";
import { type LedgerIndex, scanLedgerIndex } from "./ledger-index.js";
import { errnoCode, unavailable } from "./ledger-io-error.js";
import { issueToStoreError } from "./ledger-issue.js";
import { acquireLedgerLock, type LedgerLock } from "./ledger-lock.js";
import { rangeReader } from "./ledger-range-read.js";

/**
 * Options of {@link openFileLedger}.
 * @example
 * import { openFileLedger } from "@coop-ledger/store";
 * // Create a ledger, then open it again as a reader: no lock taken, no chain walk (verified before).
 * const writer = await openFileLedger("options.jsonl")();
 * if (writer._tag === "Right") await writer.right.close();
 * const reader = await openFileLedger("options.jsonl", { readOnly: true, verifyChain: false })();
 * if (reader._tag === "Left") throw new Error(reader.left.message);
 * console.log(reader.right.info().readOnly); // true
 * await reader.right.close();
 */
export interface FileLedgerOptions {
  /** Open for reading only: no lock is taken and appends are refused (default `false`). */
  readonly readOnly?: boolean;
  /** Create the ledger when the file does not exist (default: `true` unless read-only). */
  readonly create?: boolean;
  /**
   * Recompute the hash chain while opening (default `true`; a writer should never extend a broken
   * chain). Turn off for fast read-only opens of a file verified before.
   */
  readonly verifyChain?: boolean;
  /** The clock for a new ledger's `createdAt` (default: the system clock). */
  readonly now?: () => Date;
}

/**
 * One stream's part of a multi-stream {@link FileLedger.appendBatch}.
 * @example
 * import { openFileLedger } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("batch.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * const ledger = opened.right;
 * const a = fixtureEvent("a", 0).streamId; // "coop-htx-a"
 * const b = fixtureEvent("b", 0).streamId; // "coop-htx-b"
 * // Two streams, one write and one fsync, all or nothing.
 * const r = await ledger.appendBatch([
 *   { streamId: a, events: fixtureBatch("a", 2), expectedRevision: "noStream" },
 *   { streamId: b, events: fixtureBatch("b", 1), expectedRevision: "noStream" },
 * ])();
 * if (r._tag === "Right") console.log(r.right.map((x) => x.nextExpectedRevision)); // [1, 0]
 * await ledger.close();
 */
export interface BatchItem {
  readonly streamId: StreamId;
  readonly events: ReadonlyArray<NewEvent>;
  readonly expectedRevision: ExpectedRevision;
}

/**
 * What an open file ledger holds, for reports and anchors.
 * @example
 * import { openFileLedger, verifyLedger } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("info.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * const ledger = opened.right;
 * await ledger.append(fixtureEvent("a", 0).streamId, fixtureBatch("a", 3), { expectedRevision: "noStream" })();
 * const { events, streams, lastHash } = ledger.info(); // keep { events, lastHash } as an anchor
 * console.log(events, streams, lastHash.length); // 3 1 64
 * await ledger.close();
 * // Later: the file still holds those events, ending with that hash (no lines cut from the end).
 * const verified = await verifyLedger("info.jsonl", { anchor: { events, lastHash } })();
 * console.log(verified._tag); // "Right"
 */
export interface LedgerInfo {
  readonly path: string;
  readonly events: number;
  readonly streams: number;
  /** The hash of the last line (the header's when there are no events): an anchor for `verifyLedger`. */
  readonly lastHash: string;
  readonly bytes: number;
  readonly readOnly: boolean;
}

/**
 * The file ledger: an {@link EventStore} on one append-only, hash-chained JSONL file (see
 * docs/ledger-format.md), plus a batched append for bulk import.
 * @example
 * import { type FileLedger, openFileLedger } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("file-ledger.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * const ledger: FileLedger = opened.right; // an EventStore, plus appendBatch, info and health
 * const { streamId } = fixtureEvent("a", 0);
 * await ledger.append(streamId, fixtureBatch("a", 2), { expectedRevision: "noStream" })();
 * const health = await ledger.health();
 * console.log(health._tag === "Right" ? health.right.events : health.left.message); // 2
 * await ledger.close();
 */
export interface FileLedger extends EventStore {
  readonly path: string;
  /**
   * Appends to several streams in one write and one fsync, all or nothing: every item's expected
   * revision is checked (against the state including earlier items) before anything is written.
   */
  readonly appendBatch: (
    items: ReadonlyArray<BatchItem>,
  ) => TE.TaskEither<StoreError, ReadonlyArray<AppendResult>>;
  readonly info: () => LedgerInfo;
  /**
   * Whether the ledger can still be used: not closed, and (for a writer) its file is still the one it
   * opened, with the size it wrote: a file truncated, grown, replaced or removed underneath is
   * `LedgerChanged`, and the ledger refuses everything from then on. A service's health check.
   */
  readonly health: () => Promise<E.Either<StoreError, LedgerInfo>>;
}

/**
 * Opens (or creates) a file ledger. A writer takes the `<path>.lock` lock (a second writer gets
 * `LedgerLocked`), then the whole file is scanned in large chunks to build the in-memory index (line
 * offsets, and per stream its event ids and positions: about 100 bytes per event), checking the chain
 * (unless `verifyChain: false`), positions, revisions, event types and schema versions. A torn or
 * incomplete final append, a broken chain or a bad line fails the open with `CorruptLedger` (line, byte
 * offset) — nothing is dropped silently; see `repairLedger`. The file is not modified by a failed open.
 *
 * Appends are serialised, written in one `write` at the end of the file and `fdatasync`ed before they
 * are acknowledged; reads never block on them.
 *
 * @example
 * import { openFileLedger } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("open.jsonl")(); // created when absent; takes open.jsonl.lock
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * const ledger = opened.right;
 * const { streamId } = fixtureEvent("a", 0);
 * const appended = await ledger.append(streamId, fixtureBatch("a", 2), { expectedRevision: "noStream" })();
 * if (appended._tag === "Right") console.log(appended.right); // { nextExpectedRevision: 1, lastPosition: 1, written: true }
 * // A second writer is refused while the first holds the lock.
 * const second = await openFileLedger("open.jsonl")();
 * if (second._tag === "Left") console.log(second.left._tag); // "LedgerLocked"
 * await ledger.close();
 */
export const openFileLedger =
  (path: string, options: FileLedgerOptions = {}): TE.TaskEither<StoreError, FileLedger> =>
  async () => {
    const readOnly = options.readOnly ?? false;
    let lock: LedgerLock | undefined;
    if (!readOnly) {
      const l = await acquireLedgerLock(path);
      if (E.isLeft(l)) return l;
      lock = l.right;
    }
    const fail = async (error: StoreError): Promise<E.Either<StoreError, never>> => {
      await lock?.release();
      return E.left(error);
    };
    const exists = await access(path).then(
      () => true,
      () => false,
    );
    if (!exists) {
      if (readOnly || options.create === false) return fail(unavailable(`${path}: no such ledger`));
      try {
        await createLedgerFile(path, (options.now ?? (() => new Date()))().toISOString() as Instant);
      } catch (e) {
        return fail(unavailable(`${path}: cannot create the ledger: ${errnoCode(e)}`));
      }
    }
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(path, readOnly ? "r" : "r+");
    } catch (e) {
      return fail(unavailable(`${path}: cannot open: ${errnoCode(e)}`));
    }
    if (lock !== undefined) {
      // Lock the identity of the file actually opened (not of whatever the path names now).
      const st = await handle.stat().catch(() => undefined);
      const locked = st === undefined ? undefined : await lock.lockIdentity({ dev: st.dev, ino: st.ino });
      if (locked === undefined || E.isLeft(locked)) {
        await handle.close();
        return fail(locked?.left ?? unavailable(`${path}: cannot stat the opened file`));
      }
    }
    const index = await scanLedgerIndex(path, handle, options.verifyChain ?? true);
    if (E.isLeft(index)) {
      await handle.close();
      return fail(issueToStoreError(path, index.left));
    }
    return E.right(makeFileLedger(path, handle, index.right, readOnly, lock));
  };

const makeFileLedger = (
  path: string,
  handle: Awaited<ReturnType<typeof open>>,
  index: LedgerIndex,
  readOnly: boolean,
  lock: LedgerLock | undefined,
): FileLedger => {
  const { offsets, streams } = index;
  const signal = new ChangeSignal();
  const subs = new Set<Subscription>();
  let closed = false;
  let broken: StoreError | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <A>(f: () => Promise<A>): Promise<A> => {
    const r = queue.then(f, f);
    queue = r.catch(() => undefined);
    return r;
  };
  const gate = (): StoreError | undefined =>
    closed ? { _tag: "StoreClosed", message: `the ledger ${path} is closed` } : broken;
  const readRange = rangeReader(path, handle, index);

  const readAll: EventStore["readAll"] = (options) => async () => {
    const g = gate();
    if (g !== undefined) return E.left(g);
    const count = offsets.length;
    const from = Math.max(0, options?.after === undefined ? 0 : options.after + 1);
    const to = Math.min(count, from + Math.max(1, options?.maxCount ?? 4096));
    const events = await readRange(from, Math.max(from, to));
    if (E.isLeft(events)) return events;
    const last = events.right[events.right.length - 1];
    return E.right({
      events: events.right,
      lastPosition: last?.position ?? options?.after,
      isEnd: Math.max(from, to) >= count,
    });
  };

  const readStream: EventStore["readStream"] = (streamId, options) => async () => {
    const g = gate();
    if (g !== undefined) return E.left(g);
    const entry = streams.get(streamId);
    if (entry === undefined) return E.right([]);
    const positions = entry.positions.slice(Math.max(0, options?.fromRevision ?? 0));
    const out: RecordedEvent[] = [];
    // Runs of consecutive positions are read in one read each; a scattered stream line by line.
    let i = 0;
    while (i < positions.length) {
      let j = i + 1;
      while (j < positions.length && positions[j]! === positions[j - 1]! + 1 && j - i < 4096) j++;
      const r = await readRange(positions[i]!, positions[j - 1]! + 1);
      if (E.isLeft(r)) return r;
      for (const e of r.right) out.push(e);
      i = j;
    }
    return E.right(out);
  };

  const write = (
    items: ReadonlyArray<AppendItem>,
  ): Promise<E.Either<StoreError, ReadonlyArray<AppendResult>>> =>
    exclusive(async () => {
      const g = gate();
      if (g !== undefined) return E.left(g);
      if (!readOnly) {
        const changed = await changedUnderneath(path, handle, index);
        if (changed !== undefined) {
          broken = changed;
          return E.left(changed);
        }
      }
      if (readOnly)
        return E.left({
          _tag: "InvalidAppend",
          streamId: items[0]?.streamId ?? "",
          reason: "the ledger is open read-only",
          message: `${path} is open read-only`,
        });
      const plan = planAppend(index, items);
      if (E.isLeft(plan)) return plan;
      const { results, planned } = plan.right;
      if (planned.length === 0) return E.right(results);
      const rendered = appendLines(index.lastHash, planned);
      if (E.isLeft(rendered)) return rendered;
      const { lines, lastHash } = rendered.right;
      const bytes = Buffer.from(`${lines.join("\n")}\n`, "utf8");
      const at = index.bytes;
      const failed = await writeAtEnd(path, handle, bytes, at);
      if (failed !== undefined) {
        if (failed.broken !== undefined) broken = failed.broken;
        return E.left(failed.error);
      }
      recordAppend(index, planned, lines, at, bytes.length, lastHash);
      signal.bump();
      return E.right(results);
    });

  const append: EventStore["append"] = (streamId, events, options) => async () => {
    const prepared = prepareBatch(streamId, events);
    if (E.isLeft(prepared)) return prepared;
    const r = await write([{ ...prepared.right, expectedRevision: options.expectedRevision }]);
    return E.map((rs: ReadonlyArray<AppendResult>) => rs[0]!)(r);
  };

  const appendBatch: FileLedger["appendBatch"] = (items) => async () => {
    const prepared: Array<{
      streamId: StreamId;
      events: ReadonlyArray<PreparedEvent>;
      expectedRevision: ExpectedRevision;
    }> = [];
    for (const item of items) {
      const p = prepareBatch(item.streamId, item.events);
      if (E.isLeft(p)) return p;
      prepared.push({ ...p.right, expectedRevision: item.expectedRevision });
    }
    return prepared.length === 0 ? E.right([]) : write(prepared);
  };

  const subscribe: EventStore["subscribe"] = (options) => {
    if (closed) {
      queueMicrotask(() =>
        options.onError?.({ _tag: "StoreClosed", message: `the ledger ${path} is closed` }),
      );
      return { stop: () => Promise.resolve() };
    }
    const sub = startSubscription(readAll, signal, options, () => subs.delete(sub));
    subs.add(sub);
    return sub;
  };

  const infoOf = (): LedgerInfo => ({
    path,
    events: offsets.length,
    streams: streams.size,
    lastHash: index.lastHash,
    bytes: index.bytes,
    readOnly,
  });

  return {
    path,
    append,
    appendBatch,
    readStream,
    readAll,
    subscribe,
    health: async () => {
      const g = gate();
      if (g !== undefined) return E.left(g);
      if (!readOnly) {
        const changed = await exclusive(() => changedUnderneath(path, handle, index));
        if (changed !== undefined) {
          if (changed._tag === "LedgerChanged") broken = changed;
          return E.left(changed);
        }
      }
      return E.right(infoOf());
    },
    info: () => infoOf(),
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all([...subs].map((s) => s.stop()));
      await exclusive(async () => undefined);
      await handle.close().catch(() => undefined);
      await lock?.release();
    },
  };
};
