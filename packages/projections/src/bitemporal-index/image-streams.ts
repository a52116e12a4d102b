import type { FoldBytes } from "./fold-bytes.js";
import { IndexImageDamaged, type IndexImageSource } from "./index-image.js";
import { coldStreamEntry, type StreamEntry } from "./stream-entry.js";
import { FOLD_BYTES, FOLD_START, foldReader, packStreamFolds } from "./stream-fold.js";
import { StreamIdIndex } from "./stream-id-index.js";

/** One image's stream tables (its own: an extension lists the streams it gave events to). */
interface Layer {
  readonly img: IndexImageSource;
  readonly start: ArrayLike<number>;
  readonly maxRecorded: ArrayLike<number>;
  readonly maxRevision: ArrayLike<number>;
  /** Its folds, read when first asked for. */
  fold: ((k: number) => string | undefined) | undefined;
}

/**
 * The streams of a reopened index's image, read as tables and turned into stream entries one at a
 * time, when a stream is first fed or asked for. A national index holds about a hundred thousand
 * streams and 1.3 million positions: an extension that feeds a few thousand events needs the entries
 * of the streams those events belong to, and the highest revision of the streams they belong to, never
 * an entry per stream. A file with extensions (`layerImages`) is read image by image (`img.layers`): a
 * stream's positions are its ranges in the images that list it, its latest instant, revision and fold
 * those of the last one; the layers' tables are never merged whole (that merge cost 564 ms of CPU for a
 * national file with one extension).
 *
 * @example
 * const streams = ImageStreams.of(imageSourceOf(buildIndex([]).toImage()));
 * const i = streams.indexOf("coop-htx-1"); if (i >= 0) streams.positions(i)
 */
export class ImageStreams {
  /** The base image's positions, once read whole (by {@link readAllInto}); else read per stream. */
  private allPositions: Float64Array | Int32Array | undefined = undefined;

  private constructor(
    /** The base image's stream ids (their places are the image's first ones). */
    private readonly base: StreamIdIndex,
    /** The ids later images add, in order (places from the base's count on), and their places. */
    private readonly added: ReadonlyArray<string>,
    private readonly addedAt: ReadonlyMap<string, number>,
    private readonly layers: ReadonlyArray<Layer>,
    /** Per stream listed by a later image: each (image, place there) listing it, in image order. */
    private readonly later: ReadonlyMap<number, ReadonlyArray<readonly [number, number]>>,
  ) {}

  /** Number of streams (the base image's, then those later images add). */
  get count(): number {
    return this.base.length + this.added.length;
  }

  /** The stream ids, in the image's order (the base's decoded when first asked for). */
  ids(): ReadonlyArray<string> {
    return this.added.length === 0 ? this.base.ids() : [...this.base.ids(), ...this.added];
  }

  /**
   * Reads the images' stream tables (ids, where each stream's positions start, its latest instant and
   * revision). The positions themselves (1.3 million at national, 10 MB) are read per stream when its
   * entry is made: an extension makes a few thousand entries, scattered, and a whole read of the table
   * (and the check of every block of it) was a tenth of its CPU.
   */
  static of(img: IndexImageSource): ImageStreams {
    const all = img.layers ?? [img];
    // The base image's ids are found without decoding them all (an extension looks up a few hundred of
    // ~39,000 at national scale); a later image's (an extension's: a few hundred) are decoded.
    const first = all[0];
    const base = StreamIdIndex.of(first?.stringsText?.("streamIds"), () =>
      first === undefined ? [] : first.strings("streamIds"),
    );
    const layers = all.map((layer, l): Layer & { ids: ReadonlyArray<string> } => {
      const start = layer.array("streamStart");
      const maxRecorded = layer.array("streamMaxRecorded");
      const maxRevision = layer.array("streamMaxRevision");
      const ids = l === 0 ? [] : layer.strings("streamIds");
      const count = l === 0 ? base.length : ids.length;
      const total = start[count];
      if (
        start.length !== count + 1 ||
        maxRecorded.length !== count ||
        maxRevision.length !== count ||
        total === undefined ||
        // The positions table holds exactly `total` entries: its last one is there, none after it.
        (total > 0 && layer.range("streamPositions", total - 1, total + 1).length !== 1) ||
        (total === 0 && layer.range("streamPositions", 0, 1).length !== 0)
      )
        throw new IndexImageDamaged("index image: the stream tables do not match the stream ids");
      return { img: layer, ids, start, maxRecorded, maxRevision, fold: undefined };
    });
    const added: string[] = [];
    const addedAt = new Map<string, number>();
    const later = new Map<number, Array<readonly [number, number]>>();
    for (let l = 1; l < layers.length; l++)
      (layers[l] as (typeof layers)[number]).ids.forEach((id, k) => {
        let i = base.indexOf(id);
        if (i < 0) i = addedAt.get(id) ?? -1;
        if (i < 0) {
          i = base.length + added.length;
          added.push(id);
          addedAt.set(id, i);
        }
        const list = later.get(i);
        if (list === undefined) later.set(i, [[l, k]]);
        else list.push([l, k]);
      });
    if (base.length + added.length !== img.meta.streams)
      throw new IndexImageDamaged("index image: the stream tables do not match the stream ids");
    return new ImageStreams(base, added, addedAt, layers, later);
  }

