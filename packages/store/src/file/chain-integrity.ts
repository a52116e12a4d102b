import { closeSync, readSync } from "node:fs";
import { StreamId as StreamIdCodec } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import { batchReason, incompleteAppend, lineStartAt } from "./chain-issues.js";
import { checkRanges } from "./chain-pool.js";
import type { RangeFailure, RangeResult } from "./chain-range-types.js";
import { frameOrLinkIssue, linkIssue, openChain, rangeEndIssue } from "./chain-scan.js";
import { IdSet, uuidOf } from "./event-id-set.js";
import { envelopeFields } from "./event-line.js";
import { type LedgerHeader, MAX_LINE_BYTES } from "./ledger-format.js";
import type { LedgerIssue } from "./ledger-issue.js";
import { unreadableMessage } from "./open-ledger-file.js";
import { eventMembersProblem, strictContent } from "./strict-content.js";
import { verifyLedger } from "./verify-ledger.js";

/**
 * What a clean integrity check found: the header, the event count, the streams, the last hash (the
 * anchor) and the bytes of complete lines.
 * @example
 * import { openFileLedger, verifyIntegrity } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("integrity.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * const { streamId } = fixtureEvent("a", 0);
 * await opened.right.append(streamId, fixtureBatch("a", 3), { expectedRevision: "noStream" })();
 * const info = opened.right.info();
 * await opened.right.close();
 * const r = await verifyIntegrity("integrity.jsonl")();
 * if (r._tag === "Right") console.log(r.right.events, r.right.streams, r.right.lastHash === info.lastHash); // 3 1 true
 */
export interface IntegrityReport {
  readonly header: LedgerHeader;
  readonly events: number;
  readonly streams: number;
  /** The hash of the last line: record it elsewhere (a report, a letter) to detect later truncation. */
  readonly lastHash: string;
  readonly bytes: number;
}

/**
 * Options of {@link verifyIntegrity}.
 * @example
 * import type { IntegrityOptions } from "@coop-ledger/store";
 * import { openFileLedger, verifyIntegrity } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("integrity-options.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * const { streamId } = fixtureEvent("a", 0);
 * await opened.right.append(streamId, fixtureBatch("a", 3), { expectedRevision: "noStream" })();
 * const info = opened.right.info();
 * await opened.right.close();
 * const options: IntegrityOptions = { anchor: { events: info.events, lastHash: info.lastHash }, workers: 0 };
 * console.log((await verifyIntegrity("integrity-options.jsonl", options)())._tag); // "Right"
 * const cut = await verifyIntegrity("integrity-options.jsonl", { anchor: { events: 4, lastHash: info.lastHash } })();
 * if (cut._tag === "Left") console.log(cut.left._tag); // "MissingLines" (the anchor says 4 events, the file holds 3)
 */
export interface IntegrityOptions {
  /** A recorded anchor: the file must hold at least `events` events, the `events`-th ending in `lastHash`. */
  readonly anchor?: { readonly events: number; readonly lastHash: string };
  /** Worker threads (default: one per core for a file over 16 MiB, else none); `0`: the calling thread. */
  readonly workers?: number;
  /** Bytes per range handed to a worker (default: about two ranges per worker, 4–256 MiB). */
  readonly rangeBytes?: number;
}

/** The exact reason a line fails the strict-content rule (as `verifyLedger` words it), or undefined. */
const contentReason = (fd: number, offset: number, size: number): string | undefined => {
  const buf = Buffer.allocUnsafe(Math.min(MAX_LINE_BYTES + 1, size - offset));
  const got = readSync(fd, buf, 0, buf.length, offset);
  let e = buf.subarray(0, got).indexOf(10);
  if (e < 0) e = got;
  const c = strictContent(buf, 0, e);
  if (typeof c === "string") return c;
  const members = eventMembersProblem(c.record);
  if (members !== undefined) return members;
  const f = envelopeFields(c.record);
  return typeof f === "string" ? f : undefined;
};

/** A stored hash read back from a line at `offset`. */
const storedHash = (fd: number, offset: number): string => {
  const b = Buffer.allocUnsafe(64);
  readSync(fd, b, 0, 64, offset + 9);
  return b.toString("latin1");
};

/**
 * A range joined (made once: after the join's loop, a property read such as `E.right` has no type
 * feedback when the loop's code, optimised on stack, first reaches it, and V8 threw that code away).
 */
const joined: E.Either<LedgerIssue, void> = E.right(undefined);

