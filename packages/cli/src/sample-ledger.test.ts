import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateLedger } from "@coop-ledger/generator";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { writeLedger } from "./engine/write-ledger.js";
import { makeProgress } from "./progress.js";
import { TEST_GEO_DIR, testDistricts } from "./test-support/geo-dir.js";
import { REPO_ROOT } from "./test-support/run-bin.js";

const sha256 = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

// The committed ledger was generated with the GSO district list, which is reference data read at run
// time (never copied into the project): without it the bytes differ, so the test cannot run.
const districts = testDistricts();
const NAME = "regenerating with the same preset, seed and district list gives the same bytes";
if (districts === undefined)
  console.warn(
    `SKIPPED "the bundled sample ledger > ${NAME}": no district gazetteer in ${TEST_GEO_DIR} (set COOP_LEDGER_GEO_DIR)`,
  );

describe("the bundled sample ledger", () => {
  it.skipIf(districts === undefined)(NAME, async () => {
    const committed = join(REPO_ROOT, "examples/sample-ledgers/province-60.jsonl");
    const out = join(mkdtempSync(join(tmpdir(), "sample-")), "province-60.jsonl");
    const r = await writeLedger(
      out,
      generateLedger({ preset: "province", seed: 60, ...(districts ? { districts } : {}) }),
      makeProgress({ write: () => {}, enabled: false, now: () => 0 }, "gen"),
    );
    expect(E.isRight(r)).toBe(true);
    expect(sha256(out)).toBe(sha256(committed));
  });
});
