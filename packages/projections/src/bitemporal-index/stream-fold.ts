import type { StreamState } from "../model/stream-state.js";
import type { Deltas } from "../model/stream-sweep.js";
import type { AspectFacts } from "./back-dated-aspect.js";
import type { ReportFacts } from "./back-dated-report.js";
import { FoldBytes } from "./fold-bytes.js";
import { IndexImageDamaged, type IndexImageSource } from "./index-image.js";
import type { Arrival, ArrivalFacts } from "./retracted-duplicate.js";

/**
 * What the index needs to go on feeding a stream **without its history**: the fold of its live events
 * (the stream state), the tail (the scheduled changes after its last live event that a later event may
 * undo), and the few facts about its first and last live events that decide whether a new event simply
 * continues it. An event that comes after every live event of its stream in valid time and transaction
 * time (or an independent flow: an alliance activity, a fund's loan application) is folded from this
 * alone; anything else (a back-dated event, a retraction, a redelivery, an event recorded out of order)
 * reads the stream's events back and re-folds them, as before, except a back-dated annual report that its
 * report facts ({@link ReportFacts}: `membersDay`, `reportDays`) show cannot change anything but its own
 * year's figures (`foldBackDatedReport`), and a back-dated event that changes one aspect of the state
 * (a manager, a loan, the law, …) that its aspect facts ({@link AspectFacts}: `aspectDays`) show no
 * later event touches (`foldBackDatedAspect`), and the retraction of a duplicate that its arrival facts
 * ({@link ArrivalFacts}: `arrival`) show changes nothing but the live count (`foldRetractedDuplicate`).
 * Persisted per stream in the index (`streamFoldStart` / `streamFoldBytes`), it is what lets an extension read only the appended lines.
 *
 * @example
 * const source = imageSourceOf(buildIndex(asRecorded(generateLedger({ preset: "province", seed: 7, from: "2013-01-01", to: "2013-12-31" }))).toImage());
 * const text = foldOfImage(source, 0); // the first stream's fold, as the index persists it
 * const f: StreamFold | undefined = text === undefined ? undefined : decodeStreamFold(text);
 * console.log(f?.liveCount, f?.firstType, f?.state.exists); // 3 CoopFounded true
 */
export interface StreamFold extends ReportFacts, AspectFacts, ArrivalFacts {
  /** The fold of every live event (mutated as events are fed). */
  readonly state: StreamState;
  /** The stream's deltas after its last live event's day (day order). */
  tail: Deltas;
  /** Number of live events (the causes in `tail` index them). */
  liveCount: number;
  /** The first live event in valid time: its type, day and revision (NaN when there is none). */
  firstType: string | undefined;
  firstDay: number;
  firstRevision: number;
  /** The last live event in valid time: its day and revision (NaN when there is none). */
  lastDay: number;
  lastRevision: number;
}

// Maps, Sets and the numbers JSON has no literal for are tagged objects; nothing in a fold uses these keys.
// They are tagged by a copy made JSON-ready (`plain`) rather than by a replacer: `JSON.stringify` called
// back a replacer for every value, each number of a tail included, and took its slow path; a release
// encodes every stream's fold. The text is the same as the replacer's, byte for byte (the replacer is the
// reference in stream-fold.prop.test.ts).
const plain = (value: unknown): unknown => {
  if (typeof value === "number") return Number.isFinite(value) ? value : { $n: String(value) };
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return plainArray(value);
  if (value instanceof Map) {
    const entries: unknown[] = [];
    for (const [k, v] of value) entries.push([plain(k), plain(v)]);
    return { $m: entries };
  }
  if (value instanceof Set) {
    const members: unknown[] = [];
    for (const v of value) members.push(plain(v));
    return { $s: members };
  }
  // An object is copied only from its first member that needs a tag (and a class instance always, as
  // before): a fold's state is mostly plain records of numbers and strings (annual reports, managers,
  // loans), and copying them all was half of encoding a fold (an extension encodes every fold it fed).
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o);
  let out: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const x = o[k];
    const y = plain(x);
    if (out === undefined && y !== x) {
      out = {};
      for (let j = 0; j < i; j++) out[keys[j] as string] = o[keys[j] as string];
    }
    if (out !== undefined) out[k] = y;
  }
  if (out !== undefined) return out;
  const proto: unknown = Object.getPrototypeOf(o);
  return proto === Object.prototype || proto === null ? o : { ...o };
};

/**
 * An array made JSON-ready: itself when no element needs a tag (a tail's arrays: finite numbers,
 * strings; a list of plain records), else a copy from its first element that does.
 */
const plainArray = (a: ReadonlyArray<unknown>): ReadonlyArray<unknown> => {
  let out: unknown[] | undefined;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y =
      typeof x === "string" || (typeof x === "number" && Number.isFinite(x)) || typeof x === "boolean"
        ? x
        : plain(x);
    if (out === undefined && y !== x) out = a.slice(0, i);
    if (out !== undefined) out.push(y);
  }
  return out ?? a;
};