/** Fast canonical check refused a line the exact rule accepts (a bug): fall back to the sequential walk. */
class FastPathDisagrees extends Error {}

/**
 * Checks a ledger's **integrity** at hashing speed: everything the format promises, nothing about what
 * the events mean. The header (exact members and values); every line's frame and chain link; every
 * line's content being the canonical JSON of exactly the envelope's members (checked on the bytes, no
 * `JSON.parse`); positions, per-stream revisions, append grouping; event ids unique across the ledger;
 * then the anchor if given. The file is split into byte ranges on line boundaries checked on worker
 * threads (one per core; the calling thread for a small file) and joined in file order, where what
 * needs the lines before a range is checked: its first line's position and grouping, each stream's
 * first line in it (the range checks the rest of its revisions and grouping itself), the ids. Left: the first issue,
 * naming its 1-based line and byte offset — the same issue `verifyLedger` names first when it is told
 * to set validity aside (`{ decodeEvents: false, collectInvalid: 0 }`); the law
 * `chain-integrity.prop.test.ts` checks that on tampered ledgers. **Validity** (event types, schema
 * versions, data through the codecs, domain rules) is not checked here: see {@link verifyLedger}.
 *
 * @example
 * const r = await verifyIntegrity("ledger.jsonl")();
 * if (E.isLeft(r)) console.error(r.left.message); else console.log(r.right.events, r.right.lastHash);
 */
export const verifyIntegrity =
  (path: string, options: IntegrityOptions = {}): TE.TaskEither<LedgerIssue, IntegrityReport> =>
  async () => {
    const opened = openChain(path);
    if (E.isLeft(opened)) return opened;
    const o = opened.right;
    try {
      return await walk(o.fd, o.size, o.bodyStart, o.headerHash, o.header!, options);
    } catch (e) {
      if (e instanceof FastPathDisagrees) {
        const r = await verifyLedger(path, {
          decodeEvents: false,
          collectInvalid: 0,
          ...(options.anchor === undefined ? {} : { anchor: options.anchor }),
        })();
        return E.map((v: IntegrityReport) => ({
          header: v.header,
          events: v.events,
          streams: v.streams,
          lastHash: v.lastHash,
          bytes: v.bytes,
        }))(r);
      }
      return E.left({ _tag: "FileUnreadable", line: 0, byteOffset: 0, message: unreadableMessage(path, e) });
    } finally {
      closeSync(o.fd);
    }
  };

