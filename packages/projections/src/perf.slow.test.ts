import type { RecordedEvent } from "@coop-ledger/domain";
import { generateLedger } from "@coop-ledger/generator";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { buildIndex } from "./bitemporal-index/projection-index.js";
import { snapshot } from "./evaluate/snapshot-of-index.js";
import { replay } from "./replay/replay.js";

// Measurements on the testing package's realistic ledgers; slow (the national preset has ≈ 1 M events):
// run with COOP_LEDGER_SLOW=1 (and PROJECTIONS_PERF_PRESET=province for the small one). The official
// figures come from packages/bench; this checks the index against the replay at scale too.
const preset = (process.env.PROJECTIONS_PERF_PRESET ?? "national") as "national" | "province";

const envelope = (): RecordedEvent[] => {
  const revisions = new Map<string, number>();
  const out: RecordedEvent[] = [];
  for (const g of generateLedger({ preset, seed: 2026 })) {
    const revision = revisions.get(g.streamId) ?? 0;
    revisions.set(g.streamId, revision + 1);
    out.push({ ...g, revision, position: out.length } as RecordedEvent);
  }
  return out;
};

describe.skipIf(process.env.COOP_LEDGER_SLOW !== "1")(`index at scale (${preset} preset)`, () => {
  it("builds the index and answers a point-in-time query with the same figures as a replay (timings printed, not asserted)", () => {
    const events = envelope();
    const heapBefore = process.memoryUsage().heapUsed;
    let t = performance.now();
    const index = buildIndex(events);
    const buildMs = performance.now() - t;
    const heapIndex = process.memoryUsage().heapUsed - heapBefore;
    const q = { validAt: "2024-12-31" };
    t = performance.now();
    const first = snapshot(index, q);
    const firstQueryMs = performance.now() - t;
    const runs = 20;
    t = performance.now();
    for (let i = 0; i < runs; i++) snapshot(index, { validAt: `2023-0${1 + (i % 9)}-15` });
    const queryMs = (performance.now() - t) / runs;
    t = performance.now();
    const reference = replay(events, q);
    const replayMs = performance.now() - t;
    t = performance.now();
    snapshot(index, { validAt: "2022-12-31", knownAt: "2023-01-15T23:59:59.999Z" });
    const knownAtFirstMs = performance.now() - t;
    t = performance.now();
    for (let i = 0; i < runs; i++)
      snapshot(index, { validAt: "2022-12-31", knownAt: `2023-0${1 + (i % 9)}-15T23:59:59.999Z` });
    const knownAtMs = (performance.now() - t) / runs;
    console.log(
      `${preset}: ${events.length} events, ${index.deltas} deltas, ${index.cellCount} cells; build ${buildMs.toFixed(0)} ms, ` +
        `index heap ≈ ${(heapIndex / 1e6).toFixed(0)} MB, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB; ` +
        `first query ${firstQueryMs.toFixed(1)} ms, query ${queryMs.toFixed(2)} ms, replay ${replayMs.toFixed(0)} ms ` +
        `(× ${(replayMs / queryMs).toFixed(0)}); knownAt first ${knownAtFirstMs.toFixed(0)} ms, then ${knownAtMs.toFixed(2)} ms`,
    );
    expect(E.isRight(first)).toBe(true);
    expect(JSON.stringify(first)).toBe(JSON.stringify(reference));
  }, 1_800_000);
});