/**
 * Turns the tagged objects of a parsed fold back into maps, sets and numbers, in place (what a
 * `JSON.parse` reviver would do, without its call per value: an extension decodes a fold for every
 * stream it feeds, and the reviver tripled the cost of parsing them). Children first, as a reviver.
 */
const revive = (value: unknown): unknown => {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const x: unknown = value[i];
      if (typeof x === "object" && x !== null) value[i] = revive(x);
    }
    return value;
  }
  const o = value as Record<string, unknown>;
  for (const k in o) {
    const x = o[k];
    if (typeof x === "object" && x !== null) o[k] = revive(x);
  }
  const v = o as { $n?: string; $m?: Array<[unknown, unknown]>; $s?: unknown[] };
  if (v.$n !== undefined) return Number(v.$n);
  if (v.$m !== undefined) return new Map(v.$m);
  if (v.$s !== undefined) return new Set(v.$s);
  return value;
};

/**
 * Counts one more live event in a fold, placed where `insertByValidTime` puts it (day, then revision):
 * before the first (a flow dated earlier), after the last.
 * @example
 * const f = { liveCount: 0, firstType: undefined, firstDay: Number.NaN, firstRevision: Number.NaN, lastDay: Number.NaN, lastRevision: Number.NaN } as StreamFold;
 * placeInFold(f, "CoopFounded", 18_000, 0);
 * f.lastDay // 18000
 */
export const placeInFold = (f: StreamFold, type: string, day: number, rev: number): void => {
  if (f.liveCount === 0 || day < f.firstDay || (day === f.firstDay && rev < f.firstRevision)) {
    f.firstType = type;
    f.firstDay = day;
    f.firstRevision = rev;
  }
  if (f.liveCount === 0 || day > f.lastDay || (day === f.lastDay && rev >= f.lastRevision)) {
    f.lastDay = day;
    f.lastRevision = rev;
  }
  f.liveCount++;
};

/**
 * A stream fold as a string (JSON; maps, sets and non-finite numbers tagged), for the index image.
 * Generic over the state's shape, so a field added to the stream state is persisted without a change
 * here (`decodeStreamFold(encodeStreamFold(f))` equals `f`: `stream-fold.prop.test.ts`).
 * @example
 * const text = foldOfImage(imageSourceOf(buildIndex(asRecorded(generateLedger({ preset: "province", seed: 7, from: "2013-01-01", to: "2013-12-31" }))).toImage()), 0);
 * if (text === undefined) throw new Error("no fold");
 * const fold = decodeStreamFold(text);
 * console.log(encodeStreamFold(fold) === text, decodeStreamFold(encodeStreamFold(fold)).liveCount === fold.liveCount); // true true
 */
export const encodeStreamFold = (f: StreamFold): string => JSON.stringify(plain(foldParts(f)));

/**
 * The parts of a fold in the order {@link encodeStreamFold} writes them (and {@link decodeStreamFold}
 * reads them): state, tail, live count, first type, first day and revision, last day and revision,
 * members day, report days, aspect days, last arrival.
 * @example
 * const f = { state: {}, tail: {}, liveCount: 0, firstType: undefined, firstDay: Number.NaN, firstRevision: Number.NaN, lastDay: Number.NaN, lastRevision: Number.NaN, membersDay: 0, reportDays: new Map(), aspectDays: new Map(), arrival: null } as unknown as StreamFold;
 * foldParts(f).length // 12
 */
export const foldParts = (f: StreamFold): unknown[] => [
  f.state,
  f.tail,
  f.liveCount,
  f.firstType ?? null,
  f.firstDay,
  f.firstRevision,
  f.lastDay,
  f.lastRevision,
  f.membersDay,
  f.reportDays,
  f.aspectDays,
  f.arrival,
];

/**
 * The stream fold a string from {@link encodeStreamFold} holds. Throws {@link IndexImageDamaged} when it
 * is not one (the index is then rebuilt, never trusted).
 * @example
 * const text = foldOfImage(imageSourceOf(buildIndex(asRecorded(generateLedger({ preset: "province", seed: 7, from: "2013-01-01", to: "2013-12-31" }))).toImage()), 0);
 * if (text !== undefined) console.log(decodeStreamFold(text).state.exists); // true
 * try {
 *   decodeStreamFold("[1,2");
 * } catch (e) {
 *   console.log(e instanceof IndexImageDamaged); // true: the index is rebuilt
 * }
 */
export const decodeStreamFold = (text: string): StreamFold => {
  let v: unknown;
  try {
    v = revive(JSON.parse(text));
  } catch {
    throw new IndexImageDamaged("index image: a stream fold is not valid JSON");
  }
  if (
    !Array.isArray(v) ||
    v.length !== 12 ||
    typeof v[0] !== "object" ||
    typeof v[1] !== "object" ||
    !(v[9] instanceof Map) ||
    !(v[10] instanceof Map) ||
    !(v[11] === null || Array.isArray(v[11]))
  )
    throw new IndexImageDamaged("index image: a stream fold does not have the fold's shape");
  const [
    state,
    tail,
    liveCount,
    firstType,
    firstDay,
    firstRevision,
    lastDay,
    lastRevision,
    membersDay,
    reportDays,
    aspectDays,
    arrival,
  ] = v as [
    StreamState,
    Deltas,
    number,
    string | null,
    number,
    number,
    number,
    number,
    number,
    Map<number, number>,
    Map<string, number>,
    Arrival | null,
  ];
  return {
    state,
    tail,
    liveCount,
    firstType: firstType ?? undefined,
    firstDay,
    firstRevision,
    lastDay,
    lastRevision,
    membersDay,
    reportDays,
    aspectDays,
    arrival,
  };
};

