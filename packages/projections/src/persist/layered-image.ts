import {
  IMAGE_LEVELS,
  type ImageSegment,
  type IndexImage,
  IndexImageDamaged,
  type IndexImageSource,
} from "../bitemporal-index/index-image.js";

type Meta = IndexImage["meta"];
type Level = (typeof IMAGE_LEVELS)[number];

/** Whether `next` is an extension image of exactly the index `before` describes. */
const extendsMeta = (before: Meta, next: Meta): boolean => {
  const x = next.extends;
  if (x === undefined) return false;
  if (x.events !== before.events || x.deltas !== before.deltas) return false;
  if (x.cells !== before.cells || x.streams !== before.streams) return false;
  for (const l of IMAGE_LEVELS)
    if (x.columns[l] !== before.levels[l].count || x.segments[l] !== before.levels[l].segments.length)
      return false;
  return true;
};

/** The meta of the index the layers make: the last layer's sizes, every layer's segments in order. */
const combinedMeta = (before: Meta, next: Meta): Meta => {
  const levels = {} as Record<Level, { count: number; segments: ReadonlyArray<ImageSegment> }>;
  for (const l of IMAGE_LEVELS)
    levels[l] = {
      count: next.levels[l].count,
      segments: [...before.levels[l].segments, ...next.levels[l].segments],
    };
  const { extends: _extends, ...rest } = next;
  return { ...rest, levels };
};

const STREAM_ARRAYS = new Set(["streamStart", "streamPositions", "streamMaxRecorded", "streamMaxRevision"]);
const SEGMENT_ARRAY = /^(ledger|province|detail)\.(\d+)\.(.+)$/;

