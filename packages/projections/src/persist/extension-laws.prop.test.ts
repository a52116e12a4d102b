import type { RecordedEvent } from "@coop-ledger/domain";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { IMAGE_LEVELS, type IndexImageSource } from "../bitemporal-index/index-image.js";
import { PersistedColumns } from "../bitemporal-index/persisted-columns.js";
import { buildIndex, type EventSource, ProjectionIndex } from "../bitemporal-index/projection-index.js";
import { snapshot } from "../evaluate/snapshot-of-index.js";
import { historyAndQueriesArb, type QueryPoint, queryOf } from "../test-support/arbitraries.js";
import { byPosition } from "../test-support/by-position.js";
import { assertSameResult } from "../test-support/compare.js";
import { encodeIndexImage, openIndexImage } from "./image-codec.js";
import { layerImages } from "./layered-image.js";

const RUNS = Number(process.env.PROJECTIONS_LAW_RUNS ?? 100);
const params = { numRuns: RUNS, endOnFailure: process.env.PROJECTIONS_LAW_NO_SHRINK === "1" };

const sourceOf = (events: ReadonlyArray<RecordedEvent>): EventSource => ({ eventsAt: byPosition(events) });

const join = (chunks: ReadonlyArray<Uint8Array>): Uint8Array => new Uint8Array(Buffer.concat(chunks));

/**
 * A persisted index file as the CLI keeps it: a base image, then one extension image appended per
 * extension. `reads` records the arrays read, per layer.
 */
class IndexFile {
  bytes: Uint8Array;
  /** The images as last opened, layered. */
  layered: IndexImageSource | undefined = undefined;
  readonly reads: Array<Set<string>> = [];
  /** The arrays read whole (not by range), per layer. */
  readonly whole: Array<Set<string>> = [];
  /** The ranges read of the streams' positions table, per layer (from, to). */
  readonly positionReads: Array<Array<readonly [number, number]>> = [];
  constructor(index: ProjectionIndex) {
    this.bytes = join(encodeIndexImage(index.toImage(), null));
  }
  append(index: ProjectionIndex): void {
    this.bytes = join([this.bytes, ...encodeIndexImage(index.extensionImage(), null)]);
  }
  /** Opens every image of the file (positioned reads) and layers them. */
  open(source: EventSource): { index: ProjectionIndex; layers: number; used: number } {
    const layers: IndexImageSource[] = [];
    this.reads.length = 0;
    this.whole.length = 0;
    this.positionReads.length = 0;
    let at = 0;
    while (at < this.bytes.length) {
      const from = at;
      const opened = openIndexImage(
        (p, n) => this.bytes.slice(from + p, from + p + n),
        this.bytes.length - from,
      );
      if (E.isLeft(opened)) throw new Error(opened.left.message);
      const s = opened.right.source;
      const log = new Set<string>();
      const whole = new Set<string>();
      const positionReads: Array<readonly [number, number]> = [];
      this.reads.push(log);
      this.whole.push(whole);
      this.positionReads.push(positionReads);
      layers.push({
        meta: s.meta,
        strings: (k) => s.strings(k),
        array: (n) => {
          log.add(n);
          whole.add(n);
          return s.array(n);
        },
        range: (n, a, z) => {
          log.add(n);
          if (n === "streamPositions") positionReads.push([a, z]);
          return s.range(n, a, z);
        },
      });
      at += opened.right.bytes;
    }
    const { source: layered, used } = layerImages(layers);
    this.layered = layered;
    return { index: ProjectionIndex.fromImage(layered, source), layers: layers.length, used };
  }
}

/** A file of the first cut's index, extended by one image per following cut (`after` sees each). */
const extendedFile = (
  events: ReadonlyArray<RecordedEvent>,
  cuts: ReadonlyArray<number>,
  source: EventSource,
  after: (file: IndexFile) => void = () => undefined,
): IndexFile => {
  const file = new IndexFile(buildIndex(events.slice(0, cuts[0])));
  let from = cuts[0] as number;
  for (const to of [...cuts.slice(1), events.length]) {
    const { index } = file.open(source);
    for (const e of events.slice(from, to)) index.add(e);
    file.append(index);
    after(file);
    from = to;
  }
  return file;
};

