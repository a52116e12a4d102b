import type { LoadedLedger } from "../engine/load-ledger.js";

/**
 * What a page's first questions read slowest on a large ledger, one small step each: first the
 * full-detail level whole, a slice a step (~220 MB at national, ~0.3–0.4 s of CPU: what the first
 * sector scope reads, the slowest first question when a query had to read it), then every persisted
 * whole-ledger column with its knowledge checkpoints (the known-at slider's first instant and a
 * compare's snapshots as known at A: ~0.4 s), then the provenance table's per-event columns and names
 * (the first `explain` and the late events), last the province level whole (what a province level
 * paged long enough reads at whichever query comes next: a slow `targets` round over HTTP was that).
 * Over HTTP at load 10–12, the full-detail level first made the worst first-question p99 0.6–0.67 s
 * (the slider's) where the whole-ledger columns first made it 0.96–1.5 s (the first sector's).
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
 * console.log(steps > l.right.index.persistedColumns("ledger") + 6); // true: slices, a column a step, 6, slices
 */
export function* warmUpSteps(l: LoadedLedger): Generator<void> {
  yield* l.index.readAhead("detail");
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
  // Last: a province scope pages a few hundred columns; its level is needed whole only after thousands.
  yield* l.index.readAhead("province");
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
