import { IndexImageDamaged, type IndexImageSource } from "./index-image.js";
import { newStreamEntry, type StreamEntry } from "./stream-entry.js";
import { packStreamFolds } from "./stream-fold.js";

/**
 * The streams of a reopened index's image, read as tables and turned into stream entries one at a
 * time, when a stream is first fed or asked for. A national index holds about a hundred thousand
 * streams and 1.3 million positions: an extension that feeds a few thousand events needs the entries
 * of the streams those events belong to, and the highest revision of every stream (to check the
 * appended lines' revisions), never an entry per stream.
 *
 * @example
 * const streams = ImageStreams.of(imageSourceOf(buildIndex([]).toImage()));
 * const i = streams.indexOf("coop-htx-1"); if (i >= 0) streams.entry(i).positions
 */
export class ImageStreams {
  private readonly at = new Map<string, number>();

  /** Every stream's positions, once read whole (by {@link readAllInto}); else read per stream. */
  private allPositions: Float64Array | Int32Array | undefined = undefined;

  private constructor(
    /** The stream ids, in the image's order. */
    readonly ids: ReadonlyArray<string>,
    private readonly start: ArrayLike<number>,
    private readonly img: IndexImageSource,
    private readonly maxRecorded: ArrayLike<number>,
    private readonly maxRevision: ArrayLike<number>,
  ) {
    ids.forEach((id, i) => {
      this.at.set(id, i);
    });
  }

  /**
   * Reads the image's stream tables (ids, where each stream's positions start, its latest instant and
   * revision). The positions themselves (1.3 million at national, 10 MB) are read per stream when its
   * entry is made: an extension makes a few thousand entries, scattered, and a whole read of the table
   * (and the check of every block of it) was a tenth of its CPU.
   */
  static of(img: IndexImageSource): ImageStreams {
    const start = img.array("streamStart");
    const maxRecorded = img.array("streamMaxRecorded");
    const maxRevision = img.array("streamMaxRevision");
    const ids = img.strings("streamIds");
    const total = start[ids.length];
    if (
      start.length !== ids.length + 1 ||
      ids.length !== img.meta.streams ||
      maxRecorded.length !== ids.length ||
      maxRevision.length !== ids.length ||
      total === undefined ||
      // The positions table holds exactly `total` entries: its last one is there, none after it.
      (total > 0 && img.range("streamPositions", total - 1, total + 1).length !== 1) ||
      (total === 0 && img.range("streamPositions", 0, 1).length !== 0)
    )
      throw new IndexImageDamaged("index image: the stream tables do not match the stream ids");
    return new ImageStreams(ids, start, img, maxRecorded, maxRevision);
  }

  /** A stream's place in the image, or −1 when the image does not hold it. */
  indexOf(id: string): number {
    return this.at.get(id) ?? -1;
  }

  /** The `i`-th stream as a cold entry (its positions, latest instant and revision; its fold stays in the image). */
  entry(i: number): StreamEntry {
    const from = this.start[i] as number;
    const to = this.start[i + 1] as number;
    const total = this.start[this.ids.length] as number;
    if (!(from >= 0 && to >= from && to <= total))
      throw new IndexImageDamaged(`index image: stream ${i}'s positions are not a range of the table`);
    const all = this.allPositions;
    const table = all ?? this.img.range("streamPositions", from, to);
    const at = all === undefined ? 0 : from;
    if (table.length < at + to - from)
      throw new IndexImageDamaged(`index image: stream ${i}'s positions are not a range of the table`);
    const positions: number[] = new Array<number>(to - from);
    for (let k = 0; k < to - from; k++) positions[k] = table[at + k] as number;
    return {
      ...newStreamEntry(),
      positions,
      hot: false,
      maxRecorded: this.maxRecorded[i] as number,
      maxRevision: this.maxRevision[i] as number,
      imageAt: i,
    };
  }

  /**
   * Every stream of the image into `streams`, which then lists the image's streams in its order (the
   * entries `streams` held for them kept), then the others `streams` held, in their order.
   */
  readAllInto(streams: Map<string, StreamEntry>): void {
    // Every entry is made: one read of the whole table rather than one per stream.
    this.allPositions ??= this.img.array("streamPositions");
    if (this.allPositions.length !== (this.start[this.ids.length] as number))
      throw new IndexImageDamaged("index image: the stream tables do not match the stream ids");
    const held = new Map(streams);
    streams.clear();
    this.ids.forEach((id, i) => {
      streams.set(id, held.get(id) ?? this.entry(i));
    });
    for (const [id, e] of held) if (!streams.has(id)) streams.set(id, e);
  }

  /** Each stream's highest revision, in the image's order, into `out`. */
  revisionsInto(out: Map<string, number>): Map<string, number> {
    this.ids.forEach((id, i) => {
      out.set(id, this.maxRevision[i] as number);
    });
    return out;
  }
}

/**
 * The streams' part of an image (ids, their positions, latest instants and revisions, folds), of every
 * stream (`touched` undefined) or of those that received events since a mark (their positions from
 * the count `touched` gives on), written into `arrays`; returns the stream ids.
 * @example const ids = streamImageArrays(new Map(), undefined, () => undefined, {}); ids.length // 0
 */
export const streamImageArrays = (
  streams: ReadonlyMap<string, StreamEntry>,
  touched: ReadonlyMap<string, number> | undefined,
  packedFold: (e: StreamEntry) => string | undefined,
  arrays: Record<string, Float64Array | Int32Array>,
): string[] => {
  const streamIds: string[] = [];
  const start: number[] = [0];
  const maxRecorded: number[] = [];
  const maxRevision: number[] = [];
  const positions: number[] = [];
  const folds: string[] = [];
  for (const [id, e] of streams) {
    const from = touched === undefined ? 0 : touched.get(id);
    if (from === undefined) continue;
    streamIds.push(id);
    folds.push(packedFold(e) ?? "");
    maxRecorded.push(e.maxRecorded);
    maxRevision.push(e.maxRevision);
    for (let i = from; i < e.positions.length; i++) positions.push(e.positions[i] as number);
    start.push(positions.length);
  }
  arrays.streamStart = Float64Array.from(start);
  arrays.streamPositions = Float64Array.from(positions);
  arrays.streamMaxRecorded = Float64Array.from(maxRecorded);
  arrays.streamMaxRevision = Float64Array.from(maxRevision);
  Object.assign(arrays, packStreamFolds(folds));
  return streamIds;
};
