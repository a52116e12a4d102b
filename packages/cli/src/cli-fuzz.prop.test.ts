import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateLedger } from "@coop-ledger/generator";
import { openFileLedger } from "@coop-ledger/store";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OUTPUTS, type Plan, planArb } from "./test-support/cli-fuzz-plans.js";
import { runInProcess } from "./test-support/run-in-process.js";

// The CLI fuzzer (issue #13: "11,000 fuzzed CLI inputs, 0 stack traces", rebuilt inside the project).
// Random command lines — real commands and junk, known options with valid, malformed and hostile values,
// unknown options, stray arguments — run against a pool of ledgers: intact, tampered, torn, converted
// (BOM, CR LF), NUL-tailed, empty, header-only, randomly damaged, a directory, a missing path, a FIFO.
// The law: every input ends in a documented exit code other than 1 ("a bug"), a failure is one
// `coop-ledger: error:` line and a `hint:` line with no stack trace, and no command changes a ledger
// it was not asked to repair. `serve`, `demo`, `import` and `export` are left out (a server that runs
// until Ctrl+C, the bundled 11,000-event tour, a network peer); `generate` gets only presets that are
// not real ones (a real preset writes thousands of events per run); its usage errors are what is fuzzed.
//
// Default: 300 command lines per run (CI). Soak: COOP_LEDGER_NUM_RUNS=11000 (docs/testing.md).

const RUNS = ((): number => {
  const n = Number(process.env.COOP_LEDGER_NUM_RUNS);
  return Number.isInteger(n) && n > 0 ? n : 300;
})();
const SEED = process.env.COOP_LEDGER_SEED === undefined ? undefined : Number(process.env.COOP_LEDGER_SEED);

/** Exit codes a fuzzed command line may end with: 1 is a bug, 6/7 need a server or a second writer. */
const DOCUMENTED = new Set([0, 2, 3, 4, 5, 8]);
const STACK = /\n\s+at .+[:(]\d+:\d+\)?/;

let dir = "";
const ledgers: Record<string, string> = {};
/** sha-256 of every fixture that is a file, to prove no command changed one. */
const fingerprints = new Map<string, string>();
const sha = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

const writeSmallLedger = async (path: string, count: number): Promise<void> => {
  const opened = await openFileLedger(path, { now: () => new Date("2026-01-01T00:00:00.000Z") })();
  if (E.isLeft(opened)) throw new Error(opened.left.message);
  let n = 0;
  for (const e of generateLedger({ preset: "province", seed: 7 })) {
    const r = await opened.right.append(e.streamId, [e], { expectedRevision: "any" })();
    if (E.isLeft(r)) throw new Error(r.left.message);
    if (++n >= count) break;
  }
  await opened.right.close();
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "coop-cli-fuzz-"));
  const fx = join(dir, "fixtures");
  mkdirSync(fx);
  const intact = join(fx, "intact.jsonl");
  await writeSmallLedger(intact, 400);
  const bytes = readFileSync(intact);
  const text = bytes.toString("utf8");
  const lines = text.split("\n");
  const put = (name: string, content: string | Buffer): void => {
    const p = join(fx, name);
    writeFileSync(p, content);
    ledgers[name] = p;
  };
  ledgers["intact.jsonl"] = intact;
  // A digit changed inside an event's data: the chain breaks at that line.
  const at = text.indexOf('"', text.indexOf("\n", text.length >> 1) + 40);
  put("tampered.jsonl", `${text.slice(0, at)}"X${text.slice(at + 2)}`);
  put("torn.jsonl", text.slice(0, text.length - 37));
  put("bom.jsonl", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]));
  put("crlf.jsonl", text.replace(/\n/g, "\r\n"));
  put("nul-tail.jsonl", Buffer.concat([bytes, Buffer.alloc(4096)]));
  put("empty.jsonl", "");
  put("header-only.jsonl", `${lines[0]}\n`);
  put("not-json.jsonl", "hello\nworld\n");
  put("dup-line.jsonl", [...lines.slice(0, 30), lines[29], ...lines.slice(30)].join("\n"));
  const sub = join(fx, "a-directory");
  mkdirSync(sub);
  ledgers["a-directory"] = sub;
  ledgers.missing = join(fx, "missing.jsonl");
  const fifo = join(fx, "fifo");
  if (spawnSync("mkfifo", [fifo]).status === 0) ledgers.fifo = fifo;
  for (const [name, p] of Object.entries(ledgers))
    if (!["a-directory", "missing", "fifo"].includes(name)) fingerprints.set(p, sha(p));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The file a run may write or repair: its own copy, so the shared fixtures must stay unchanged. */
const mayWrite = (argv: ReadonlyArray<string>): boolean =>
  argv.some((a) => a === "--apply" || a === "--force" || a === "repair" || a === "generate");

