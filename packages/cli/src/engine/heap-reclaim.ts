import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** When {@link reclaimHeap} collects: a heap this large (committed), and this much of it free after. */
export interface ReclaimThresholds {
  /** Committed heap (bytes) below which nothing is done: the collections would be pure cost. */
  readonly minHeapBytes: number;
  /** Free committed heap (bytes) after a plain collection below which it is not compacted. */
  readonly minSpareBytes: number;
}

/**
 * A national first build's heap after its streams are released holds ~180 MB of live objects spread
 * over ~600 MB of pages V8 keeps committed (the feed's peak); a 400k build's stays under 260 MB.
 */
const DEFAULT_THRESHOLDS: ReclaimThresholds = { minHeapBytes: 512 * 2 ** 20, minSpareBytes: 256 * 2 ** 20 };

/**
 * {@link reclaimHeap}'s thresholds for one plain (non-compacting) collection of a heap over 512 MiB,
 * never a compacting one: what a national first build asks for just after its feed, before the
 * provenance image is laid out. The collection frees the pages left wholly empty (the feed's garbage)
 * before ~190 MB of image arrays are allocated beside the heap: 4 alternated national builds peaked at
 * 1,090–1,117 MiB with it, 1,128–1,148 without, CPU unchanged (59.3 vs 59.5 s means). A compacting
 * collection there peaked at 1,250 MiB: it allocates the survivors' new pages before it frees the old.
 * @example COLLECT_ONLY.minSpareBytes // Infinity
 */
export const COLLECT_ONLY: ReclaimThresholds = {
  minHeapBytes: 512 * 2 ** 20,
  minSpareBytes: Number.POSITIVE_INFINITY,
};

/**
 * What {@link reclaimHeap} did: nothing (`"small"`, `"dense"`; `"unavailable"` when this Node gives no
 * `gc`) or a compacting collection.
 */
export type HeapReclaim = "small" | "dense" | "unavailable" | "compacted";

/**
 * The `gc` function V8 gives a context made after `--expose-gc` is set, or undefined when it gives none.
 * Node documents V8 flags set after start-up as unsupported: a Node where this stops working must cost
 * the build its memory saving, never the build.
 * @example
 * typeof exposedGc() // "function" (on Node 20)
 */
export const exposedGc = (): (() => void) | undefined => {
  try {
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("gc");
    return typeof gc === "function" ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
};

/** The `gc` function, asked for once a process (`null`: this Node gives none). */
let exposed: (() => void) | null | undefined;
const onceExposedGc = (): (() => void) | undefined => {
  if (exposed === undefined) exposed = exposedGc() ?? null;
  return exposed ?? undefined;
};

/**
 * Gives the pages of a heap that has just lost most of its live objects back to the system, when that
 * pays: a first build's feed leaves V8 with the heap of its peak committed (the decoded events and the
 * streams' state), mostly free pages each holding a few survivors, which V8 keeps for the rest of the
 * process and which the laid-out columns and the image are then allocated beside (the build's peak).
 * A plain full collection first (it frees the garbage without moving anything: a compaction then moves
 * the survivors only, so the pages it allocates for them do not add the garbage's to the peak), then,
 * when that left at least `minSpareBytes` free, one compacting collection (V8 moves every survivor
 * off the fragmented pages and unmaps them). Nothing on a heap under `minHeapBytes` (a small ledger's:
 * the collections would only cost). National first build: ~1.7 s CPU for ~400 MB of heap given back.
 * `gcOf` gives the collector (by default V8's, asked for once a process); without one, nothing is done.
 *
 * @example
 * reclaimHeap({ minHeapBytes: 2 ** 40, minSpareBytes: 0 }) // "small"
 */
export const reclaimHeap = (
  thresholds: ReclaimThresholds = DEFAULT_THRESHOLDS,
  gcOf: () => (() => void) | undefined = onceExposedGc,
): HeapReclaim => {
  if (getHeapStatistics().total_heap_size < thresholds.minHeapBytes) return "small";
  const collect = gcOf();
  if (collect === undefined) return "unavailable";
  collect();
  const h = getHeapStatistics();
  if (h.total_heap_size - h.used_heap_size < thresholds.minSpareBytes) return "dense";
  setFlagsFromString("--compact-on-every-full-gc");
  try {
    collect();
  } finally {
    setFlagsFromString("--no-compact-on-every-full-gc");
  }
  return "compacted";
};
