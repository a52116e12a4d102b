import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureBatch, fixtureEvent } from "../contract/fixtures.js";
import { verifyIntegrity } from "./chain-integrity.js";
import { type LedgerInfo, openFileLedger } from "./file-ledger.js";
import { applyForgery } from "./test-support/tamper-edits.js";
import { tempDir } from "./test-support/temp-dir.js";

// The range check interns each line's stream by its bytes in a table that grows (1,024 slots, 512
// names to start with), and the join reserves its id set from the first range's bytes per line. A
// ledger with more streams than that, checked whole and in small ranges on worker threads: an intern
// that merged two streams, split one, or a join that skipped a line or a range would change the
// counts or miss the forged lines below.

const STREAMS = 1500;

/**
 * The table keeps a name's first 20 bytes in its slot and compares the rest elsewhere: names of 11 to
 * 14 bytes (differing in their last, partial word), of exactly 20, and of 45 to 48 sharing their first
 * 42 bytes.
 */
const coopOf = (k: number): string =>
  k % 3 === 0
    ? `s${k}`
    : k % 3 === 1
      ? `p${String(k).padStart(10, "0")}`
      : `shared.prefix.longer.than.twenty-${k}`;

/** 1,500 streams of 2 events each: two appends of one event per stream, all streams interleaved. */
const writeManyStreams = async (dir: string): Promise<LedgerInfo> => {
  const opened = await openFileLedger(join(dir, "many.jsonl"), {
    now: () => new Date("2026-01-01T00:00:00.000Z"),
  })();
  if (E.isLeft(opened)) throw new Error(opened.left.message);
  const l = opened.right;
  for (let round = 0; round < 2; round++) {
    const items = Array.from({ length: STREAMS }, (_, k) => ({
      streamId: fixtureEvent(coopOf(k), 0).streamId,
      events: fixtureBatch(coopOf(k), 1, round),
      expectedRevision: round === 0 ? ("noStream" as const) : ("any" as const),
    }));
    const r = await l.appendBatch(items)();
    if (E.isLeft(r)) throw new Error(r.left.message);
  }
  const info = l.info();
  await l.close();
  return info;
};

const splits = [
  { workers: 0, rangeBytes: 1 << 30 },
  { workers: 2, rangeBytes: 64 * 1024 },
  { workers: 2, rangeBytes: 4096 },
] as const;

describe("integrity with many streams, whole and in ranges", () => {
  let dir: { dir: string; remove: () => Promise<void> };
  let info: LedgerInfo;
  let lines: string[];
  beforeAll(async () => {
    dir = await tempDir();
    info = await writeManyStreams(dir.dir);
    lines = (await readFile(info.path, "utf8")).split("\n").slice(0, -1);
  });
  afterAll(() => dir.remove());

  it("an intact ledger: every event and every stream counted, the last hash the writer's", async () => {
    expect(info.events).toBe(2 * STREAMS);
    for (const s of splits) {
      const r = await verifyIntegrity(info.path, s)();
      expect(r._tag, JSON.stringify(s)).toBe("Right");
      if (E.isRight(r)) {
        expect(r.right.events).toBe(2 * STREAMS);
        expect(r.right.streams).toBe(STREAMS);
        expect(r.right.lastHash).toBe(info.lastHash);
      }
    }
  });

  it("a forged revision, duplicate id or stream name is named at its line, in any range", async () => {
    const cases = [
      // The last line of the file (the last range), one in the middle, the first event line.
      { line: lines.length, change: "revision", tag: "OutOfSequence" },
      { line: STREAMS + 1 + 700, change: "revision", tag: "OutOfSequence" },
      { line: lines.length, change: "eventIdOfLine2", tag: "DuplicateEventId" },
      { line: STREAMS + 1 + 300, change: "eventIdOfLine2", tag: "DuplicateEventId" },
      { line: 2 + 999, change: "streamId", tag: "OutOfSequence" },
    ] as const;
    for (const c of cases) {
      const forged = applyForgery(lines, { kind: "forge", line: c.line, change: c.change });
      const path = join(dir.dir, `forged-${c.line}-${c.change}.jsonl`);
      await writeFile(path, `${forged.join("\n")}\n`);
      for (const s of splits) {
        const r = await verifyIntegrity(path, s)();
        expect(r._tag, `${JSON.stringify(c)} ${JSON.stringify(s)}`).toBe("Left");
        if (E.isLeft(r)) {
          expect(r.left._tag, `${JSON.stringify(c)} ${JSON.stringify(s)}`).toBe(c.tag);
          expect(r.left.line, `${JSON.stringify(c)} ${JSON.stringify(s)}`).toBe(c.line);
        }
      }
    }
  });
});
