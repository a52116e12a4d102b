import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { historyArb } from "../test-support/arbitraries.js";
import { imageColumns, imageColumnsOf } from "./image-columns.js";
import { IMAGE_LEVELS, imageSourceOf } from "./index-image.js";
import { buildIndex } from "./projection-index.js";

describe("one series' persisted columns at a level (imageColumnsOf, issue #12)", () => {
  it("are the level's columns of that series in column order, whether the level is scanned (its first series) or grouped (those after)", () => {
    fc.assert(
      fc.property(historyArb, (events) => {
        const img = imageSourceOf(buildIndex(events).toImage());
        for (const level of IMAGE_LEVELS) {
          const all = imageColumns(img, level);
          // More series than are scanned, and a series with no column, in both orders of asking.
          const keys = [...all.keys(), -1];
          if (level === "province") keys.reverse();
          for (const key of keys) expect(imageColumnsOf(img, level, key)).toEqual(all.get(key) ?? []);
        }
      }),
      { numRuns: 25, seed: 12 },
    );
  });
});
