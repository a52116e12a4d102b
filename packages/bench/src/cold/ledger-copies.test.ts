import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openFileLedger, verifyIntegrity } from "@coop-ledger/store";
import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
import { afterAll, describe, expect, it } from "vitest";
import { cutCopy, reframedHead } from "./ledger-copies.js";

const dir = mkdtempSync(join(tmpdir(), "ledger-copies-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A ledger of two appends: 4 events of stream a, then 7 of stream b. */
const twoAppends = async (name: string): Promise<string> => {
  const path = join(dir, name);
  const opened = await openFileLedger(path)();
  if (opened._tag === "Left") throw new Error(opened.left.message);
  const l = opened.right;
  await l.append(fixtureEvent("a", 0).streamId, fixtureBatch("a", 4), { expectedRevision: "noStream" })();
  await l.append(fixtureEvent("b", 0).streamId, fixtureBatch("b", 7), { expectedRevision: "noStream" })();
  await l.close();
  return path;
};

const batchRemaining = (text: string): number[] =>
  text
    .split("\n")
    .filter((x) => x.includes('"batchRemaining"'))
    .map((x) => Number(/"batchRemaining":(\d+),/.exec(x)?.[1]));

describe("the bench's append copies", () => {
  it("a cut copy plus its tail's first n events re-framed as one append is a valid ledger of n more events", async () => {
    const path = await twoAppends("whole.jsonl");
    const copy = join(dir, "cut.jsonl");
    const { tail, events, lastHash } = cutCopy(path, 2, copy);
    expect(events).toBe(7); // the last append, whole
    const head = reframedHead(tail, 3, lastHash);
    expect(batchRemaining(head.toString())).toEqual([2, 1, 0]);
    appendFileSync(copy, head);
    const r = await verifyIntegrity(copy, { workers: 0 })();
    expect(r._tag === "Right" ? r.right.events : r.left).toBe(4 + 3);
    // Only the frame changed: each line's content after batchRemaining is the original line's.
    const strip = (l: string) => l.replace(/^\{"hash":"[0-9a-f]{64}","batchRemaining":\d+,/, "");
    expect(head.toString().split("\n").slice(0, 3).map(strip)).toEqual(
      tail.toString().split("\n").slice(0, 3).map(strip),
    );
  });

  it("a re-framed head chained from the wrong hash is a broken ledger", async () => {
    const path = await twoAppends("wrong.jsonl");
    const copy = join(dir, "cut-wrong.jsonl");
    const { tail } = cutCopy(path, 2, copy);
    appendFileSync(copy, reframedHead(tail, 3, "0".repeat(64)));
    const r = await verifyIntegrity(copy, { workers: 0 })();
    expect(r._tag).toBe("Left");
  });

  it("asks for no more lines than the tail holds", async () => {
    const path = await twoAppends("short.jsonl");
    const { tail, lastHash } = cutCopy(path, 2, join(dir, "cut-short.jsonl"));
    expect(() => reframedHead(tail, 8, lastHash)).toThrow(/fewer than 8/);
    expect(readFileSync(path).length).toBeGreaterThan(0);
  });
});
