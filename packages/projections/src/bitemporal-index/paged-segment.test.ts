import { describe, expect, it } from "vitest";
import { ColumnSegment, entriesOf, type SegmentParts } from "./column-segment.js";
import { PagedSegment, type SegmentReader } from "./paged-segment.js";

/** 40 columns of 1–40 deltas each (short ones scanned, long ones summarised), recorded in order. */
const built = (): ColumnSegment => {
  const columns: number[] = [];
  const days: number[] = [];
  const recs: number[] = [];
  const amounts: number[] = [];
  for (let c = 0; c < 40; c++)
    for (let i = 0; i <= c; i++) {
      columns.push(c);
      days.push(19_000 + ((i * 7 + c) % 30));
      recs.push(1_000 * i + c);
      amounts.push(((i + c) % 5) - 1);
    }
  return ColumnSegment.build(entriesOf({ columns, days, recs, amounts }), 40, 4);
};

/** A reader over the segment's arrays that counts the reads per column and the whole-array reads. */
const reader = (p: SegmentParts) => {
  const reads = { ranged: 0, whole: 0 };
  const read: SegmentReader = (field, from, to) => {
    const a = p[field];
    if (from === 0 && to >= a.length) reads.whole++;
    else reads.ranged++;
    return a.slice(from, Math.min(to, a.length));
  };
  return { read, reads };
};

describe("PagedSegment", () => {
  it("answers as the segment it pages, and reads the segment whole once many columns were asked (a sector scope at full detail)", () => {
    const seg = built();
    const { read, reads } = reader(seg.parts());
    const paged = new PagedSegment(40, 4, read, 8);
    for (const [day, rec] of [
      [19_029, Number.POSITIVE_INFINITY],
      [19_010, 5_000],
      [19_020, 20_500],
    ] as const)
      for (let c = 0; c < 40; c++) expect(paged.sumAt(c, day, rec)).toBe(seg.sumAt(c, day, rec));
    // Eight columns paged one by one (at most eight reads each), then the eight arrays read whole.
    expect(reads.ranged).toBeLessThanOrEqual(8 * 8);
    expect(reads.whole).toBe(8);
  });

  it("pages a few columns one by one, without reading the segment whole", () => {
    const seg = built();
    const { read, reads } = reader(seg.parts());
    const paged = new PagedSegment(40, 4, read, 8);
    for (let c = 0; c < 8; c++) expect(paged.sumAt(c, 19_029, 30_000)).toBe(seg.sumAt(c, 19_029, 30_000));
    expect(reads.whole).toBe(0);
  });

  it("scans a column asked once at an earlier instant from four reads (its start, days, recordings, amounts), lays it out when asked again, and answers as the segment each time", () => {
    const seg = built();
    const p = seg.parts();
    const fields: string[] = [];
    const read: SegmentReader = (field, from, to) => {
      fields.push(field);
      return p[field].slice(from, Math.min(to, p[field].length));
    };
    const paged = new PagedSegment(40, 4, read, 100);
    for (let c = 0; c < 40; c++) {
      fields.length = 0;
      expect(paged.sumAt(c, 19_015, 1_000 * (c % 7) + c)).toBe(seg.sumAt(c, 19_015, 1_000 * (c % 7) + c));
      expect(fields).toEqual(["start", "days", "recs", "amounts"]);
    }
    for (const [day, rec] of [
      [19_020, 20_500],
      [19_029, 3_500],
      [19_005, Number.POSITIVE_INFINITY],
      [19_029, 40_000],
    ] as const)
      for (let c = 0; c < 40; c++) expect(paged.sumAt(c, day, rec)).toBe(seg.sumAt(c, day, rec));
  });

  it("reads itself whole ahead in slices (a server while idle): then answers from memory, as read whole, with no read per column", () => {
    const seg = built();
    const { read, reads } = reader(seg.parts());
    const paged = new PagedSegment(40, 4, read, 8);
    let steps = 0;
    for (const _ of paged.readAhead(16)) steps++;
    expect(steps).toBeGreaterThan(8); // slices of 16 elements, none of the arrays read whole
    expect(reads.whole).toBe(0);
    const ranged = reads.ranged;
    for (const [day, rec] of [
      [19_029, Number.POSITIVE_INFINITY],
      [19_010, 5_000],
    ] as const)
      for (let c = 0; c < 40; c++) expect(paged.sumAt(c, day, rec)).toBe(seg.sumAt(c, day, rec));
    expect(reads.ranged).toBe(ranged);
    expect(reads.whole).toBe(0);
  });

  it("a query that needs the segment whole while it is being read ahead finishes the read ahead, and reads nothing twice", () => {
    const seg = built();
    const { read, reads } = reader(seg.parts());
    const paged = new PagedSegment(40, 4, read, 8);
    const ahead = paged.readAhead(16);
    for (let i = 0; i < 5; i++) ahead.next(); // a few turns of an idle server
    for (let c = 0; c < 40; c++) expect(paged.sumAt(c, 19_020, 20_500)).toBe(seg.sumAt(c, 19_020, 20_500));
    expect(reads.whole).toBe(0);
    expect(ahead.next().done).toBe(true);
  });

  it("a damaged array met while reading ahead throws, and the query that reads it whole then reports it too", () => {
    const seg = built();
    const { read } = reader(seg.parts());
    const damaged: SegmentReader = (field, from, to) => {
      if (field === "recs" && to > 100) throw new Error("block 3 does not match its checksum");
      return read(field, from, to);
    };
    const paged = new PagedSegment(40, 4, damaged, 8);
    expect(() => {
      for (const _ of paged.readAhead(16));
    }).toThrow(/checksum/);
    expect(() => {
      for (let c = 0; c < 40; c++) paged.sumAt(c, 19_029, Number.POSITIVE_INFINITY);
    }).toThrow(/checksum/);
  });
});
