import type { LoadedLedger } from "../engine/load-ledger.js";

/**
 * What a page's first questions read slowest on a large ledger, one small step each: every persisted
 * whole-ledger column read ahead with its knowledge checkpoints (the known-at slider's first instant
 * and a compare's snapshots as known at A: ~0.4 s of CPU on the national ledger), then the provenance
 * table's per-event columns and names (the first `explain` and the late events), then the full-detail
 * and province levels whole, a slice a step (~220 MB each at national): the full-detail level first,
 * what the first sector scope reads (the slowest first question when a query had to finish it: 2.2 s
 * at once on a quiet machine), then the province level, what a province level paged long enough reads
 * at whichever query comes next (a slow `targets` round over HTTP was that).
 *
 * @example
 * // A year of Bình Thuận (60) written to a ledger file; the second open reopens its persisted index.
 * const ctx = makeContext(processIo());
 * await writeLedger("warm.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * await loadLedger(ctx, "warm.jsonl", { verify: false });
 * const l = await loadLedger(ctx, "warm.jsonl", { verify: false });
 * if (E.isLeft(l)) throw new Error(l.left.message);
 * let steps = 0;
 * for (const _ of warmUpSteps(l.right)) steps++; // everything read ahead, at once
 * console.log(steps > l.right.index.persistedColumns("ledger") + 6); // true: a column a step, 6, then slices
 */
export function* warmUpSteps(l: LoadedLedger): Generator<void> {
  const columns = l.index.persistedColumns("ledger");
  for (let c = 0; c < columns; c++) {
    l.index.prepareColumn("ledger", c);
    yield;
  }
  const p = l.provenance;
  if (p !== undefined)
    for (const read of [
      () => p.eventRecs(),
      () => p.eventDays(),
      () => p.eventTypes(),
      () => p.eventStreams(),
      () => p.cellKeys(),
      () => p.streamIds(),
    ]) {
      read();
      yield;
    }
  // The full-detail level before the province level: a first sector scope needs it whole (a province
  // scope pages a few hundred columns; its level is needed whole only after thousands).
  for (const level of ["detail", "province"] as const) yield* l.index.readAhead(level);
}

/** How long one turn of the warm-up may run before it lets waiting requests in (ms). */
const TURN_MS = 8;

/**
 * Warms a ledger opened for the web view while the server is idle (see {@link warmUpSteps}): a few
 * steps a turn of the event loop (`setImmediate`), so a request that arrives meanwhile waits for one
 * turn (a few ms), never for the warm-up. Stops when `stop()` says so (the ledger reopened, the server
 * closing). Reads ahead only what a query would read itself: no answer changes.
 *
 * @example
 * // A year of Bình Thuận (60) written to a ledger file; the second open reopens its persisted index.
 * const ctx = makeContext(processIo());
 * await writeLedger("warm-idle.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * await loadLedger(ctx, "warm-idle.jsonl", { verify: false });
 * const l = await loadLedger(ctx, "warm-idle.jsonl", { verify: false });
 * if (E.isLeft(l)) throw new Error(l.left.message);
 * let closing = false;
 * const warmed = warmUp(l.right, () => closing); // runs between the requests a server answers
 * closing = false;
 * await warmed;
 * console.log("warmed"); // "warmed"
 */
export const warmUp = (l: LoadedLedger, stop: () => boolean): Promise<void> =>
  new Promise((resolve) => {
    const steps = warmUpSteps(l);
    /** Runs steps for one turn; false when done (or a step failed). */
    const some = (): boolean => {
      const t0 = performance.now();
      try {
        while (performance.now() - t0 < TURN_MS) if (steps.next().done === true) return false;
        return true;
      } catch {
        // A damaged index or provenance file: the query that reads the same bytes reports it (and the
        // CLI's load path rebuilds); the warm-up just stops.
        return false;
      }
    };
    const turn = (): void => {
      if (!stop() && some()) setImmediate(turn);
      else resolve();
    };
    setImmediate(turn);
  });
