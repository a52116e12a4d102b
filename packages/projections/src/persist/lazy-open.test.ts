import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { IndexImageDamaged, type IndexImageSource } from "../bitemporal-index/index-image.js";
import { buildIndex, ProjectionIndex } from "../bitemporal-index/projection-index.js";
import { snapshot } from "../evaluate/snapshot-of-index.js";
import { historyArb } from "../test-support/arbitraries.js";
import { assertSameResult } from "../test-support/compare.js";
import { encodeIndexImage, openIndexImage } from "./image-codec.js";

const events = fc
  .sample(historyArb, { numRuns: 40, seed: 12 })
  .reduce((a, b) => (b.length > a.length ? b : a), []);
const built = buildIndex(events);
const bytes = new Uint8Array(Buffer.concat(encodeIndexImage(built.toImage(), null)));
const noSource = {
  eventsAt: () => {
    throw new Error("no event is read back for a query");
  },
};

/** Opens the bytes with positioned reads, recording what is read. */
const openCounting = (b: Uint8Array) => {
  const log = { bytes: 0, names: new Set<string>(), widest: new Map<string, number>() };
  const opened = openIndexImage((p, n) => {
    log.bytes += Math.min(n, b.length - p);
    return b.slice(p, p + n);
  }, b.length);
  if (E.isLeft(opened)) throw new Error(opened.left.message);
  const s = opened.right.source;
  const source: IndexImageSource = {
    meta: s.meta,
    strings: (k) => {
      log.names.add(`strings.${k}`);
      return s.strings(k);
    },
    array: (n) => {
      log.names.add(n);
      log.widest.set(n, Number.POSITIVE_INFINITY);
      return s.array(n);
    },
    range: (n, a, z) => {
      log.names.add(n);
      log.widest.set(n, Math.max(log.widest.get(n) ?? 0, z - a));
      return s.range(n, a, z);
    },
  };
  return { log, source };
};

const query = { validAt: "2022-12-31" };