  /** A stream's place in the image, or −1 when the image does not hold it. */
  indexOf(id: string): number {
    const i = this.base.indexOf(id);
    return i >= 0 ? i : (this.addedAt.get(id) ?? -1);
  }

  /** The last image listing the `i`-th stream and its place there. */
  private last(i: number): readonly [number, number] {
    const l = this.later.get(i);
    return l === undefined ? [0, i] : (l[l.length - 1] as readonly [number, number]);
  }

  /** The positions of the `k`-th stream of image `l`, pushed onto `out`. */
  private positionsInto(l: number, k: number, out: number[]): void {
    const { img, start } = this.layers[l] as Layer;
    const from = start[k] as number;
    const to = start[k + 1] as number;
    const total = start[start.length - 1] as number;
    if (!(from >= 0 && to >= from && to <= total))
      throw new IndexImageDamaged(`index image: stream ${k}'s positions are not a range of the table`);
    const all = l === 0 ? this.allPositions : undefined;
    const table = all ?? img.range("streamPositions", from, to);
    const at = all === undefined ? 0 : from;
    if (table.length < at + to - from)
      throw new IndexImageDamaged(`index image: stream ${k}'s positions are not a range of the table`);
    for (let p = at; p < at + to - from; p++) out.push(table[p] as number);
  }

  /** The number of positions of the `k`-th stream of image `l` (its range of the table, checked). */
  private countOf(l: number, k: number): number {
    const { start } = this.layers[l] as Layer;
    const from = start[k] as number;
    const to = start[k + 1] as number;
    if (!(from >= 0 && to >= from && to <= (start[start.length - 1] as number)))
      throw new IndexImageDamaged(`index image: stream ${k}'s positions are not a range of the table`);
    return to - from;
  }

  /**
   * The `i`-th stream as a cold entry (its latest instant and revision; its fold stays in the image).
   * Its positions are left unread (`unread`: their number) unless `withPositions`: an extension feeds
   * most streams from their folds and writes only the positions it adds (a ranged read and check of the
   * positions table each, ~1,600 at national scale, for nothing); {@link positions} reads them.
   */
  entry(i: number, withPositions = false): StreamEntry {
    const [l, k] = this.last(i);
    const layer = this.layers[l] as Layer;
    const maxRecorded = layer.maxRecorded[k] as number;
    const maxRevision = layer.maxRevision[k] as number;
    if (withPositions) return coldStreamEntry(this.positions(i), maxRecorded, maxRevision, i);
    let count = i < (this.layers[0]?.maxRevision.length ?? 0) ? this.countOf(0, i) : 0;
    for (const [m, n] of this.later.get(i) ?? []) count += this.countOf(m, n);
    return coldStreamEntry([], maxRecorded, maxRevision, i, count);
  }

  /** The `i`-th stream's positions in the images (arrival order): its ranges in the images listing it. */
  positions(i: number): number[] {
    const positions: number[] = [];
    if (i < (this.layers[0]?.maxRevision.length ?? 0)) this.positionsInto(0, i, positions);
    for (const [l, k] of this.later.get(i) ?? []) this.positionsInto(l, k, positions);
    return positions;
  }

  /**
   * Reads an entry's unread positions (see `StreamEntry.unread`: those of the image's `imageAt`-th
   * stream) in front of the ones it holds.
   */
  readPositionsInto(entry: StreamEntry): void {
    if (entry.unread === 0) return;
    const all = this.positions(entry.imageAt);
    if (all.length !== entry.unread)
      throw new IndexImageDamaged(
        `index image: stream ${entry.imageAt}'s positions are not a range of the table`,
      );
    for (const p of entry.positions) all.push(p);
    entry.positions = all;
    entry.unread = 0;
  }