// The package has no DOM or Node typings (it does no I/O); the UTF-8 codecs are standard globals.
const { TextDecoder } = globalThis as unknown as {
  TextDecoder: new () => { decode: (b: Uint8Array) => string };
};

/**
 * The image array of each stream fold's first byte (see {@link packStreamFolds}).
 * @example
 * FOLD_START in packStreamFolds(["[]", ""]) // true
 */
export const FOLD_START = "streamFoldStart";
/**
 * The image array of the stream folds' bytes, four to an i32 word (see {@link packStreamFolds}).
 * @example
 * packStreamFolds(["[]", ""])[FOLD_BYTES].length // 1 (two bytes, one word)
 */
export const FOLD_BYTES = "streamFoldBytes";

/**
 * Packs encoded folds (one per stream, in the image's stream order; "" for a stream without one) into
 * the two image arrays: `streamFoldStart` (f64, one more than the streams: each fold's first byte) and
 * `streamFoldBytes` (their UTF-8 bytes, packed four to an i32 word, little-endian). One stream's fold is
 * then read by a positioned read of its own bytes ({@link foldOfImage}).
 * @example const arrays = packStreamFolds(["[…]", ""]); arrays.streamFoldStart.length // 3
 */
export const packStreamFolds = (
  folds: ReadonlyArray<string>,
): { readonly [FOLD_START]: Float64Array; readonly [FOLD_BYTES]: Int32Array } => {
  // Sized for ASCII text (one byte a UTF-16 unit, as folds are): encoded straight into the image array
  // (issue #12: per-fold arrays, 27 MB at a 400k first build, were held beside the packed copy); a
  // store that grew is cut to size, the image holding it to the end of the command.
  let units = 0;
  for (const f of folds) units += f.length;
  const store = new FoldBytes(units, units);
  for (const f of folds) store.add(f);
  const { start, words } = store.imageArrays(true);
  return { [FOLD_START]: start, [FOLD_BYTES]: words };
};

/**
 * The encoded fold of the `i`-th stream of one image (not layered: see `IndexImageSource.fold`), read
 * by its own byte range only (and its entry of `streamFoldStart`, unless `starts` is that table, read
 * already); undefined when the image holds none for it.
 * @example
 * const source = imageSourceOf(buildIndex(asRecorded(generateLedger({ preset: "province", seed: 7, from: "2013-01-01", to: "2013-12-31" }))).toImage());
 * const text = foldOfImage(source, 0);
 * if (text !== undefined) console.log(decodeStreamFold(text).liveCount > 0); // true
 */
export const foldOfImage = (
  img: IndexImageSource,
  i: number,
  starts?: Float64Array | Int32Array,
): string | undefined => {
  const at = starts === undefined ? img.range(FOLD_START, i, i + 2) : starts.subarray(i, i + 2);
  if (at.length !== 2) throw new IndexImageDamaged(`index image: no fold entry for stream ${i}`);
  const from = at[0] as number;
  const to = at[1] as number;
  if (!(to >= from)) throw new IndexImageDamaged(`index image: fold entry ${i} is not a byte range`);
  if (to === from) return undefined;
  const w0 = Math.floor(from / 4);
  const words = img.range(FOLD_BYTES, w0, Math.ceil(to / 4));
  const bytes = new Uint8Array(words.buffer, words.byteOffset, words.byteLength);
  if (bytes.length < to - w0 * 4) throw new IndexImageDamaged(`index image: fold ${i} is cut short`);
  return new TextDecoder().decode(bytes.subarray(from - w0 * 4, to - w0 * 4));
};

/** Folds read one by one before {@link foldReader} reads the table of where they start whole. */
const FOLD_READS_BEFORE_TABLE = 32;

/**
 * Reads the folds of one image (not layered) by stream: the first few by their own entries of
 * `streamFoldStart`, then that table whole. An extension feeds streams scattered over the whole table
 * (about 1,900 of 100,000 at national for 2,000 events): a 4 KiB block read and checked per stream
 * was 7.6 MB read for a 0.8 MB table; a small extension still reads a few blocks only.
 * @example const foldAt = foldReader(imageSourceOf(buildIndex([]).toImage())); // foldAt(i): stream i's fold
 */
export const foldReader = (img: IndexImageSource): ((i: number) => string | undefined) => {
  let starts: Float64Array | Int32Array | undefined;
  let reads = 0;
  return (i) => {
    if (starts === undefined && ++reads > FOLD_READS_BEFORE_TABLE) starts = img.array(FOLD_START);
    return foldOfImage(img, i, starts);
  };
};