describe("reopening a persisted index reads it lazily (issue #12)", () => {
  it("opening reads the headers only; an unscoped query reads whole-ledger columns only", () => {
    expect(events.length).toBeGreaterThan(0);
    const { log, source } = openCounting(bytes);
    const index = ProjectionIndex.fromImage(source, noSource);
    // The headers: the fixed part, the JSON header and the block checksums; no array.
    expect(log.names.size).toBe(0);
    expect(log.bytes).toBeLessThan(bytes.length);
    assertSameResult(snapshot(index, query), snapshot(built, query), "reopened lazily");
    const read = [...log.names];
    expect(read.some((n) => n.startsWith("ledger."))).toBe(true);
    expect(
      read.filter((n) => n.startsWith("detail.") || n.startsWith("province.") || n.startsWith("stream")),
    ).toEqual([]);
  });

  it("a province query reads province-level columns, not the full detail", () => {
    const { log, source } = openCounting(bytes);
    const index = ProjectionIndex.fromImage(source, noSource);
    const q = { validAt: "2022-12-31", scope: { province: "60" } };
    assertSameResult(snapshot(index, q), snapshot(built, q), "reopened lazily, province");
    const read = [...log.names];
    expect(read.some((n) => n.startsWith("province."))).toBe(true);
    expect(read.filter((n) => n.startsWith("detail.") || n.startsWith("stream"))).toEqual([]);
  });

  it("a query reads its columns' entries of the per-column tables (start, maxRec, sumStart), never a table whole", () => {
    const { log, source } = openCounting(bytes);
    const index = ProjectionIndex.fromImage(source, noSource);
    const q = { validAt: "2022-12-31", knownAt: "2022-06-30T00:00:00.000Z", scope: { province: "60" } };
    assertSameResult(snapshot(index, q), snapshot(built, q), "reopened lazily, province, known earlier");
    const tables = [...log.widest].filter(([n]) => /\.\d+\.(start|maxRec|sumStart)$/.test(n));
    expect(tables.length).toBeGreaterThan(0);
    // Two entries at most a read: a column's range (start, sumStart) or its maxRec.
    expect(tables.filter(([, widest]) => widest > 2)).toEqual([]);
  });

  it("the whole-ledger columns read ahead (prepareColumn, a server warming while idle): a query at an earlier knowledge instant then reads nothing, and answers the same", () => {
    const { log, source } = openCounting(bytes);
    const index = ProjectionIndex.fromImage(source, noSource);
    expect(index.persistedColumns("ledger")).toBeGreaterThan(0);
    for (let c = 0; c < index.persistedColumns("ledger"); c++) index.prepareColumn("ledger", c);
    log.names.clear();
    for (const knownAt of ["2021-06-30T00:00:00.000Z", "2022-03-31T00:00:00.000Z"]) {
      const q = { validAt: "2022-12-31", knownAt };
      assertSameResult(snapshot(index, q), snapshot(built, q), `read ahead, known at ${knownAt}`);
    }
    // Only which columns each series has is read now (colKey, colCell), none of their deltas or sums.
    expect([...log.names].filter((n) => n.startsWith("ledger.0."))).toEqual([]);
  });

  it("an extension reads the positions of the streams it feeds, never the whole positions table, and answers as the index built in one go", () => {
    const cut = Math.floor(events.length * 0.9);
    const head = events.slice(0, cut);
    const chunks = encodeIndexImage(buildIndex(head).toImage(), null);
    const b = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      b.set(c, at);
      at += c.length;
    }
    const { log, source } = openCounting(b);
    const fed = new Set(events.slice(cut).map((e) => e.streamId));
    const index = ProjectionIndex.fromImage(source, { eventsAt: (ps) => ps.map((p) => events[p]!) });
    index.addAll(events.slice(cut));
    assertSameResult(snapshot(index, query), snapshot(built, query), "extended lazily");
    expect(log.names.has("streamPositions")).toBe(true);
    // Each read is one stream's positions: never the table whole (an entry per stream fed at most).
    expect(log.widest.get("streamPositions")).toBeLessThan(Number.POSITIVE_INFINITY);
    expect(fed.size).toBeLessThan(index.toImage().strings.streamIds.length);
  });

  it("a damaged block is found when it is read (IndexImageDamaged), never answered from", () => {
    const { source: clean } = openCounting(bytes);
    const all = ProjectionIndex.fromImage(clean, noSource);
    all.toImage(); // reads everything: the clean file passes
    // Damage the last byte of the data area (inside the last block, after the headers).
    const damaged = bytes.slice();
    const k = damaged.length - 1;
    damaged[k] = (damaged[k] as number) ^ 0x5a;
    const opened = openIndexImage((p, n) => damaged.slice(p, p + n), damaged.length);
    // The headers are intact: it opens; the damage shows when the block holding it is read.
    expect(E.isRight(opened)).toBe(true);
    if (E.isLeft(opened)) return;
    const index = ProjectionIndex.fromImage(opened.right.source, noSource);
    expect(() => index.toImage()).toThrow(IndexImageDamaged);
  });

  it("a reader that reads into the decoder's scratch buffer (as the CLI's file reader does) answers as one that returns fresh arrays, and still finds a damaged block", () => {
    // Reads into `into` when given, as `readAt` does: the decoder reuses that buffer read after read.
    const intoReader =
      (b: Uint8Array) =>
      (p: number, n: number, into?: Uint8Array): Uint8Array => {
        const bytesRead = b.subarray(p, p + n);
        if (into === undefined) return bytesRead.slice();
        into.set(bytesRead);
        return into.subarray(0, bytesRead.length);
      };
    const opened = openIndexImage(intoReader(bytes), bytes.length);
    if (E.isLeft(opened)) throw new Error(opened.left.message);
    const index = ProjectionIndex.fromImage(opened.right.source, noSource);
    assertSameResult(snapshot(index, query), snapshot(built, query), "read into the scratch buffer");
    expect(Buffer.concat(encodeIndexImage(index.toImage(), null)).equals(Buffer.from(bytes))).toBe(true);
    const damaged = bytes.slice();
    const k = damaged.length - 1;
    damaged[k] = (damaged[k] as number) ^ 0x5a;
    const bad = openIndexImage(intoReader(damaged), damaged.length);
    if (E.isLeft(bad)) throw new Error(bad.left.message);
    expect(() => ProjectionIndex.fromImage(bad.right.source, noSource).toImage()).toThrow(IndexImageDamaged);
  });
});
