import { readFile, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { afterEach, describe, expect, it } from "vitest";
import { acquireLedgerLock } from "./ledger-lock.js";
import { tempDir } from "./test-support/temp-dir.js";

const dirs: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await d();
});

describe("the writer lock", () => {
  it("a lock left by a dead process on this host is stale and taken over", async () => {
    const t = await tempDir();
    dirs.push(t.remove);
    const ledger = join(t.dir, "l.jsonl");
    // pid 2^22 + 1 is above Linux's pid_max default: no such process.
    await writeFile(
      `${ledger}.lock`,
      JSON.stringify({ pid: 4194305, host: hostname(), since: "2026-01-01T00:00:00.000Z" }),
    );
    const lock = await acquireLedgerLock(ledger);
    expect(E.isRight(lock)).toBe(true);
    expect(JSON.parse(await readFile(`${ledger}.lock`, "utf8")).pid).toBe(process.pid);
    if (E.isRight(lock)) await lock.right.release();
  });

  it("a lock held from another host is respected and named", async () => {
    const t = await tempDir();
    dirs.push(t.remove);
    const ledger = join(t.dir, "l.jsonl");
    await writeFile(
      `${ledger}.lock`,
      JSON.stringify({ pid: 1, host: "other-host", since: "2026-01-01T00:00:00.000Z" }),
    );
    expect(await acquireLedgerLock(ledger)).toEqual(
      E.left(expect.objectContaining({ _tag: "LedgerLocked", holder: "pid 1 on host other-host" })),
    );
  });

  it("release removes only our own lock", async () => {
    const t = await tempDir();
    dirs.push(t.remove);
    const ledger = join(t.dir, "l.jsonl");
    const lock = await acquireLedgerLock(ledger);
    if (E.isLeft(lock)) throw new Error(lock.left.message);
    await writeFile(`${ledger}.lock`, JSON.stringify({ pid: 1, host: "other-host", since: "x" }));
    await lock.right.release();
    expect(JSON.parse(await readFile(`${ledger}.lock`, "utf8")).host).toBe("other-host");
  });
});
