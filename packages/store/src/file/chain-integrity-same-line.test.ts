import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { verifyIntegrity } from "./chain-integrity.js";
import { useSampleLedger } from "./test-support/sample-ledger-fixture.js";
import { applyForgery, type Forgery } from "./test-support/tamper-edits.js";
import { verifyLedger } from "./verify-ledger.js";

// The parallel check gathers a line's faults from two places (the range that holds it, and the join
// with the lines before it) and must name the one the sequential walk meets first: at one line, its
// link, content, stream id, id form, position, revision, grouping, then a repeated id, then the
// anchor. The tamper law forges one thing a line; here every pair of forgeries on the same line, with
// the anchor at that line, so that each pair of those checks meets on one line (CI found the anchor
// and a repeated id out of order that way, seed -1035210255).
const changes: ReadonlyArray<Forgery["change"]> = [
  "revision",
  "position",
  "batchRemaining",
  "eventIdOfLine2",
  "eventIdUppercase",
  "streamId",
];

describe("two faults on one line, the anchor at it", () => {
  const sample = useSampleLedger();

  it("the parallel check names the fault the sequential walk names", async () => {
    const { info, lines } = sample;
    let checked = 0;
    // The first event line, lines inside appends and after them, the last (each one spawns workers).
    const at = [2, 3, 5, 6, 9, lines.length];
    for (const line of at)
      for (let a = 0; a < changes.length; a++)
        for (let b = a + 1; b < changes.length; b++) {
          const once = applyForgery(lines, { kind: "forge", line, change: changes[a]! });
          const twice = applyForgery(once, { kind: "forge", line, change: changes[b]! });
          const path = join(sample.dir, `two-at-${line}-${a}-${b}.jsonl`);
          await writeFile(path, twice.map((l) => `${l}\n`).join(""));
          const anchor = { events: line - 1, lastHash: info.lastHash };
          const seq = await verifyLedger(path, { decodeEvents: false, collectInvalid: 0, anchor })();
          // One line a range on two workers (two stream tables), or ranges of a few lines on one (the
          // line first, inside or last in its range).
          const split =
            line % 2 === 0
              ? { workers: 2, rangeBytes: 1 }
              : { workers: 1, rangeBytes: 300 + 97 * a + 13 * b };
          const parallel = await verifyIntegrity(path, { anchor, ...split })();
          expect(parallel, `line ${line}: ${changes[a]} and ${changes[b]}`).toEqual(seq);
          checked++;
        }
    expect(checked).toBe(15 * at.length);
  }, 180_000);
});
