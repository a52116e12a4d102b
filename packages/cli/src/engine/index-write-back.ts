import type { ProjectionIndex } from "@coop-ledger/projections";
import { reclaimHeap } from "./heap-reclaim.js";
import type { IndexOrigin } from "./index-feed.js";
import { appendIndexExtension, type IndexedLedger, type IndexFile, writeIndexFile } from "./index-file.js";
import type { LedgerFactsData } from "./ledger-facts.js";

/** Most extension images an index file holds before it is compacted (written whole again). */
const MAX_INDEX_EXTENSIONS = 32;

/**
 * Whether the next extension of an index file should rewrite it whole (compacted: one segment a level)
 * rather than append an image: after {@link MAX_INDEX_EXTENSIONS} extensions (each adds a segment a
 * query sums and headers an open reads), or once the extensions add up to a quarter of the base (their
 * sparse tables and stream copies then cost more than one merged layout). Appending is otherwise always
 * cheaper: a compaction reads and writes the whole index.
 */
const compactionPays = (idx: IndexFile): boolean =>
  idx.layers > MAX_INDEX_EXTENSIONS || idx.end - idx.baseBytes > idx.baseBytes / 4;

/** What {@link writeBackIndex} writes: the index as fed, and the ledger state and facts it answers for. */
export interface IndexWriteBack {
  readonly index: ProjectionIndex;
  readonly origin: IndexOrigin;
  /** The index file the index was reopened from (undefined when it was built). */
  readonly idx: IndexFile | undefined;
  readonly state: IndexedLedger;
  readonly facts: LedgerFactsData;
  /** Byte offset of every event line, by position (written whole). */
  readonly offsets: () => Float64Array;
  /** The offsets of the events the extension adds (appended). */
  readonly tailOffsets: () => Float64Array;
}

/**
 * Writes a built or extended index back to its file beside the ledger (a reopened one is current:
 * nothing is written). An extension is appended to the index file (it costs the events appended); the
 * file is written whole (temp file + rename, compacted when extended) when the index was built, or
 * once the extensions have piled up (see {@link compactionPays}). A built index (released: its streams
 * dropped, its deltas still staged) is laid out and imaged once the heap its feed left is given back
 * ({@link reclaimHeap}): at national scale that heap is ~400 MB of free pages kept committed beside the
 * columns and the image otherwise (the first build's peak).
 *
 * @example
 * // After a load: the index written to `l.jsonl.idx` unless it was reopened current.
 * const persist = (w: IndexWriteBack) => writeBackIndex("l.jsonl.idx", w);
 */
export const writeBackIndex = async (idxPath: string, w: IndexWriteBack): Promise<void> => {
  if (w.origin === "reopened") return;
  const appended =
    w.origin === "extended" &&
    w.idx !== undefined &&
    !compactionPays(w.idx) &&
    appendIndexExtension(w.idx, w.index.extensionImage(), w.state, w.facts, w.tailOffsets());
  if (w.origin === "built") reclaimHeap();
  if (!appended)
    await writeIndexFile(
      idxPath,
      (w.origin === "extended" ? w.index.compact() : w.index).toImage(),
      w.state,
      w.facts,
      w.offsets(),
    );
};
