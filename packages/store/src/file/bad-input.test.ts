import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFile, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { afterEach, describe, expect, it } from "vitest";
import { openFileLedger } from "./file-ledger.js";
import { eventLine } from "./ledger-format.js";
import { readLedger, readLedgerHeader } from "./read-ledger.js";
import { repairLedger } from "./repair-ledger.js";
import { writeSampleLedger } from "./test-support/sample-ledger.js";
import { tempDir } from "./test-support/temp-dir.js";
import { verifyLedger } from "./verify-ledger.js";

const sha = async (path: string) =>
  createHash("sha256")
    .update(await readFile(path))
    .digest("hex");
const dirs: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await d();
});
const sample = async () => {
  const t = await tempDir();
  dirs.push(t.remove);
  return { dir: t.dir, info: await writeSampleLedger(t.dir) };
};

/** A well-chained extra line with a given type / schema version, appended after the sample's events. */
const appendCrafted = async (
  path: string,
  lastHash: string,
  position: number,
  type: string,
  schemaVersion: number,
) => {
  const l = eventLine(lastHash, {
    batchRemaining: 0,
    data: { coopId: "htx-z", effectiveDate: "2022-01-01" },
    eventId: "0b5c3c1e-8f2a-5d7e-9a3b-1c2d3e4f5a6b",
    metadata: { recordedAt: "2023-01-15T08:00:00.000Z" },
    position,
    revision: 0,
    schemaVersion,
    streamId: "coop-htx-z",
    type,
  });
  if (E.isLeft(l)) throw new Error(l.left);
  await appendFile(path, `${l.right.line}\n`);
};

const firstIssue = async (path: string) => {
  for await (const r of readLedger(path)) if (E.isLeft(r)) return r.left;
  return undefined;
};

type Case = {
  name: string;
  make: (path: string, info: { lastHash: string; events: number; bytes: number }) => Promise<void>;
  tag: string;
  line: number;
  storeTag: string;
};
const cases: Case[] = [
  {
    name: "truncated mid-line",
    make: async (p, i) => writeFile(p, (await readFile(p)).subarray(0, i.bytes - 10)),
    tag: "IncompleteAppend",
    line: 12,
    storeTag: "CorruptLedger",
  },
  {
    name: "garbage",
    make: (p) => writeFile(p, Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0a, 0x41, 0x0a])),
    tag: "BadHeader",
    line: 1,
    storeTag: "CorruptLedger",
  },
  { name: "empty", make: (p) => writeFile(p, ""), tag: "BadHeader", line: 1, storeTag: "CorruptLedger" },
  {
    name: "wrong header (another format)",
    make: async (p) =>
      writeFile(p, (await readFile(p, "utf8")).replace('"format":"coop-ledger"', '"format":"other-ledger"')),
    tag: "BadHeader",
    line: 1,
    storeTag: "CorruptLedger",
  },
  {
    name: "newer format version",
    make: async (p) =>
      writeFile(p, (await readFile(p, "utf8")).replace('"formatVersion":1', '"formatVersion":2')),
    tag: "UnsupportedFormatVersion",
    line: 1,
    storeTag: "CorruptLedger",
  },
  {
    name: "unknown event type",
    make: (p, i) => appendCrafted(p, i.lastHash, i.events, "CoopTeleported", 1),
    tag: "UndecodableEvent",
    line: 14,
    storeTag: "UndecodableEvent",
  },
  {
    name: "newer schema version",
    make: (p, i) => appendCrafted(p, i.lastHash, i.events, "CoopResumed", 9),
    tag: "UndecodableEvent",
    line: 14,
    storeTag: "UndecodableEvent",
  },
  {
    name: "a line over 1 MiB",
    make: (p) => appendFile(p, `${"x".repeat(1024 * 1024 + 1)}\n`),
    tag: "LineTooLong",
    line: 14,
    storeTag: "CorruptLedger",
  },
];

