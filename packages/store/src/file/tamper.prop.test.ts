import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanChain } from "./chain-scan.js";
import type { LedgerInfo } from "./file-ledger.js";
import { writeSampleLedger } from "./test-support/sample-ledger.js";
import { applyEdit, editArbitrary } from "./test-support/tamper-edits.js";
import { tempDir } from "./test-support/temp-dir.js";
import { verifyLedger } from "./verify-ledger.js";

describe("hash chain tamper detection", () => {
  let dir: { dir: string; remove: () => Promise<void> };
  let info: LedgerInfo;
  let lines: string[];
  beforeAll(async () => {
    dir = await tempDir();
    info = await writeSampleLedger(dir.dir);
    lines = (await readFile(info.path, "utf8")).split("\n").slice(0, -1);
  });
  afterAll(() => dir.remove());

  it("the untouched sample verifies against its own anchor", async () => {
    const r = await verifyLedger(info.path, { anchor: { events: info.events, lastHash: info.lastHash } })();
    expect(r).toEqual(E.right(expect.objectContaining({ events: 13 - 1, lastHash: info.lastHash })));
  });

  it("the raw pass agrees with verify on an intact ledger: events, last hash, line offsets", async () => {
    const r = await scanChain(info.path, { offsets: true, hashAfter: info.events })();
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect({ events: r.right.events, lastHash: r.right.lastHash, at: r.right.hashAfter }).toEqual({
      events: info.events,
      lastHash: info.lastHash,
      at: info.lastHash,
    });
    const file = await readFile(info.path);
    const offsets = [...(r.right.offsets ?? [])];
    expect(offsets.map((o) => JSON.parse(file.subarray(o, file.indexOf(10, o)).toString()).position)).toEqual(
      offsets.map((_, i) => i),
    );
  });

  it("law 7: any changed, removed, inserted, reordered or duplicated line makes verify name the first bad line", async () => {
    const n = 13; // header + 12 events
    const edit = editArbitrary(n);
    let k = 0;
    await fc.assert(
      fc.asyncProperty(edit, async (e) => {
        const { lines: edited, bytes, firstBad } = applyEdit(lines, e);
        const path = join(dir.dir, `edited-${k++}.jsonl`);
        await writeFile(path, bytes ?? edited.map((l) => `${l}\n`).join(""));
        const r = await verifyLedger(path, { anchor: { events: info.events, lastHash: info.lastHash } })();
        expect(E.isLeft(r)).toBe(true);
        if (E.isLeft(r)) {
          // An append cut short is reported from its first line (where a repair would cut); the line
          // after its present lines is the first missing one.
          const named = r.left._tag === "IncompleteAppend" ? r.left.line + r.left.lines : r.left.line;
          expect({ named, tag: r.left._tag }).toEqual({ named: firstBad, tag: r.left._tag });
        }
        // The raw pass (integrity only, no JSON): it names the same first bad line, or the file no longer
        // holds the anchored state (lines removed from the end, or a sequence edit that kept every link:
        // only the anchor or the validity checks can see those).
        const raw = await scanChain(path, { hashAfter: info.events })();
        if (E.isLeft(raw)) {
          const named = raw.left.line;
          expect(named === firstBad, `${raw.left._tag} at ${named}, expected ${firstBad}`).toBe(true);
        } else {
          expect(raw.right.hashAfter !== info.lastHash || raw.right.events !== info.events).toBe(true);
        }
      }),
      { numRuns: Number(process.env.COOP_LEDGER_TAMPER_RUNS ?? 200) },
    );
  });
});
