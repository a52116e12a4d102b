import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Sector as SectorCodec } from "@coop-ledger/domain";
import { generateLedger } from "@coop-ledger/generator";
import { openFileLedger } from "@coop-ledger/store";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

const junk = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.constantFrom("", "-", "--", " ", "\u0000", "‮", "../../etc/passwd", "%s%n", "1e309", "NaN"),
);
const dates = fc.oneof(
  fc
    .date({
      min: new Date("2013-01-01T00:00:00Z"),
      max: new Date("2027-01-01T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom(
    "2020-12-31",
    "31/12/2022",
    "2025-07-01",
    "2022-02-30",
    "30/02/2022",
    "2022-13-01",
    "0000-01-01",
    "1899-12-31",
    "3000-01-01",
    "9999-12-31",
    "2022-1-1",
    "2022/12/31",
  ),
  fc
    .date({
      min: new Date("1800-01-01T00:00:00Z"),
      max: new Date("3100-01-01T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
);
const instants = fc.oneof(
  dates,
  fc.constantFrom(
    "2023-01-15T08:00:00+07:00",
    "2023-01-15T08:00:00Z",
    "2023-01-15T24:00:00Z",
    "2023-01-15T08:00:60Z",
    "2023-01-15T08:00:00+24:00",
    "2023-01-15T08:00:00",
    "1970-01-01T00:00:00Z",
  ),
  fc
    .date({
      min: new Date("2000-01-01T00:00:00Z"),
      max: new Date("2030-01-01T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
);
const numbers = fc.oneof(
  fc.constantFrom("0", "-1", "1", "50", "99999999999999999999", "0x10", "1.5", "Infinity"),
  fc.integer().map(String),
);

/** A value for an option, chosen by what the option means (and sometimes anything at all). */
const valueFor = (flag: string): fc.Arbitrary<string> => {
  const typed = ((): fc.Arbitrary<string> | undefined => {
    switch (flag) {
      case "--ledger":
      case "--backup":
        return undefined;
      case "--out":
        return fc.constantFrom(...Object.keys(OUTPUTS));
      case "--valid-at":
      case "--from":
      case "--to":
        return dates;
      case "--known-at":
        return instants;
      case "--province":
        return fc.constantFrom("60", "01", "79", "99", "00", "6", "060", "ab", "68");
      case "--district":
        return fc.constantFrom("593", "999", "001", "59", "abc");
      case "--sector":
        return fc.constantFrom(...SectorCodec.values, "mining", "");
      case "--form":
        return fc.constantFrom("cooperative", "union", "group", "htx");
      case "--geography":
        return fc.constantFrom("as-of", "2008-08-01", "2025-07-01", "2030-01-01");
      case "--format":
        return fc.constantFrom("json", "csv", "table", "xml");
      case "--number-format":
        return fc.constantFrom("en", "vi", "fr");
      case "--every":
        return fc.constantFrom("month", "quarter", "year", "week");
      case "--indicator":
        return fc.constantFrom("coops.active", "coops.founded", "finance.capitalVnd", "nope", "coops.");
      case "--resolution":
        return fc.constantFrom("000", "001", "002", "004", "003", "999", "0");
      case "--preset":
        return fc.constantFrom("bogus", "NATIONAL", "province ", "005");
      case "--limit":
      case "--seed":
      case "--expect-events":
        return numbers;
      case "--expect-hash":
        return fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), fc.constantFrom("", "zz"));
      default:
        return undefined;
    }
  })();
  return typed === undefined
    ? junk
    : fc.oneof({ weight: 4, arbitrary: typed }, { weight: 1, arbitrary: junk });
};

const COMMANDS = [
  "snapshot",
  "series",
  "explain",
  "diff",
  "targets",
  "report",
  "verify",
  "repair",
  "indicators",
  "generate",
] as const;
const FLAGS = [
  "--ledger",
  "--valid-at",
  "--known-at",
  "--from",
  "--to",
  "--every",
  "--indicator",
  "--province",
  "--district",
  "--sector",
  "--form",
  "--geography",
  "--format",
  "--number-format",
  "--resolution",
  "--limit",
  "--out",
  "--force",
  "--apply",
  "--backup",
  "--no-verify",
  "--reindex",
  "--expect-hash",
  "--expect-events",
  "--preset",
  "--seed",
  "--help",
  "--version",
] as const;
const BARE = new Set(["--force", "--apply", "--no-verify", "--reindex", "--help", "--version"]);
const LEDGER_NAMES = [
  "intact.jsonl",
  "tampered.jsonl",
  "torn.jsonl",
  "bom.jsonl",
  "crlf.jsonl",
  "nul-tail.jsonl",
  "empty.jsonl",
  "header-only.jsonl",
  "not-json.jsonl",
  "dup-line.jsonl",
  "a-directory",
  "missing",
  "fifo",
  "damaged",
];

/** Where `--out` may point, resolved per run (markers, since the run's directory is made per run). */
const OUTPUTS: Record<string, (runDir: string) => string> = {
  "@new": (runDir) => join(runDir, "out.html"),
  "@exists": (runDir) => join(runDir, "exists.html"),
  // The --ledger file of the same command line (resolved in the run: its own copy when it may write).
  "@ledger": () => "@ledger",
  "@directory": () => ledgers["a-directory"] ?? "",
  "@no-such-dir": (runDir) => join(runDir, "no-such-dir", "x.html"),
};

/** One command line, as a plan: tokens that name ledgers and outputs are resolved per run. */
interface Plan {
  readonly command: string;
  readonly ledger: string | undefined;
  readonly options: ReadonlyArray<readonly [string, string | undefined]>;
  readonly positional: ReadonlyArray<string>;
  readonly damage: {
    readonly offset: number;
    readonly how: "flip" | "cut" | "insert";
    readonly byte: number;
  };
}

const damageArb = fc.record({
  offset: fc.nat(),
  how: fc.constantFrom("flip" as const, "cut" as const, "insert" as const),
  byte: fc.integer({ min: 0, max: 255 }),
});

/** Flags paired with values for them (a bare flag gets `undefined`). */
const withValues = (
  flags: ReadonlyArray<string>,
): fc.Arbitrary<ReadonlyArray<readonly [string, string | undefined]>> =>
  fc
    .tuple(...flags.map((flag) => (BARE.has(flag) ? fc.constant(undefined) : valueFor(flag))))
    .map((values) => flags.map((flag, i) => [flag, values[i]] as const));

/** Anything at all: a command (or junk) and up to 8 options from every command, in any order. */
const anyPlan: fc.Arbitrary<Plan> = fc
  .record({
    command: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...COMMANDS) }, { weight: 1, arbitrary: junk }),
    ledger: fc.option(fc.constantFrom(...LEDGER_NAMES), { freq: 8 }),
    flags: fc.array(
      fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...FLAGS) },
        { weight: 1, arbitrary: junk.map((s) => `--${s}`) },
      ),
      { maxLength: 8 },
    ),
    positional: fc.array(fc.oneof(fc.constantFrom("coops.active", "nope"), junk), { maxLength: 2 }),
    damage: damageArb,
  })
  .chain((p) =>
    withValues(p.flags).map((options) => ({
      command: p.command,
      ledger: p.ledger ?? undefined,
      options,
      positional: p.positional,
      damage: p.damage,
    })),
  );