describe("bad input files give a typed error and are left byte for byte unchanged", () => {
  for (const c of cases)
    it(c.name, async () => {
      const { info } = await sample();
      await c.make(info.path, info);
      const before = await sha(info.path);
      const v = await verifyLedger(info.path)();
      expect(v).toEqual(E.left(expect.objectContaining({ _tag: c.tag, line: c.line })));
      expect(await firstIssue(info.path)).toEqual(expect.objectContaining({ _tag: c.tag, line: c.line }));
      const opened = await openFileLedger(info.path)();
      expect(opened).toEqual(E.left(expect.objectContaining({ _tag: c.storeTag })));
      if (E.isLeft(opened)) expect(opened.left.message).toMatch(/line \d+|byte \d+|empty/);
      // Only a crash artefact at the end may be cut, and only when asked.
      const report = await repairLedger(info.path, { truncate: false })();
      if (c.tag === "IncompleteAppend")
        expect(report).toEqual(E.right(expect.objectContaining({ _tag: "WouldTruncate" })));
      else expect(E.isLeft(report) || report.right._tag === "NothingToRepair").toBe(true);
      if (c.tag !== "IncompleteAppend") {
        const refused = await repairLedger(info.path, { truncate: true })();
        expect(E.isLeft(refused) || refused.right._tag === "NothingToRepair").toBe(true);
      }
      expect(await sha(info.path)).toBe(before);
      await expect(stat(`${info.path}.lock`)).rejects.toThrow();
    });

  it("an unknown type is reported and reading goes on to the next event", async () => {
    const { info } = await sample();
    await appendCrafted(info.path, info.lastHash, info.events, "CoopTeleported", 1);
    const results = [];
    for await (const r of readLedger(info.path)) results.push(r);
    expect(results.filter(E.isRight)).toHaveLength(12);
    expect(results.filter(E.isLeft).map((r) => r.left._tag)).toEqual(["UndecodableEvent"]);
  });
});

describe("a path that is not a regular file", () => {
  it("a directory or a FIFO is a typed FileUnreadable for every reader (a FIFO never blocks), never a throw", async () => {
    const t = await tempDir();
    dirs.push(t.remove);
    const fifo = join(t.dir, "fifo.jsonl");
    execFileSync("mkfifo", [fifo]);
    for (const [path, says] of [
      [t.dir, "is a directory"],
      [fifo, "not a regular file"],
    ] as const) {
      const v = await verifyLedger(path)();
      expect(v).toEqual(E.left(expect.objectContaining({ _tag: "FileUnreadable" })));
      expect(E.isLeft(v) && v.left.message).toContain(says);
      const read: unknown[] = [];
      for await (const r of readLedger(path)) read.push(r);
      expect(read).toEqual([E.left(expect.objectContaining({ _tag: "FileUnreadable" }))]);
      const header = await readLedgerHeader(path);
      expect(E.isLeft(header) && header.left.message).toContain(says);
    }
  });
});

describe("torn tail repair", () => {
  it("a torn final line is reported with its offset, refused without truncate, and cut with a backup when asked", async () => {
    const { info } = await sample();
    await appendFile(info.path, '{"hash":"0123');
    const original = await sha(info.path);
    const opened = await openFileLedger(info.path)();
    expect(opened).toEqual(
      E.left(
        expect.objectContaining({
          _tag: "CorruptLedger",
          reason: "TornLine",
          line: 14,
          byteOffset: info.bytes,
        }),
      ),
    );
    const dryRun = await repairLedger(info.path, { truncate: false })();
    expect(dryRun).toEqual(
      E.right(
        expect.objectContaining({
          _tag: "WouldTruncate",
          tail: "TornLine",
          truncateAt: info.bytes,
          removedBytes: 13,
          events: 12,
        }),
      ),
    );
    expect(await sha(info.path)).toBe(original);
    const repaired = await repairLedger(info.path, { truncate: true })();
    expect(repaired).toEqual(
      E.right(
        expect.objectContaining({ _tag: "Truncated", truncatedAt: info.bytes, removedBytes: 13, events: 12 }),
      ),
    );
    if (E.isRight(repaired) && repaired.right._tag === "Truncated")
      expect(await sha(repaired.right.backupPath)).toBe(original);
    const reopened = await openFileLedger(info.path)();
    expect(E.isRight(reopened)).toBe(true);
    if (E.isRight(reopened)) await reopened.right.close();
  });

  it("complete lines of an unfinished append are reported from the append's first line and cut whole", async () => {
    const { info } = await sample();
    const text = await readFile(info.path, "utf8");
    const lines = text.split("\n");
    // The last append has 2 lines (12 and 13): drop the final one, as a crash between them would.
    const cut = lines.slice(0, 12).join("\n") + "\n";
    await writeFile(info.path, cut);
    const v = await verifyLedger(info.path)();
    expect(v).toEqual(E.left(expect.objectContaining({ _tag: "IncompleteAppend", line: 12, lines: 1 })));
    const repaired = await repairLedger(info.path, { truncate: true })();
    expect(repaired).toEqual(E.right(expect.objectContaining({ _tag: "Truncated", events: 10 })));
  });
});

