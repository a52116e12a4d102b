import { mkdtempSync, readFileSync } from "node:fs";
import { link, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openFileLedger } from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { hasBin, runBin } from "./test-support/run-bin.js";

describe.skipIf(!hasBin())("generate --force over a ledger that has a writer", () => {
  it("takes the ledger's lock first and refuses (exit 7), leaving the file as it was", async () => {
    const dir = mkdtempSync(join(tmpdir(), "coop-cli-"));
    try {
      const ledger = join(dir, "held.jsonl");
      const alias = join(dir, "alias.jsonl");
      // The writer (a service) holds the ledger through another path: a hard link to the same file.
      const opened = await openFileLedger(ledger)();
      if (E.isLeft(opened)) throw new Error(opened.left.message);
      await opened.right.close();
      await link(ledger, alias);
      const service = await openFileLedger(alias)();
      if (E.isLeft(service)) throw new Error(service.left.message);
      const before = readFileSync(ledger);
      try {
        const r = runBin(["generate", "--preset", "province", "--seed", "7", "--out", ledger, "--force"]);
        expect(r.code, r.stderr).toBe(7);
        expect(r.stderr).toMatch(/open for writing by pid \d+/);
        expect(readFileSync(ledger).equals(before)).toBe(true);
      } finally {
        await service.right.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