const SCOPE = ["--province", "--district", "--sector", "--form", "--geography"];
const FIGURES = ["--format", "--no-verify", "--reindex", "--number-format", ...SCOPE];
/** Each command's required options, and the optional ones it knows. */
const SHAPES: Record<string, { required: string[]; optional: string[]; positional?: boolean }> = {
  snapshot: { required: ["--valid-at"], optional: ["--known-at", ...FIGURES] },
  series: { required: ["--from", "--to", "--indicator"], optional: ["--every", "--known-at", ...FIGURES] },
  explain: { required: ["--valid-at"], optional: ["--known-at", "--limit", ...FIGURES], positional: true },
  diff: { required: ["--valid-at", "--known-at", "--known-at"], optional: FIGURES },
  targets: { required: ["--resolution", "--valid-at"], optional: ["--known-at", ...FIGURES] },
  report: {
    required: ["--out"],
    optional: ["--force", "--valid-at", "--from", "--province", "--no-verify", "--number-format"],
  },
  verify: { required: [], optional: ["--expect-hash", "--expect-events", "--format"] },
  repair: { required: [], optional: ["--apply", "--backup", "--format"] },
};

/** A command line close to a valid one: the command's required options, some of its optional ones. */
const shapedPlan: fc.Arbitrary<Plan> = fc.constantFrom(...Object.keys(SHAPES)).chain((command) => {
  const shape = SHAPES[command] ?? { required: [], optional: [] };
  return fc
    .record({
      ledger: fc.constantFrom(...LEDGER_NAMES, "intact.jsonl", "intact.jsonl", "intact.jsonl"),
      optional: fc.subarray(shape.optional, { maxLength: Math.min(4, shape.optional.length) }),
      positional: shape.positional
        ? fc
            .oneof(
              {
                weight: 4,
                arbitrary: fc.constantFrom("coops.active", "coops.founded", "loans.outstandingVnd"),
              },
              { weight: 1, arbitrary: junk },
            )
            .map((x) => [x])
        : fc.constant([] as string[]),
      damage: damageArb,
    })
    .chain((p) =>
      withValues([...shape.required, ...p.optional]).map((options) => ({
        command,
        ledger: p.ledger,
        options,
        positional: p.positional,
        damage: p.damage,
      })),
    );
});

const planArb: fc.Arbitrary<Plan> = fc.oneof(
  { weight: 3, arbitrary: shapedPlan },
  { weight: 1, arbitrary: anyPlan },
);

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
            const o = Object.hasOwn(OUTPUTS, v) ? (OUTPUTS[v]?.(runDir) ?? v) : v;
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