const walk = async (
  fd: number,
  size: number,
  bodyStart: number,
  headerHash: string,
  header: LedgerHeader,
  options: IntegrityOptions,
): Promise<E.Either<LedgerIssue, IntegrityReport>> => {
  const streamOf = new Map<string, number>();
  const streamName: string[] = [];
  const streamValid: boolean[] = [];
  const lastRevision: number[] = [];
  // Per stream table (a worker thread's, see `RangeResult.table`): its indices' ledger-wide streams.
  const tables: number[][] = [];
  const ids = new IdSet();
  // Each range's ids and first line's offset by the number of its first event (to name a repeated id's line).
  const idParts: Array<{ start: number; ids: Uint8Array; from: number }> = [];
  let line = 2;
  let events = 0; // the next position
  let prevHash = headerHash;
  let bytes = bodyStart;
  let remaining = -1;
  let batchStart: { line: number; byteOffset: number; lines: number } | undefined;
  const anchor = options.anchor;
  // Event ids are checked for repeats only when the walk ends or fails (see IdSet): an id used again
  // before the event number the walk stopped at is the first issue, before the one that stopped it.
  // `through` 1 counts the stopping line's own id too: the sequential walk checks a line's id after
  // its link, content, position, revision and grouping but before the anchor (verify-ledger.ts).
  const repeated = (through: 0 | 1): LedgerIssue | undefined => {
    const dup = ids.firstRepeat(events + through);
    if (dup === undefined) return undefined;
    let p = idParts.length - 1;
    while (idParts[p]!.start > dup.index) p--;
    const part = idParts[p]!;
    const at = lineStartAt(fd, size, part.from, dup.index - part.start);
    const id = uuidOf(part.ids, 16 * (dup.index - part.start));
    const l = dup.index + 2;
    return {
      _tag: "DuplicateEventId",
      line: l,
      byteOffset: at,
      eventId: id,
      firstLine: dup.first + 2,
      message: `line ${l} (byte ${at}): event id ${id} is already used on line ${dup.first + 2}`,
    };
  };
  const fail = (issue: LedgerIssue, through: 0 | 1 = 0): E.Either<LedgerIssue, never> =>
    E.left(repeated(through) ?? issue);

  const seq = (l: number, at: number, reason: string): E.Either<LedgerIssue, never> =>
    fail({
      _tag: "OutOfSequence",
      line: l,
      byteOffset: at,
      reason,
      message: `line ${l} (byte ${at}): ${reason}`,
    });

  const content = (l: number, at: number): E.Either<LedgerIssue, never> => {
    const reason = contentReason(fd, at, size);
    if (reason === undefined) throw new FastPathDisagrees();
    return fail({
      _tag: "NotCanonical",
      line: l,
      byteOffset: at,
      reason,
      message: `line ${l} (byte ${at}): not the canonical content the format defines: ${reason}`,
    });
  };

  // Its own function (a loop and nothing after it): optimised on stack in the first range, this loop
  // would otherwise take the whole join's code with it when it ends (see `joined`).
  const mapStreams = (names: ReadonlyArray<string>, local: number[]): void => {
    for (const name of names) {
      let g = streamOf.get(name);
      if (g === undefined) {
        g = streamName.length;
        streamOf.set(name, g);
        streamName.push(name);
        streamValid.push(StreamIdCodec.is(name));
        lastRevision.push(-1);
      }
      local.push(g);
    }
  };

  /**
   * Joins a range: its first fault in line order (at one line, in the order the sequential walk checks:
   * 1 frame, the link to the range before, 2 link, 3 content, 4 stream id form, 5 id form, 6 position,
   * 7 revision, 8 grouping, 9 anchor) among the one the range found inside itself and those against
   * the lines before it, checked per stream met (its first line in the range), not per line.
   */
  const joinRange = (r: RangeResult): E.Either<LedgerIssue, void> => {
    const fl = r.failure;
    // The range's stream table (a worker's, kept across its ranges) mapped to the ledger's streams:
    // only the names it met first are new to the map.
    tables[r.table ?? 0] ??= [];
    const local = tables[r.table ?? 0]!;
    if (local.length !== (r.streamsFrom ?? 0)) throw new Error("a stream table's ranges came out of order");
    mapStreams(r.streams ?? [], local);
    const checked = r.lines + (fl !== undefined && fl.stage >= 5 ? 1 : 0);
    // The range's ids numbered from `events` (a failing line's too: `fail` looks only before it).
    ids.add(r.ids!, checked, r.idHashes);
    idParts.push({ start: events, ids: r.ids!, from: r.start });
    let fj = Number.POSITIVE_INFINITY;
    let fs = 0;
    let issue: ((l: number, events: number) => E.Either<LedgerIssue, never>) | undefined;
    const found = (j: number, stage: number, make: typeof issue): void => {
      if (j > fj || (j === fj && stage >= fs)) return;
      fj = j;
      fs = stage;
      issue = make;
    };
    if (fl !== undefined) found(fl.j, fl.stage, (l, ev) => rangeIssue(fl, l, ev, local));
    // (a range's own fault at its first line's frame comes before this link, its content after it)
    if (r.first !== undefined && (fj > 0 || fs > 1.5)) {
      const link = linkIssue(prevHash, r.first, line, r.start);
      if (link !== undefined) found(0, 1.5, () => fail(link));
    }
    if (r.firstPosition >= 0 && r.firstPosition !== events)
      found(0, 6, (l, ev) => seq(l, r.start, `position ${r.firstPosition}, expected ${ev}`));
    if (r.firstBatch >= 0 && remaining >= 0 && r.firstBatch !== remaining)
      found(0, 8, (l) => seq(l, r.start, batchReason(r.firstBatch, remaining)));
    // Each stream's first line in the range against the ledger's lines before it (in line order).
    const met = r.stream!;
    const seen = r.seen!;
    for (let k = 0; k < met.length && seen[4 * k]! <= fj; k++) {
      const j = seen[4 * k]!;
      const at = seen[4 * k + 1]!;
      const g = local[met[k]!]!;
      const last = lastRevision[g]!;
      const rev = seen[4 * k + 2]!;
      if (last < 0 && !streamValid[g])
        found(j, 4, (l) => seq(l, at, `"${streamName[g]!.slice(0, 80)}" is not a stream id`));
      else if (rev !== last + 1)
        found(j, 7, (l) => seq(l, at, `revision ${rev} of ${streamName[g]}, expected ${last + 1}`));
    }
    const aj = anchor === undefined ? -1 : anchor.events - 1 - events;
    if (anchor !== undefined && aj >= 0 && aj < r.lines && aj < fj) {
      const at = lineStartAt(fd, size, r.start, aj);
      const foundHash = storedHash(fd, at);
      if (foundHash !== anchor.lastHash)
        found(aj, 9, (l) =>
          fail(
            {
              _tag: "AnchorMismatch",
              line: l,
              byteOffset: at,
              expectedHash: anchor.lastHash,
              foundHash,
              message: `line ${l} (byte ${at}): event ${anchor.events} does not end with the anchored hash: the history up to it was rewritten`,
            },
            1,
          ),
        );
    }
    if (issue !== undefined) {
      // The events before the faulty line (what `fail` looks for repeated ids in).
      events += fj;
      return issue(line + fj, events);
    }
    for (let k = 0; k < met.length; k++) lastRevision[local[met[k]!]!] = seen[4 * k + 3]!;
    if (r.lines > 0) {
      if (r.batchLine >= 0)
        batchStart = { line: line + r.batchLine, byteOffset: r.batchAt, lines: r.lines - r.batchLine };
      else if (remaining < 0) batchStart = { line, byteOffset: r.start, lines: r.lines };
      else batchStart!.lines += r.lines;
      remaining = r.lastBatch > 0 ? r.lastBatch - 1 : -1;
    }
    events += r.lines;
    return joined;
  };

  /** The issue of a fault a range found inside itself, at line `l` (`ev` events before it). */
  const rangeIssue = (
    fl: RangeFailure,
    l: number,
    ev: number,
    local: number[],
  ): E.Either<LedgerIssue, never> => {
    const at = fl.byteOffset;
    switch (fl.stage) {
      case 1:
      case 2:
        return fail(frameOrLinkIssue(fl, l));
      case 3:
        return content(l, at);
      case 5:
        return seq(l, at, "the event id is not a lowercase UUID");
      case 6:
        return seq(l, at, `position ${fl.position}, expected ${ev}`);
      case 7:
        return seq(
          l,
          at,
          `revision ${fl.revision} of ${streamName[local[fl.stream!]!]}, expected ${fl.expected}`,
        );
      case 8:
        return seq(l, at, batchReason(fl.batch!, fl.expected!));
    }
  };

  let reserved = false;
  for await (const r of checkRanges(fd, size, bodyStart, headerHash, {
    link: true,
    strict: true,
    offsets: false,
    maxLineBytes: MAX_LINE_BYTES,
    idSeed: ids.seed,
    // By default the calling thread checks ranges too whenever it waits for one (one worker fewer):
    // national `verify`, 12 alternated pairs, quiet: CPU lower in 11, wall in 10 (medians -4 %).
    ...(options.workers === undefined ? { callerHelps: Promise.resolve() } : { workers: options.workers }),
    ...(options.rangeBytes === undefined ? {} : { rangeBytes: options.rangeBytes }),
  })) {
    if (r.start < 0) continue;
    if (!reserved && r.lines > 0 && r.stop > r.start) {
      // The whole ledger's ids at the first range's bytes per line, with a tenth to spare.
      reserved = true;
      ids.reserve(Math.min(1 << 22, Math.ceil((1.1 * r.lines * (size - bodyStart)) / (r.stop - r.start))));
    }
    const joined = joinRange(r);
    if (E.isLeft(joined)) return joined;
    if (r.failure !== undefined) throw new Error("a range failure was not reported");
    line += r.lines;
    if (r.lastHash !== undefined) prevHash = r.lastHash;
    if (r.lines > 0) bytes = r.stop;
    if (r.end !== undefined) {
      if (r.end.tag === "TornTail" && remaining >= 0 && batchStart !== undefined)
        return fail(incompleteAppend(batchStart, remaining));
      return fail(rangeEndIssue(r.end, line));
    }
  }
  if (remaining >= 0 && batchStart !== undefined) return fail(incompleteAppend(batchStart, remaining));
  if (anchor !== undefined && events < anchor.events)
    return fail({
      _tag: "MissingLines",
      line: events + 2,
      byteOffset: bytes,
      expectedEvents: anchor.events,
      foundEvents: events,
      message: `line ${events + 2} (byte ${bytes}): the file ends after ${events} events but the anchor records ${anchor.events}: lines were removed from the end`,
    });
  const dup = repeated(0);
  if (dup !== undefined) return E.left(dup);
  return E.right({ header, events, streams: streamName.length, lastHash: prevHash, bytes });
};
