import type { BusinessDate, Instant, RecordedEvent } from "@coop-ledger/domain";
import { ProjectionIndex } from "@coop-ledger/projections";
import { readLedgerChunks, scanChain } from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import type { CliContext } from "../context.js";
import type { CliError } from "../errors/cli-error.js";
import type { LedgerIdentity } from "./ledger-identity.js";
import { fromLedgerIssue } from "./ledger-issue.js";

export type { LedgerIdentity } from "./ledger-identity.js";

/** An event recorded well after it took effect (a late-recorded fact), as the demo and docs show it. */
export interface LateEvent {
  readonly eventId: string;
  readonly streamId: string;
  readonly type: string;
  readonly position: number;
  readonly effectiveDate: BusinessDate;
  readonly recordedAt: Instant;
}

/** Options of {@link loadLedger}. */
export interface LoadOptions {
  /** Recompute the hash chain before computing anything (default true; `--no-verify` turns it off). */
  readonly verify?: boolean;
}

/**
 * A ledger read into the projection index, with what the CLI reports about it: the event count, the
 * ranges of valid and transaction time, and the late-recorded dissolutions and retractions (the events
 * that restate earlier figures).
 */
export interface LoadedLedger {
  readonly path: string;
  /** The ledger state the figures come from (see {@link LedgerIdentity}). */
  readonly identity: LedgerIdentity;
  readonly index: ProjectionIndex;
  readonly events: number;
  readonly firstEffective: BusinessDate | undefined;
  readonly lastEffective: BusinessDate | undefined;
  readonly firstRecordedAt: Instant | undefined;
  readonly lastRecordedAt: Instant | undefined;
  /** Dissolutions recorded more than 30 days after their effective date, and every retraction. */
  readonly restating: ReadonlyArray<LateEvent>;
}

const effectiveOf = (e: RecordedEvent): BusinessDate =>
  (e.event.data as { effectiveDate: BusinessDate }).effectiveDate;

const DAY_MS = 86_400_000;

/**
 * Reads a ledger file for figures. First the raw pass over its bytes (`scanChain`: every link of the
 * hash chain recomputed, at close to hashing speed; with `verify: false` only the lines framed and
 * counted): a broken chain stops the load with a `LedgerCorrupt` naming the line (exit 4). Then the
 * store's streaming reader (large chunks, one JSON.parse per line, every event decoded) feeds each event
 * to a new projection index, showing progress on a terminal. The first issue in the file stops the load
 * with a `LedgerCorrupt` (or `FileError`) naming the line: figures are never computed from a ledger that
 * could not be read whole.
 *
 * @example const r = await loadLedger(ctx, "examples/sample-ledgers/province-60.jsonl");
 */
export const loadLedger = async (
  ctx: CliContext,
  path: string,
  options: LoadOptions = {},
): Promise<E.Either<CliError, LoadedLedger>> => {
  const verify = options.verify ?? true;
  const checking = ctx.progress("verify");
  checking.status(verify ? `checking the hash chain of ${path}…` : `reading ${path} (chain not checked)…`);
  const scan = await scanChain(path, { verify })();
  checking.done();
  if (E.isLeft(scan)) return E.left(fromLedgerIssue(path, scan.left));
  if (!verify)
    ctx.io.stderr(
      `coop-ledger: warning: --no-verify: the hash chain of ${path} was not checked; these figures are unverified\n`,
    );
  const progress = ctx.progress(`reading ${path}`);
  const index = new ProjectionIndex();
  let events = 0;
  let firstEffective: BusinessDate | undefined;
  let lastEffective: BusinessDate | undefined;
  let firstRecordedAt: Instant | undefined;
  let lastRecordedAt: Instant | undefined;
  const restating: LateEvent[] = [];
  for await (const chunk of readLedgerChunks(path)) {
    for (const r of chunk) {
      if (E.isLeft(r)) {
        progress.done();
        return E.left(fromLedgerIssue(path, r.left));
      }
      const e = r.right;
      index.add(e);
      events++;
      const eff = effectiveOf(e);
      if (firstEffective === undefined || eff < firstEffective) firstEffective = eff;
      if (lastEffective === undefined || eff > lastEffective) lastEffective = eff;
      const rec = e.metadata.recordedAt;
      if (firstRecordedAt === undefined || rec < firstRecordedAt) firstRecordedAt = rec;
      if (lastRecordedAt === undefined || rec > lastRecordedAt) lastRecordedAt = rec;
      const late = Date.parse(rec) - Date.parse(eff) > 30 * DAY_MS;
      if ((e.event.type === "CoopDissolved" && late) || e.event.type === "EventRetracted")
        restating.push({
          eventId: e.eventId,
          streamId: e.streamId,
          type: e.event.type,
          position: e.position,
          effectiveDate: eff,
          recordedAt: rec,
        });
    }
    progress.tick(chunk.length);
  }
  progress.done();
  if (events !== scan.right.events)
    // The file changed between the two passes (a writer appended): the figures would not be those of
    // the state named in the identity.
    return E.left({
      _tag: "LedgerCorrupt",
      path,
      message: `${path}: the ledger changed while it was read (${scan.right.events} events checked, ${events} read)`,
      hint: "run the command again once the writer is done",
    });
  return E.right({
    path,
    identity: {
      path,
      events,
      lastPosition: events === 0 ? null : events - 1,
      lastHash: scan.right.lastHash,
      verified: scan.right.verified,
    },
    index,
    events,
    firstEffective,
    lastEffective,
    firstRecordedAt,
    lastRecordedAt,
    restating,
  });
};
