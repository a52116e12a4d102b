import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateLedger } from "@coop-ledger/generator";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { writeLedger } from "./engine/write-ledger.js";
import { makeProgress } from "./progress.js";
import { REPO_ROOT } from "./test-support/run-bin.js";

const sha256 = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

// The committed ledger was generated with the GSO district list now shipped in @coop-ledger/domain.
const NAME = "regenerating with the same preset and seed (shipped district list) gives the same bytes";

describe("the bundled sample ledger", () => {
  it(NAME, async () => {
    const committed = join(REPO_ROOT, "examples/sample-ledgers/province-60.jsonl");
    const out = join(mkdtempSync(join(tmpdir(), "sample-")), "province-60.jsonl");
    const r = await writeLedger(
      out,
      generateLedger({ preset: "province", seed: 60 }),
      makeProgress({ write: () => {}, enabled: false, now: () => 0 }, "gen"),
    );
    expect(E.isRight(r)).toBe(true);
    expect(sha256(out)).toBe(sha256(committed));
  });
});
