import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { verifyIntegrity } from "./chain-integrity.js";
import { useSampleLedger } from "./test-support/sample-ledger-fixture.js";
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
});
