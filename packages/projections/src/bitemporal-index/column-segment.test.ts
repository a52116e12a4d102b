import { describe, expect, it } from "vitest";
import { ColumnSegment, entriesOf } from "./column-segment.js";
import { SEGMENT_FIELDS } from "./index-image.js";

describe("a built column segment (issue #12, the first build's peak)", () => {
  it("hands the image its own typed arrays, not a second copy of the laid-out columns", () => {
    // 20 deltas in one column (summarised: more than SCAN_BELOW), 3 in another, one recorded out of order.
    const columns = [...Array(20).fill(0), 1, 1, 1];
    const days = columns.map((_, i) => 19_000 + (i % 7));
    const recs = columns.map((_, i) => (i === 21 ? 5 : 1_000 + i));
    const amounts = columns.map((_, i) => (i % 3) - 1);
    const seg = ColumnSegment.build(entriesOf({ columns, days, recs, amounts }), 2);
    const a = seg.parts();
    const b = seg.parts();
    for (const f of SEGMENT_FIELDS) expect(a[f], f).toBe(b[f]);
    expect(ColumnSegment.fromParts(a).sumAt(1, 19_010, Number.POSITIVE_INFINITY)).toBe(
      seg.sumAt(1, 19_010, Number.POSITIVE_INFINITY),
    );
  });
});