describe("NUL-filled tails (a crash after the size was updated but not the data)", () => {
  const nulCases: Array<{ name: string; tail: (lastLine: string) => Buffer; cutsAppend?: boolean }> = [
    { name: "a NUL block with no newline", tail: () => Buffer.alloc(4096) },
    {
      name: "a torn line then NULs",
      tail: (l) => Buffer.concat([Buffer.from(l.slice(0, 50)), Buffer.alloc(4096)]),
    },
    { name: "NULs ending in a newline", tail: () => Buffer.concat([Buffer.alloc(4096), Buffer.from("\n")]) },
    {
      name: "NUL lines with newlines between",
      tail: () => Buffer.concat([Buffer.alloc(100), Buffer.from("\n"), Buffer.alloc(50)]),
    },
  ];
  for (const c of nulCases)
    it(`${c.name}: dry run says what would be cut; --apply cuts exactly the NULs, keeps a backup`, async () => {
      const { info } = await sample();
      const text = await readFile(info.path, "utf8");
      await appendFile(info.path, c.tail(text.split("\n")[3]!));
      const original = await sha(info.path);
      const dry = await repairLedger(info.path, { truncate: false })();
      expect(dry).toEqual(
        E.right(
          expect.objectContaining({
            _tag: "WouldTruncate",
            tail: "NulTail",
            truncateAt: info.bytes,
            events: 12,
          }),
        ),
      );
      expect(await sha(info.path)).toBe(original);
      const repaired = await repairLedger(info.path, { truncate: true })();
      expect(repaired).toEqual(
        E.right(
          expect.objectContaining({
            _tag: "Truncated",
            tail: "NulTail",
            truncatedAt: info.bytes,
            events: 12,
          }),
        ),
      );
      expect(await readFile(info.path, "utf8")).toBe(text);
      if (E.isRight(repaired) && repaired.right._tag === "Truncated")
        expect(await sha(repaired.right.backupPath)).toBe(original);
    });

  it("NULs after the first line of an unfinished append: the append is cut too, the acknowledged prefix kept", async () => {
    const { info } = await sample();
    const text = await readFile(info.path, "utf8");
    const lines = text.split("\n");
    // The last append has 2 lines (12 and 13): keep its first, then NULs, as a crash between them could.
    const kept = `${lines.slice(0, 11).join("\n")}\n`;
    await writeFile(
      info.path,
      Buffer.concat([
        Buffer.from(`${lines.slice(0, 12).join("\n")}\n`),
        Buffer.alloc(512),
        Buffer.from("\n"),
      ]),
    );
    const repaired = await repairLedger(info.path, { truncate: true })();
    expect(repaired).toEqual(
      E.right(
        expect.objectContaining({
          _tag: "Truncated",
          tail: "NulTail",
          truncatedAt: Buffer.byteLength(kept),
          events: 10,
        }),
      ),
    );
    expect(await readFile(info.path, "utf8")).toBe(kept);
  });

  it("data after a NUL block is damage, not a crash tail: refused, nothing changed", async () => {
    const { info } = await sample();
    const text = await readFile(info.path, "utf8");
    await appendFile(
      info.path,
      Buffer.concat([
        Buffer.alloc(64),
        Buffer.from("\n"),
        Buffer.from(text.split("\n")[3]!),
        Buffer.from("\n"),
      ]),
    );
    const original = await sha(info.path);
    for (const truncate of [false, true]) {
      const r = await repairLedger(info.path, { truncate })();
      expect(r).toEqual(E.left(expect.objectContaining({ _tag: "CorruptLedger", line: 14 })));
    }
    expect(await sha(info.path)).toBe(original);
  });
});

describe("the auditor's Python verifier", () => {
  const script = join(import.meta.dirname, "../../scripts/verify_ledger.py");
  const py = (path: string): string => {
    try {
      return execFileSync("python3", [script, path], { encoding: "utf8" }).trim();
    } catch (e) {
      return String((e as { stdout?: string }).stdout ?? e).trim();
    }
  };

  it("agrees with verifyLedger on a good file, a changed line and a torn tail", async () => {
    const { info } = await sample();
    expect(py(info.path)).toBe("OK");
    const text = await readFile(info.path, "utf8");
    await writeFile(info.path, text.replace('"effectiveDate":"2021-03-03"', '"effectiveDate":"2021-03-04"'));
    const v = await verifyLedger(info.path)();
    expect(E.isLeft(v) && v.left.line).toBe(Number(/line (\d+)/.exec(py(info.path))?.[1]));
    await writeFile(info.path, text.slice(0, -5));
    // Line 13 is the second line of an append that starts at line 12: both name the append's start.
    expect(py(info.path)).toMatch(/^FAIL line 12: torn/);
    const torn = await verifyLedger(info.path)();
    expect(E.isLeft(torn) && torn.left.line).toBe(12);
  });

  it("is the script printed in docs/ledger-format.md", async () => {
    const doc = await readFile(join(import.meta.dirname, "../../../../docs/ledger-format.md"), "utf8");
    expect(doc).toContain((await readFile(script, "utf8")).trim());
  });
});
