// The first build fed on threads (parallel-feed.ts, the bundle's dist/feed-worker.js): through the
// bundled executable, as a user runs it. The merge's law (the same bytes for any partition, any order
// of the batches) is feed-merge.prop.test.ts in projections; these check the thread shell.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../package-root.js";
import { hasBin, REPO_ROOT, runBin } from "../test-support/run-bin.js";
import { LedgerFacts } from "./ledger-facts.js";
import { feedThreads, partitionOf } from "./parallel-feed.js";

const work = mkdtempSync(join(tmpdir(), "coop-parallel-feed-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const SAMPLE = join(REPO_ROOT, "examples/sample-ledgers/province-60.jsonl");

/** A first build of a copy of `ledger` on `threads` threads: its output, exit code and index files. */
const build = (ledger: string, threads: number, extra: ReadonlyArray<string> = []) => {
  const dir = mkdtempSync(join(work, `w${threads}-`));
  const path = join(dir, "l.jsonl");
  copyFileSync(ledger, path);
  const r = runBin(["snapshot", "--ledger", path, "--valid-at", "2022-12-31", "--format", "json", ...extra], {
    COOP_LEDGER_FEED_THREADS: String(threads),
  });
  const read = (f: string) => {
    try {
      return readFileSync(f);
    } catch {
      return undefined;
    }
  };
  return {
    code: r.code,
    stdout: r.stdout.replaceAll(dir, "DIR"),
    stderr: r.stderr.replaceAll(dir, "DIR"),
    idx: read(`${path}.idx`),
    prov: read(`${path}.prov`),
  };
};

/** Several builds of the sample ledger through the executable each: minutes on a loaded machine. */
const SLOW = 300_000;

describe("the first build fed on threads", () => {
  it.skipIf(!hasBin())(
    "writes the .idx and .prov bytes and answers of the build on one thread",
    () => {
      // The threads' program is the bundle's second entry (without it the build stays on one thread).
      expect(existsSync(new URL("dist/feed-worker.js", PACKAGE_ROOT))).toBe(true);
      const one = build(SAMPLE, 1);
      expect(one.code).toBe(0);
      for (const threads of [2, 3]) {
        const many = build(SAMPLE, threads);
        expect(many.code).toBe(0);
        expect(many.stdout).toBe(one.stdout);
        expect(many.idx?.equals(one.idx as Buffer)).toBe(true);
        expect(many.prov?.equals(one.prov as Buffer)).toBe(true);
      }
    },
    SLOW,
  );

  it.skipIf(!hasBin())(
    "reports the first bad line, as the build on one thread does",
    () => {
      // Two events the codecs refuse, far apart (so in different partitions' runs), chain not checked.
      const lines = readFileSync(SAMPLE, "utf8").split("\n");
      for (const at of [4000, 9000])
        lines[at] = (lines[at] as string).replace(/"effectiveDate":"\d{4}/, '"effectiveDate":"20X9');
      const bad = join(work, "bad.jsonl");
      writeFileSync(bad, lines.join("\n"));
      const one = build(bad, 1, ["--no-verify"]);
      expect(one.code).not.toBe(0);
      expect(one.stderr).toMatch(/line 4001\b/);
      for (const threads of [2, 3]) {
        const many = build(bad, threads, ["--no-verify"]);
        expect({ code: many.code, stderr: many.stderr, idx: many.idx }).toEqual({
          code: one.code,
          stderr: one.stderr,
          idx: one.idx,
        });
      }
    },
    SLOW,
  );

  it.skipIf(!hasBin())(
    "builds on one thread a ledger whose envelope the byte scan reads otherwise than a parse",
    () => {
      // A duplicated member (no coop-ledger writer makes one; JSON.parse takes the last): the threads
      // would have checked the sequence with the scan's reading, so the build is done on one thread.
      const lines = readFileSync(SAMPLE, "utf8").split("\n");
      lines[5000] = (lines[5000] as string).replace(/,"type":"([A-Za-z]+)"\}$/, ',"type":"$1","type":"$1"}');
      const odd = join(work, "odd.jsonl");
      writeFileSync(odd, lines.join("\n"));
      const one = build(odd, 1, ["--no-verify"]);
      const two = build(odd, 2, ["--no-verify"]);
      expect({ code: two.code, stdout: two.stdout, stderr: two.stderr }).toEqual({
        code: one.code,
        stdout: one.stdout,
        stderr: one.stderr,
      });
      expect(two.idx?.equals(one.idx as Buffer)).toBe(true);
    },
    SLOW,
  );

  it("partitions streams the same way everywhere, and merges the partitions' facts", () => {
    expect(partitionOf("coop-htx-60-00089", 4)).toBe(partitionOf("coop-htx-60-00089", 4));
    expect(new Set(Array.from({ length: 64 }, (_, i) => partitionOf(`coop-${i}`, 4))).size).toBe(4);
    if (process.env.COOP_LEDGER_FEED_THREADS === undefined) expect(feedThreads(10_000_000)).toBe(1); // off by default
    const merged = LedgerFacts.merge([
      {
        firstEffective: "2020-01-02",
        lastEffective: "2021-01-01",
        firstRecordedAt: undefined,
        lastRecordedAt: undefined,
        restating: [7],
      },
      {
        firstEffective: "2020-01-01",
        lastEffective: "2020-06-01",
        firstRecordedAt: "2020-01-01T00:00:00.000Z",
        lastRecordedAt: "2020-01-01T00:00:00.000Z",
        restating: [3, 9],
      },
    ] as never).data();
    expect(merged).toEqual({
      firstEffective: "2020-01-01",
      lastEffective: "2021-01-01",
      firstRecordedAt: "2020-01-01T00:00:00.000Z",
      lastRecordedAt: "2020-01-01T00:00:00.000Z",
      restating: [3, 7, 9],
    });
  });
});