/** Up to three cut points of a history, ascending. */
const cutsOf = (n: number, seeds: ReadonlyArray<number>): number[] =>
  seeds.map((s) => (n === 0 ? 0 : s % (n + 1))).sort((a, b) => a - b);

describe("laws of the append-only persisted index (issue #12)", () => {
  it("bulk = extended by successive appends, each persisted as an extension image and reopened = compacted, for every query", () => {
    fc.assert(
      fc.property(
        historyAndQueriesArb,
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        ([events, queries], seeds) => {
          // The append boundaries fall anywhere: late-recorded events, back-dated ones and retractions of
          // events before a boundary land after it, across one or several extensions.
          const cuts = cutsOf(events.length, seeds);
          const source = sourceOf(events);
          const bulk = buildIndex(events);
          const file = extendedFile(events, cuts, source);
          const reopened = file.open(source);
          expect(reopened.used).toBe(reopened.layers);
          expect(reopened.layers).toBe(cuts.length + 1);
          // A compaction (the extensions merged into the base and written whole) answers the same.
          const compacted = new IndexFile(file.open(source).index.compact());
          const again = compacted.open(source);
          expect(again.layers).toBe(1);
          for (const qp of queries) {
            const q = queryOf(qp as QueryPoint);
            const expected = snapshot(bulk, q);
            assertSameResult(snapshot(reopened.index, q), expected, `extended at ${cuts.join(", ")}`);
            assertSameResult(snapshot(again.index, q), expected, "compacted");
          }
          expect(reopened.index.size).toBe(bulk.size);
          expect(reopened.index.deltas).toBe(bulk.deltas);
          // The streams' positions and revisions are those of the bulk index (an extension resumes from them).
          for (const id of bulk.streamIds()) {
            expect(reopened.index.streamPositions(id)).toEqual(bulk.streamPositions(id));
            expect(reopened.index.streamMaxRecorded(id)).toBe(bulk.streamMaxRecorded(id));
          }
          expect(reopened.index.streamRevisions()).toEqual(bulk.streamRevisions());
        },
      ),
      params,
    );
  });

  it("an extension costs what was appended: extending reads none of the persisted segments' deltas", () => {
    fc.assert(
      fc.property(historyAndQueriesArb, fc.nat(), ([events], seed) => {
        const cut = cutsOf(events.length, [seed])[0] as number;
        const file = new IndexFile(buildIndex(events.slice(0, cut)));
        const { index } = file.open(sourceOf(events));
        for (const e of events.slice(cut)) index.add(e);
        file.append(index);
        const deltaArrays = [...(file.reads[0] ?? [])].filter((n) =>
          /^(ledger|province|detail)\.\d+\.(days|recs|amounts|sumDays|sumValues)$/.test(n),
        );
        expect(deltaArrays).toEqual([]);
        // Nor the roll-up tables (a fed column's roll-up columns are looked up by series and cell).
        expect([...(file.reads[0] ?? [])].filter((n) => /ColumnOf$/.test(n))).toEqual([]);
      }),
      { ...params, numRuns: Math.max(10, Math.floor(RUNS / 4)) },
    );
  });

  it("an extension of a file with extensions reads each image's tables by range: no column table, no stream positions read whole; every persisted column is found by its cell (format 7)", () => {
    fc.assert(
      fc.property(
        historyAndQueriesArb,
        fc.array(fc.nat(), { minLength: 2, maxLength: 3 }),
        ([events], seeds) => {
          const cuts = cutsOf(events.length, seeds);
          const source = sourceOf(events);
          // Neither the columns grouped by key or cell nor the streams' positions of any image, whole.
          const file = extendedFile(events, cuts, source, (f) => {
            for (const whole of f.whole)
              expect(
                [...whole].filter((n) => /colKey|colCell|streamPositions|cellColumns\.entries/.test(n)),
              ).toEqual([]);
          });
          const { index } = file.open(source);
          const layered = file.layered as IndexImageSource;
          const columns = PersistedColumns.of(layered);
          for (const level of IMAGE_LEVELS) {
            const colKey = layered.array(`${level}.colKey`);
            const colCell = layered.array(`${level}.colCell`);
            for (let c = 0; c < colKey.length; c++) {
              expect(columns.find(colKey[c] as number, colCell[c] as number)).toBe(c);
              expect(columns.find(-1, colCell[c] as number)).toBe(-1);
            }
          }
          // Each stream's revision, looked up alone (a resumed ledger read asks it per stream it meets).
          const bulk = buildIndex(events);
          for (const [id, rev] of bulk.streamRevisions()) expect(index.streamRevision(id)).toBe(rev);
          expect(index.streamRevision("no-such-stream")).toBeUndefined();
        },
      ),
      { ...params, numRuns: Math.max(10, Math.floor(RUNS / 4)) },
    );
  });

  it("an extension that continues its streams reads no history: with each stream's persisted fold, bulk = extended while the ledger refuses every read, and no stream's positions are read (only the table's last entry, checked when opened)", () => {
    fc.assert(
      fc.property(historyAndQueriesArb, fc.nat(), ([events, queries], seed) => {
        const cut = cutsOf(events.length, [seed])[0] as number;
        const before = events.slice(0, cut);
        // The appended events that continue their stream: a new revision, recorded no earlier, later in
        // valid time than the stream's events so far (or an alliance activity, a flow), no retraction.
        const seen = new Map<string, { day: string; rec: string; rev: number }>();
        for (const e of before) {
          const s = seen.get(e.streamId);
          const day = e.event.data.effectiveDate;
          const rec = e.metadata.recordedAt;
          seen.set(e.streamId, {
            day: s === undefined || day > s.day ? day : s.day,
            rec: s === undefined || rec > s.rec ? rec : s.rec,
            rev: Math.max(s?.rev ?? -1, e.revision),
          });
        }
        const after: RecordedEvent[] = [];
        for (const e of events.slice(cut)) {
          const s = seen.get(e.streamId);
          const day = e.event.data.effectiveDate;
          const rec = e.metadata.recordedAt;
          const flow = e.event.type === "AllianceActivityRecorded";
          const continues =
            s === undefined ||
            (e.revision > s.rev &&
              rec >= s.rec &&
              (flow || day > s.day) &&
              e.event.type !== "EventRetracted");
          if (!continues) continue;
          after.push(e);
          seen.set(e.streamId, {
            day: s === undefined || day > s.day ? day : s.day,
            rec: s === undefined || rec > s.rec ? rec : s.rec,
            rev: e.revision,
          });
        }
        const refusing: EventSource = {
          eventsAt: (positions) => {
            throw new Error(`read back positions ${positions.join(", ")}`);
          },
        };
        const bulk = buildIndex([...before, ...after]);
        const file = new IndexFile(buildIndex(before));
        const { index } = file.open(refusing);
        for (const e of after) index.add(e);
        file.append(index);
        // The positions it adds are written without the image's (see `StreamEntry.unread`).
        const total = file.layered?.meta.events ?? 0;
        const checked = total === 0 ? [0, 1] : [total - 1, total + 1];
        for (const r of file.positionReads[0] ?? []) expect(r).toEqual(checked);
        const reopened = file.open(refusing).index;
        for (const qp of queries) {
          const q = queryOf(qp as QueryPoint);
          assertSameResult(snapshot(reopened, q), snapshot(bulk, q), `continued after ${cut}`);
        }
        expect(reopened.size).toBe(bulk.size);
      }),
      params,
    );
  });

  it("an extension of another index is not layered: only the images that extend the ones before are used", () => {
    const [events] = fc.sample(historyAndQueriesArb, { numRuns: 1, seed: 21 })[0] ?? [[]];
    const half = Math.floor(events.length / 2);
    const source = sourceOf(events);
    const file = new IndexFile(buildIndex(events.slice(0, half)));
    // An extension written from a different (shorter) base: it does not extend this file's base.
    const other = new IndexFile(buildIndex(events.slice(0, Math.max(0, half - 1))));
    const { index: stale } = other.open(source);
    for (const e of events.slice(Math.max(0, half - 1))) stale.add(e);
    if (half === 0) return;
    file.append(stale);
    const opened = file.open(source);
    expect(opened.layers).toBe(2);
    expect(opened.used).toBe(1);
    expect(opened.index.size).toBe(half);
  });
});
