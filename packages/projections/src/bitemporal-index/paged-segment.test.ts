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
});
