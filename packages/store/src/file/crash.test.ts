import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FileLedger, openFileLedger } from "./file-ledger.js";
import { repairLedger } from "./repair-ledger.js";
import { ensureBuilt, packageDir as pkg } from "./test-support/ensure-built.js";
import { tempDir } from "./test-support/temp-dir.js";
import { verifyLedger } from "./verify-ledger.js";

// The child runs the built package (dist/): this test builds it first (tsc -b, incremental). Knobs:
// COOP_LEDGER_CRASH_ROUNDS — kills (default 5); COOP_LEDGER_CRASH_ROUNDS_PER_LEDGER — kills on one
// ledger file before the next round starts a fresh one (default 25). Each round re-reads and re-verifies
// the whole ledger it writes to, so without rotation a run's time grows with the square of its kills (a
// 250-kill run on one file never finished within 25 minutes); with rotation it grows linearly, and every
// kill still lands on a ledger that already holds up to 24 earlier rounds of acknowledged events.
const ROUNDS = Number(process.env.COOP_LEDGER_CRASH_ROUNDS ?? 5);
const ROUNDS_PER_LEDGER = Math.max(1, Number(process.env.COOP_LEDGER_CRASH_ROUNDS_PER_LEDGER ?? 25));
// A round takes ~3 s on an idle machine and ~10 s under heavy load; allow 30 s a round.
const TIMEOUT_MS = 60_000 + ROUNDS * 30_000;

const runWriter = (path: string, label: string, acked: Set<string>) => {
  const child: ChildProcess = spawn(process.execPath, [join(pkg, "scripts/crash-writer.mjs"), path, label], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let buffered = "";
  let stderr = "";
  let acknowledged: () => void = () => {};
  const firstAck = new Promise<void>((r) => {
    acknowledged = r;
  });
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    for (const l of lines)
      if (l !== "ready") {
        acked.add(l);
        acknowledged();
      }
  });
  child.stderr!.setEncoding("utf8").on("data", (c: string) => {
    stderr += c;
  });
  const exited = new Promise<number | string | null>((r) =>
    child.on("exit", (code, signal) => r(signal ?? code)),
  );
  return { child, firstAck, exited, stderr: () => stderr };
};

const readIds = async (ledger: FileLedger): Promise<Set<string>> => {
  const ids = new Set<string>();
  let after: number | undefined;
  for (;;) {
    const page = await ledger.readAll(after === undefined ? {} : { after })();
    if (E.isLeft(page)) throw new Error(page.left.message);
    for (const e of page.right.events) ids.add(e.eventId);
    after = page.right.lastPosition;
    if (page.right.isEnd) return ids;
  }
};

describe("kill -9 crash test", () => {
  let dir: { dir: string; remove: () => Promise<void> };
  beforeAll(async () => {
    dir = await tempDir();
    ensureBuilt();
  }, 120_000);
  afterAll(() => dir.remove());

  it(
    "every acknowledged event survives SIGKILL at random moments; a torn tail is reported, then repaired on request",
    async () => {
      let acked = new Set<string>();
      let totalAcked = 0;
      let repairs = 0;
      let ledgers = 0;
      let path = "";
      for (let round = 0; round < ROUNDS; round++) {
        if (round % ROUNDS_PER_LEDGER === 0) {
          totalAcked += acked.size;
          acked = new Set<string>();
          path = join(dir.dir, `crash-${ledgers++}.jsonl`);
        }
        const w = runWriter(path, `r${round}`, acked);
        // Kill at a random moment after the first acknowledged append of the round.
        const first = await Promise.race([w.firstAck.then(() => "acked" as const), w.exited]);
        // A writer that dies before its first acknowledgement (a broken script, a bad import) is a
        // failure of the test rig, named with its stderr, not a lock that was not held.
        expect(first, `writer exited before its first append: ${w.stderr()}`).toBe("acked");
        // While the child writes, this process is a second writer: refused.
        const second = await openFileLedger(path)();
        expect(second).toEqual(E.left(expect.objectContaining({ _tag: "LedgerLocked" })));
        await new Promise((r) => setTimeout(r, 30 + Math.random() * 700));
        w.child.kill("SIGKILL");
        expect(await w.exited, `writer stderr: ${w.stderr()}`).toBe("SIGKILL");
        let opened = await openFileLedger(path)();
        if (E.isLeft(opened)) {
          expect(opened.left).toEqual(
            expect.objectContaining({
              _tag: "CorruptLedger",
              reason: expect.stringMatching(/^(TornLine|IncompleteAppend)$/),
            }),
          );
          const repaired = await repairLedger(path, { truncate: true })();
          expect(repaired).toEqual(E.right(expect.objectContaining({ _tag: "Truncated" })));
          repairs++;
          opened = await openFileLedger(path)();
        }
        if (E.isLeft(opened)) throw new Error(opened.left.message);
        const ids = await readIds(opened.right);
        await opened.right.close();
        const lost = [...acked].filter((id) => !ids.has(id));
        expect(lost).toEqual([]);
        expect(E.isRight(await verifyLedger(path)())).toBe(true);
      }
      totalAcked += acked.size;
      expect(totalAcked).toBeGreaterThanOrEqual(ROUNDS);
      console.info(
        `crash test: ${ROUNDS} kills on ${ledgers} ledger file(s), ${totalAcked} acknowledged events, 0 lost, ${repairs} torn tails repaired`,
      );
    },
    TIMEOUT_MS,
  );
});
