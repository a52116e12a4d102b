import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { verifyIntegrity } from "./chain-integrity.js";
import { useSampleLedger } from "./test-support/sample-ledger-fixture.js";
import { applyForgery } from "./test-support/tamper-edits.js";
import { verifyLedger } from "./verify-ledger.js";

// The parallel check finds an anchored line by reading its range again (it keeps no offset a line):
// at a range's first line, in its middle, at its last, in any range, the anchor is checked where the
// sequential walk checks it.
describe("an anchor at any event, right or wrong, however the ledger is split", () => {
  const sample = useSampleLedger();

  it("gives the sequential walk's verdict", async () => {
    const { info } = sample;
    const hashes = sample.lines.slice(1).map((l) => (JSON.parse(l) as { hash: string }).hash);
    const anchors = hashes.flatMap((h, k) => [
      { events: k + 1, lastHash: h },
      { events: k + 1, lastHash: "0".repeat(64) },
    ]);
    anchors.push({ events: hashes.length + 1, lastHash: info.lastHash });
    let mismatches = 0;
    for (const anchor of anchors) {
      const seq = await verifyLedger(info.path, { decodeEvents: false, collectInvalid: 0, anchor })();
      const want = E.isLeft(seq) ? seq : E.right(seq.right.lastHash);
      if (E.isLeft(seq) && seq.left._tag === "AnchorMismatch") mismatches++;
      for (const [workers, rangeBytes] of [
        [0, 1 << 20],
        [2, 1],
        [2, 300],
        [3, 1000],
      ] as const) {
        const r = await verifyIntegrity(info.path, { anchor, workers, rangeBytes })();
        expect(E.isLeft(r) ? r : E.right(r.right.lastHash)).toEqual(want);
      }
    }
    expect(mismatches).toBe(hashes.length);
  }, 60_000);

  // The sequential walk checks a line's id before its anchor: a forged line that both repeats an id and
  // breaks the anchor is a repeated id (CI found the parallel check naming the anchor, seed -1035210255).
  it("a repeated id at the anchored line is named before the anchor", async () => {
    const { info, lines } = sample;
    const anchor = { events: info.events, lastHash: info.lastHash };
    for (let line = 3; line <= lines.length; line++) {
      const path = join(sample.dir, `repeat-at-${line}.jsonl`);
      await writeFile(
        path,
        applyForgery(lines, { kind: "forge", line, change: "eventIdOfLine2" })
          .map((l) => `${l}\n`)
          .join(""),
      );
      const at = { events: line - 1, lastHash: anchor.lastHash };
      const seq = await verifyLedger(path, { decodeEvents: false, collectInvalid: 0, anchor: at })();
      expect(E.isLeft(seq) && seq.left._tag).toBe("DuplicateEventId");
      for (const [workers, rangeBytes] of [
        [0, 1 << 20],
        [2, 1],
        [2, 300],
      ] as const)
        expect(await verifyIntegrity(path, { anchor: at, workers, rangeBytes })()).toEqual(seq);
    }
  }, 60_000);
});
