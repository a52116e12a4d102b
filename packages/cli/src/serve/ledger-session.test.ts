import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { LoadedLedger } from "../engine/load-ledger.js";
import { quietContext } from "../test-support/quiet-context.js";
import { REPO_ROOT } from "../test-support/run-bin.js";
import { openLedgerSession } from "./ledger-session.js";

const ctx = () => quietContext();
const right = (r: E.Either<unknown, LoadedLedger>): LoadedLedger => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
  return r.right;
};

describe("a ledger kept open for the web view", () => {
  const sample = join(REPO_ROOT, "examples/sample-ledgers/province-60.jsonl");

  it("reopens the persisted index on a restart, keeps the open ledger while the file is unchanged, and extends it when the ledger grows", async () => {
    const dir = mkdtempSync(join(tmpdir(), "coop-session-"));
    const path = join(dir, "l.jsonl");
    const lines = readFileSync(sample, "utf8").split("\n");
    // A prefix of a hash-chained ledger is a valid ledger: the header and the first 5,000 events.
    writeFileSync(path, `${lines.slice(0, 5001).join("\n")}\n`);

    const first = right(await right2(openLedgerSession(ctx(), path, { verify: true, reindex: false })));
    expect(first.indexOrigin).toBe("built");
    expect(first.events).toBe(5000);

    const session = await openLedgerSession(ctx(), path, { verify: true, reindex: false });
    if (E.isLeft(session)) throw new Error(session.left.message);
    const restarted = right(await session.right.current());
    expect(restarted.indexOrigin).toBe("reopened");
    expect(right(await session.right.current())).toBe(restarted);
    expect(session.right.opens()).toBe(1);

    copyFileSync(sample, path);
    const grown = right(await session.right.current());
    expect(grown.indexOrigin).toBe("extended");
    expect(grown.events).toBe(lines.filter((l) => l !== "").length - 1);
    expect(grown.identity.lastHash).not.toBe(restarted.identity.lastHash);
    expect(session.right.opens()).toBe(2);
  });
});

/** The ledger of a freshly opened session. */
const right2 = async (s: ReturnType<typeof openLedgerSession>): Promise<E.Either<unknown, LoadedLedger>> => {
  const r = await s;
  return E.isLeft(r) ? r : r.right.current();
};
