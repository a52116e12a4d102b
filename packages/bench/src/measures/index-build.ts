import type { DatasetRef, Figures } from "../child/protocol.js";
import { collectGarbage, nowMs } from "../harness/clock.js";
import type { Subjects } from "../subjects.js";
import { loadAll } from "./load.js";
import { need } from "./not-available.js";

/**
 * Measurement 2: index build. Two phases in one child (the parent runs one child per repetition, so
 * each peak RSS is one build's):
 * - `streamMs`: from the ledger file straight into the index (read + decode + index), as a service
 *   does on start; `peakRssStreamMiB` is the peak resident size up to then (the budget's figure);
 * - `buildMs`: the index alone, fed from events already decoded in memory (the child's final maxRSS
 *   includes holding every decoded event as well, so it is larger than a service's).
 *
 * @example
 * import { type DatasetRef, liveSubjects, need } from "@coop-ledger/bench";
 * // A tiny dataset (the bench uses a province, 100 k and national ones).
 * const generate = need(liveSubjects.generate, "generate");
 * const made = await generate("province", 7, 300, "index-build.jsonl");
 * const dataset: DatasetRef = { label: "tiny", path: "index-build.jsonl", events: made.events };
 * const figures = await indexBuild(liveSubjects, dataset);
 * console.log(Object.keys(figures).length > 0); // true
 */
export const indexBuild = async (
  subjects: Subjects,
  dataset: DatasetRef,
  memoryOnly = false,
): Promise<Figures> => {
  const readLedger = need(subjects.readLedger, "readLedger (store)");
  const newIndex = need(subjects.newIndex, "point-in-time index (projections)");

  let t0 = nowMs();
  let index = newIndex();
  let n = 0;
  if (!memoryOnly)
    for await (const e of readLedger(dataset.path)) {
      index.apply(e);
      n++;
    }
  if (!memoryOnly) index.ready?.();
  const streamMs = memoryOnly ? Number.NaN : nowMs() - t0;
  // maxRSS only grows: read now, it is the peak of the streaming build alone.
  const peakRssStreamMiB = memoryOnly ? Number.NaN : process.resourceUsage().maxRSS / 1024;
  collectGarbage();
  const rssAfterStreamMiB = process.memoryUsage().rss / 2 ** 20;
  const heapAfterStreamMiB = process.memoryUsage().heapUsed / 2 ** 20;

  index = newIndex();
  collectGarbage();
  const events = await loadAll(readLedger, dataset.path);
  collectGarbage();
  t0 = nowMs();
  const fresh = newIndex();
  for (const e of events) fresh.apply(e);
  fresh.ready?.();
  const buildMs = nowMs() - t0;
  n = events.length;
  // Keep both alive until here so the build is not cut short by an optimiser seeing no use.
  if (fresh === index) console.log("same index");
  return { events: n, streamMs, buildMs, peakRssStreamMiB, rssAfterStreamMiB, heapAfterStreamMiB };
};