/** Concatenates typed arrays of one type. */
const concat = (parts: ReadonlyArray<Float64Array | Int32Array>): Float64Array | Int32Array => {
  const n = parts.reduce((a, p) => a + p.length, 0);
  const out = parts[0] instanceof Int32Array ? new Int32Array(n) : new Float64Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/**
 * Reads a persisted index made of a base image followed by extension images (see
 * `ProjectionIndex.extensionImage`) as the one image they make together, piece by piece as before:
 *
 * - the segments are every layer's, in order (`<level>.<j>.*` numbered across the layers), each read
 *   from its own layer only when a query needs it;
 * - the cell and column tables (and any other array, such as a caller's per-event table) are the
 *   layers' pieces end to end (an extension numbers its new cells and columns after the ones before);
 * - the streams: the base's, each extended by the positions later layers give it, then the new ones.
 *
 * Layers are taken in order while each one extends exactly the index the ones before make
 * (`meta.extends`); the first that does not (a stale or foreign extension) ends the list, and `used`
 * says how many were taken. Throws {@link IndexImageDamaged} when the first layer is not a base image.
 *
 * @example
 * const events = asRecorded(generateLedger({ preset: "province", seed: 7, from: "2013-01-01", to: "2013-12-31" }));
 * const source = { eventsAt: (ps: ReadonlyArray<number>) => ps.map((p) => events[p]!) };
 * const base = buildIndex(events.slice(0, 300)).toImage();
 * const ext = ProjectionIndex.fromImage(base, source).addAll(events.slice(300)).extensionImage();
 * const { source: layered, used } = layerImages([imageSourceOf(base), imageSourceOf(ext)]);
 * console.log(used, ProjectionIndex.fromImage(layered, source).toImage().meta.events); // 2 507
 */
export const layerImages = (
  layers: ReadonlyArray<IndexImageSource>,
): { readonly source: IndexImageSource; readonly used: number } => {
  const first = layers[0];
  if (first === undefined || first.meta.extends !== undefined)
    throw new IndexImageDamaged("index image: the first image is not a base image");
  let meta = first.meta;
  let used = 1;
  while (used < layers.length) {
    const next = (layers[used] as IndexImageSource).meta;
    if (!extendsMeta(meta, next)) break;
    meta = combinedMeta(meta, next);
    used++;
  }
  if (used === 1) return { source: first, used };
  const taken = layers.slice(0, used);
  // Global segment j of a level → [layer, its own segment number].
  const segmentAt = {} as Record<Level, Array<readonly [number, number]>>;
  for (const l of IMAGE_LEVELS) {
    segmentAt[l] = [];
    taken.forEach((layer, i) => {
      layer.meta.levels[l].segments.forEach((_, j) => {
        segmentAt[l].push([i, j]);
      });
    });
  }
  const joined = new Map<string, Float64Array | Int32Array>();
  let streams:
    | {
        ids: string[];
        arrays: Record<string, Float64Array>;
      }
    | undefined;

  const mergeStreams = (): NonNullable<typeof streams> => {
    if (streams !== undefined) return streams;
    const ids: string[] = [];
    const at = new Map<string, number>();
    const base: number[][] = [];
    const maxRecorded: number[] = [];
    const maxRevision: number[] = [];
    taken.forEach((layer) => {
      const lids = layer.strings("streamIds");
      const start = layer.array("streamStart");
      const positions = layer.array("streamPositions");
      const rec = layer.array("streamMaxRecorded");
      const rev = layer.array("streamMaxRevision");
      if (start.length !== lids.length + 1 || rec.length !== lids.length || rev.length !== lids.length)
        throw new IndexImageDamaged("index image: the stream tables do not match the stream ids");
      lids.forEach((id, k) => {
        let i = at.get(id);
        if (i === undefined) {
          i = ids.length;
          ids.push(id);
          at.set(id, i);
          base.push([]);
          maxRecorded.push(0);
          maxRevision.push(0);
        }
        const list = base[i] as number[];
        for (let p = start[k] as number; p < (start[k + 1] as number); p++) list.push(positions[p] as number);
        maxRecorded[i] = rec[k] as number;
        maxRevision[i] = rev[k] as number;
      });
    });
    const start = new Float64Array(ids.length + 1);
    let total = 0;
    for (const list of base) total += list.length;
    const positions = new Float64Array(total);
    let o = 0;
    base.forEach((list, i) => {
      start[i] = o;
      positions.set(list, o);
      o += list.length;
    });
    start[ids.length] = o;
    streams = {
      ids,
      arrays: {
        streamStart: start,
        streamPositions: positions,
        streamMaxRecorded: Float64Array.from(maxRecorded),
        streamMaxRevision: Float64Array.from(maxRevision),
      },
    };
    return streams;
  };

  const array = (name: string): Float64Array | Int32Array => {
    const seg = SEGMENT_ARRAY.exec(name);
    if (seg !== null) {
      const [, level, j, field] = seg;
      const where = segmentAt[level as Level][Number(j)];
      if (where === undefined) throw new IndexImageDamaged(`index image: array ${name} missing`);
      return (taken[where[0]] as IndexImageSource).array(`${level}.${where[1]}.${field}`);
    }
    if (STREAM_ARRAYS.has(name)) return mergeStreams().arrays[name] as Float64Array;
    let a = joined.get(name);
    if (a === undefined) {
      a = concat(taken.map((layer) => layer.array(name)));
      joined.set(name, a);
    }
    return a;
  };

  return {
    used,
    source: {
      meta,
      layers: taken,
      strings: (name) =>
        name === "streamIds" ? mergeStreams().ids : taken.flatMap((layer) => layer.strings(name)),
      array,
      range: (name, from, to) => {
        const seg = SEGMENT_ARRAY.exec(name);
        if (seg === null) return array(name).subarray(from, to);
        const [, level, j, field] = seg;
        const where = segmentAt[level as Level][Number(j)];
        if (where === undefined) throw new IndexImageDamaged(`index image: array ${name} missing`);
        return (taken[where[0]] as IndexImageSource).range(`${level}.${where[1]}.${field}`, from, to);
      },
    },
  };
};
