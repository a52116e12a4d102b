import { appendFile, link, readFile, rename, stat, symlink, truncate, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { afterEach, describe, expect, it } from "vitest";
import { fixtureBatch, fixtureEvent } from "../contract/fixtures.js";
import { type FileLedger, openFileLedger } from "./file-ledger.js";
import { ledgerLockDir } from "./ledger-lock.js";
import { tempDir } from "./test-support/temp-dir.js";
import { verifyLedger } from "./verify-ledger.js";

// Probes of the auditor's issue #13, rebuilt as tests: a second writer through another path to the same
// file, and a file truncated or replaced underneath a running writer.

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const setup = async (): Promise<{ dir: string; path: string; a: FileLedger }> => {
  const t = await tempDir();
  cleanups.push(t.remove);
  const path = join(t.dir, "ledger.jsonl");
  const a = await openFileLedger(path)();
  if (E.isLeft(a)) throw new Error(a.left.message);
  cleanups.push(() => a.right.close());
  const r = await a.right.append(fixtureEvent("a", 0).streamId, fixtureBatch("a", 2), {
    expectedRevision: "noStream",
  })();
  if (E.isLeft(r)) throw new Error(r.left.message);
  return { dir: t.dir, path, a: a.right };
};

const appendOne = (l: FileLedger, coop: string, revision: number) =>
  l.append(fixtureEvent(coop, 0).streamId, fixtureBatch(coop, 1, revision), {
    expectedRevision: revision === 0 ? "noStream" : revision - 1,
  })();

describe("one writer per file, whatever the path", () => {
  it("a hard link to a ledger that has a writer cannot get a second writer", async () => {
    const { dir, path } = await setup();
    const other = join(dir, "same-file.jsonl");
    await link(path, other);
    const b = await openFileLedger(other)();
    if (E.isRight(b)) await b.right.close();
    expect(b).toEqual(E.left(expect.objectContaining({ _tag: "LedgerLocked" })));
    expect(E.isLeft(b) && b.left.message).toContain("hard link or symlink");
  });

  it("a symlink to a ledger that has a writer cannot get a second writer", async () => {
    const { dir, path } = await setup();
    const other = join(dir, "alias.jsonl");
    await symlink(path, other);
    const b = await openFileLedger(other)();
    if (E.isRight(b)) await b.right.close();
    expect(b).toEqual(E.left(expect.objectContaining({ _tag: "LedgerLocked" })));
  });

  it("after the writer closes, the other path can write, and the ledger verifies", async () => {
    const { dir, path, a } = await setup();
    const other = join(dir, "same-file.jsonl");
    await link(path, other);
    await a.close();
    const b = await openFileLedger(other)();
    if (E.isLeft(b)) throw new Error(b.left.message);
    expect(E.isRight(await appendOne(b.right, "b", 0))).toBe(true);
    await b.right.close();
    expect(E.isRight(await verifyLedger(path)())).toBe(true);
  });

  it("an identity lock left by a dead process is stale and taken over", async () => {
    const t = await tempDir();
    cleanups.push(t.remove);
    const path = join(t.dir, "ledger.jsonl");
    const first = await openFileLedger(path)();
    if (E.isLeft(first)) throw new Error(first.left.message);
    await first.right.close();
    const st = await stat(path);
    const lockFile = join(ledgerLockDir(), `${st.dev}-${st.ino}.lock`);
    await writeFile(
      lockFile,
      JSON.stringify({ pid: 4194305, host: hostname(), since: "2026-01-01T00:00:00.000Z" }),
    );
    const again = await openFileLedger(path)();
    if (E.isLeft(again)) throw new Error(again.left.message);
    expect(JSON.parse(await readFile(lockFile, "utf8")).pid).toBe(process.pid);
    await again.right.close();
  });
});

describe("a file changed underneath its writer", () => {
  it("truncated: the next append is refused with LedgerChanged, nothing is written, health says so", async () => {
    const { path, a } = await setup();
    const size = (await stat(path)).size;
    await truncate(path, size - 10);
    const r = await appendOne(a, "b", 0);
    expect(r).toEqual(E.left(expect.objectContaining({ _tag: "LedgerChanged", change: "truncated" })));
    expect((await stat(path)).size).toBe(size - 10); // no write at the old offset: no NUL hole
    expect(await a.health()).toEqual(E.left(expect.objectContaining({ _tag: "LedgerChanged" })));
    // And it stays refused: the writer does not recover by itself.
    expect(E.isLeft(await appendOne(a, "c", 0))).toBe(true);
  });

  it("replaced (renamed over): the next append is refused, the new file is left as it is", async () => {
    const { dir, path, a } = await setup();
    const before = await readFile(path);
    await writeFile(join(dir, "new.jsonl"), before);
    await rename(join(dir, "new.jsonl"), path);
    expect(await a.health()).toEqual(
      E.left(expect.objectContaining({ _tag: "LedgerChanged", change: "replaced" })),
    );
    expect(await appendOne(a, "b", 0)).toEqual(E.left(expect.objectContaining({ _tag: "LedgerChanged" })));
    expect((await readFile(path)).equals(before)).toBe(true);
  });

  it("grown by another program: refused, the other program's bytes are not overwritten", async () => {
    const { path, a } = await setup();
    await appendFile(path, "not ours\n");
    const size = (await stat(path)).size;
    expect(await appendOne(a, "b", 0)).toEqual(
      E.left(expect.objectContaining({ _tag: "LedgerChanged", change: "grown" })),
    );
    expect((await stat(path)).size).toBe(size);
  });

  it("a healthy writer reports its info", async () => {
    const { a } = await setup();
    expect(await a.health()).toEqual(E.right(expect.objectContaining({ events: 2 })));
  });
});