  /** The encoded fold of the `i`-th stream (from the last image listing it), undefined when none. */
  fold(i: number): string | undefined {
    const [l, k] = this.last(i);
    const layer = this.layers[l] as Layer;
    layer.fold ??= foldReader(layer.img);
    return layer.fold(k);
  }

  /**
   * Every stream of the image into `streams`, which then lists the image's streams in its order (the
   * entries `streams` held for them kept), then the others `streams` held, in their order.
   */
  readAllInto(streams: Map<string, StreamEntry>): void {
    // Every entry is made: one read of the base image's whole table rather than one per stream.
    const base = this.layers[0];
    if (base !== undefined) {
      this.allPositions ??= base.img.array("streamPositions");
      if (this.allPositions.length !== (base.start[base.start.length - 1] as number))
        throw new IndexImageDamaged("index image: the stream tables do not match the stream ids");
    }
    const held = new Map(streams);
    streams.clear();
    this.ids().forEach((id, i) => {
      streams.set(id, held.get(id) ?? this.entry(i, true));
    });
    for (const [id, e] of held) if (!streams.has(id)) streams.set(id, e);
  }

  /** A stream's highest revision, or undefined when the image does not hold it. */
  revisionOf(id: string): number | undefined {
    const i = this.indexOf(id);
    if (i < 0) return undefined;
    const [l, k] = this.last(i);
    return (this.layers[l] as Layer).maxRevision[k] as number;
  }

  /** Each stream's highest revision, in the image's order, into `out`. */
  revisionsInto(out: Map<string, number>): Map<string, number> {
    for (const id of this.ids()) out.set(id, this.revisionOf(id) as number);
    return out;
  }
}

/**
 * The streams' part of an image (ids, their positions, latest instants and revisions, folds), of every
 * stream (`touched` undefined) or of those that received events since a mark (their positions from
 * the count `touched` gives on, which an entry's unread positions never reach past), written into
 * `arrays`; returns the stream ids. `packed`: a store holding every listed stream's fold at its place
 * in this order (a release's), whose arrays the image takes as they are, no fold encoded again.
 * @example const ids = streamImageArrays(new Map(), undefined, () => undefined, {}); ids.length // 0
 */
export const streamImageArrays = (
  streams: ReadonlyMap<string, StreamEntry>,
  touched: ReadonlyMap<string, number> | undefined,
  packedFold: (e: StreamEntry) => string | undefined,
  arrays: Record<string, Float64Array | Int32Array>,
  packed?: FoldBytes,
): string[] => {
  const streamIds: string[] = [];
  const folds: string[] = [];
  // The listed streams and their positions counted first, then written straight into the image's
  // arrays (issue #12: lists of numbers grown by doubling, then typed copies of them, were ~40 MB of
  // garbage at the peak of a national first build, which the heap grew for).
  let listed = 0;
  let total = 0;
  for (const [id, e] of streams) {
    const from = touched === undefined ? 0 : touched.get(id);
    if (from === undefined) continue;
    // An entry holds its positions from its `unread` ones on (those the image it was reopened from holds).
    if (from < e.unread) throw new Error(`streamImageArrays: stream ${id}'s positions are not read`);
    listed++;
    total += Math.max(0, e.positions.length - (from - e.unread));
  }
  const start = new Float64Array(listed + 1);
  const maxRecorded = new Float64Array(listed);
  const maxRevision = new Float64Array(listed);
  const positions = new Float64Array(total);
  let k = 0;
  let p = 0;
  for (const [id, e] of streams) {
    const from = touched === undefined ? 0 : touched.get(id);
    if (from === undefined) continue;
    streamIds.push(id);
    if (packed === undefined) folds.push(packedFold(e) ?? "");
    maxRecorded[k] = e.maxRecorded;
    maxRevision[k] = e.maxRevision;
    for (let i = from - e.unread; i < e.positions.length; i++) positions[p++] = e.positions[i] as number;
    start[++k] = p;
  }
  arrays.streamStart = start;
  arrays.streamPositions = positions;
  arrays.streamMaxRecorded = maxRecorded;
  arrays.streamMaxRevision = maxRevision;
  if (packed === undefined) Object.assign(arrays, packStreamFolds(folds));
  else {
    const { start, words } = packed.imageArrays();
    arrays[FOLD_START] = start;
    arrays[FOLD_BYTES] = words;
  }
  return streamIds;
};