const damaged = (base: Buffer, d: Plan["damage"]): Buffer => {
  const at = d.offset % base.length;
  if (d.how === "cut") return base.subarray(0, at);
  if (d.how === "insert")
    return Buffer.concat([base.subarray(0, at), Buffer.from([d.byte]), base.subarray(at)]);
  const copy = Buffer.from(base);
  copy[at] = (copy[at] ?? 0) ^ (d.byte === 0 ? 1 : d.byte);
  return copy;
};

describe("fuzz: the CLI on random command lines and damaged ledgers", () => {
  it(
    "every command line ends in a documented exit code (never 1), fails with one typed error line and no stack trace, and leaves every ledger it was not asked to repair unchanged",
    async () => {
      let run = 0;
      const seen = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(planArb, async (plan) => {
          run++;
          const runDir = join(dir, `run-${run}`);
          mkdirSync(runDir);
          writeFileSync(join(runDir, "exists.html"), "<p>keep me</p>");
          const flags = [plan.command, ...plan.options.map(([f]) => f)];
          const resolveLedger = (name: string): string => {
            if (name === "damaged") {
              const p = join(runDir, "damaged.jsonl");
              writeFileSync(p, damaged(readFileSync(ledgers["intact.jsonl"] ?? ""), plan.damage));
              return p;
            }
            const shared =
              (Object.hasOwn(ledgers, name) ? ledgers[name] : undefined) ?? ledgers["intact.jsonl"] ?? "";
            if (!mayWrite(flags) || !fingerprints.has(shared)) return shared;
            const own = join(runDir, `copy-${name}`);
            copyFileSync(shared, own);
            return own;
          };
          const ledger = resolveLedger(plan.ledger ?? "intact.jsonl");
          const outOf = (v: string): string => {
            // Own keys only: a fuzzed value such as "valueOf" or "constructor" is a junk path, not a
            // member of Object.prototype.
            const o = Object.hasOwn(OUTPUTS, v) ? (OUTPUTS[v]?.(runDir, ledgers) ?? v) : v;
            return o === "@ledger" ? ledger : o.startsWith("/") ? o : join(runDir, o);
          };
          // Paths the CLI may write (--out, --backup) stay inside the run's directory: relative paths are
          // the process's (the bin's cwd), so a junk name is anchored here rather than in the repository.
          const writable = (f: string, v: string): string =>
            f === "--out" ? outOf(v) : f === "--backup" ? join(runDir, v) : v;
          const argv = [
            plan.command,
            ...plan.positional,
            ...plan.options.flatMap(([f, v]) => (v === undefined ? [f] : [f, writable(f, v)])),
            // A real preset would write a whole province's ledger: only its refusals are fuzzed.
            ...(plan.command === "generate" && !flags.includes("--preset") ? ["--preset", "bogus"] : []),
            ...(plan.ledger === undefined ? [] : ["--ledger", ledger]),
          ];
          const ledgerBefore =
            fingerprints.has(ledger) || ledger.startsWith(runDir) ? sha(ledger) : undefined;
          const r = await runInProcess(argv, runDir, { COOP_LEDGER_NO_PROGRESS: "1" });
          seen.set(r.code, (seen.get(r.code) ?? 0) + 1);
          const where = `argv: ${JSON.stringify(argv)}\nstderr: ${r.stderr}`;
          expect(DOCUMENTED.has(r.code), `exit ${r.code}\n${where}`).toBe(true);
          if (!argv.includes("--debug")) {
            expect(r.stderr, where).not.toMatch(STACK);
            expect(r.stdout, where).not.toMatch(STACK);
          }
          if (r.code !== 0) {
            const errorLines = r.stderr.split("\n").filter((l) => l.startsWith("coop-ledger: error: "));
            expect(errorLines.length, where).toBeGreaterThanOrEqual(1);
            expect(r.stderr, where).toMatch(/\nhint: \S/);
          }
          for (const [p, h] of fingerprints) expect(sha(p), `${p} changed\n${where}`).toBe(h);
          // The command's own ledger (even as its --out, even with --force) changes only by `repair --apply`.
          if (ledgerBefore !== undefined && !(plan.command === "repair" && argv.includes("--apply")))
            expect(sha(ledger), `the command's ledger changed\n${where}`).toBe(ledgerBefore);
          rmSync(runDir, { recursive: true, force: true });
        }),
        { numRuns: RUNS, ...(SEED === undefined || Number.isNaN(SEED) ? {} : { seed: SEED }) },
      );
      console.log(
        `cli fuzz: ${run} command lines, exit codes ${JSON.stringify(Object.fromEntries([...seen].sort((a, b) => a[0] - b[0])))}`,
      );
    },
    Math.max(600_000, RUNS * 400),
  );
});
