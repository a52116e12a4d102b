#!/usr/bin/env node
// `node packages/bench/dist/cold-cli.js --ledger FILE [--label L] [--skip build,series,explain,validity,duckdb,append]
// [--timeout SECS] [--growth N] [--work-dir DIR] [--docs]`: the cost of one auditor's command, as a user runs
// it — a new process per command — with and without a current persisted index, beside the floors measured
// in the same run (reading the file, hashing every line, the bare JSON.parse ceiling). Wall time, CPU time
// and peak RSS of each process come from /usr/bin/time; each step runs under coreutils `timeout` (default
// 30 min): a step past it is killed with all it started and reported "timed out", and the rows that need
// the state it was to make are reported "not measured" (`cold/index-rows.ts`).
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { floors } from "./cold/floors.js";
import { indexRows } from "./cold/index-rows.js";
import { notMeasured, type Run, type RunStatus, timedNode } from "./cold/timed-run.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const BIN = join(root, "packages/cli/dist/bin.js");

/** Each step's budget (`--timeout SECS`, default 30 min): a step past it is killed and reported timed out. */
let timeoutMs = 30 * 60_000;
const cli = (what: string, args: ReadonlyArray<string>): Run => timedNode(what, BIN, args, { timeoutMs });

/** A copy of the ledger cut `n` events before its end at an append boundary, and the lines cut off. */
const cutCopy = (path: string, n: number, to: string): { tail: Buffer; events: number } => {
  const size = statSync(path).size;
  const fd = openSync(path, "r");
  // Read the last ~n lines (events are under 4 KiB a line).
  const want = Math.min(size, (n + 50) * 4096);
  const buf = Buffer.allocUnsafe(want);
  readSync(fd, buf, 0, want, size - want);
  closeSync(fd);
  const lines: number[] = [];
  for (let i = buf.length - 2; i >= 0; i--) if (buf[i] === 10) lines.push(i + 1);
  // lines[k] = start of the (k+1)-th line from the end; cut where the line before ends an append.
  let cut = -1;
  for (let k = n - 1; k < lines.length - 1; k++) {
    const start = lines[k] as number;
    const prevStart = lines[k + 1] as number;
    if (buf.toString("latin1", prevStart, start).includes('"batchRemaining":0,')) {
      cut = start;
      break;
    }
  }
  if (cut < 0) throw new Error("no append boundary found");
  copyFileSync(path, to);
  truncateSync(to, size - want + cut);
  const tail = buf.subarray(cut);
  let events = 0;
  for (const c of tail) if (c === 10) events++;
  return { tail: Buffer.from(tail), events };
};

/** A copy of the first ≥ `n` events of a ledger, ending at an append boundary (a smaller ledger, same chain). */
const prefixCopy = (path: string, n: number, to: string): number => {
  const fd = openSync(path, "r");
  const buf = Buffer.allocUnsafe(Math.min(statSync(path).size, (n + 5000) * 4096));
  const got = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  let events = -1; // the header line is not an event
  let at = 0;
  for (;;) {
    const nl = buf.indexOf(10, at);
    if (nl < 0 || nl >= got) throw new Error(`no append boundary after ${n} events in ${path}`);
    events++;
    const line = buf.toString("latin1", at, nl);
    at = nl + 1;
    if (events >= n && line.includes('"batchRemaining":0,')) break;
  }
  writeFileSync(to, buf.subarray(0, at));
  return events;
};

const SIDE = join(root, "packages/bench/dist/side-by-side");
/** The as-of question of the side-by-side: valid at V, known at K (late-recorded events then matter). */
const VALID_AT = "2022-12-31";
const KNOWN_AT = "2023-03-31T00:00:00.000Z";

/** What one cold-CLI run measured (written as JSON, rendered as the tables of docs/performance.md). */
export interface ColdCliResult {
  readonly label: string;
  readonly ledger: string;
  readonly started: string;
  readonly finished: string;
  readonly loadAverage: { readonly start: number[]; readonly end: number[] };
  readonly ledgerBytes: number;
  readonly indexBytes: number;
  readonly events: number;
  readonly floors: {
    read: number;
    hash: number;
    parse: number;
    lines: number;
    readCpuMs?: number;
    hashCpuMs?: number;
    parseCpuMs?: number;
  };
  readonly runs: ReadonlyArray<Run>;
  /** The DuckDB side-by-side: both answers equal? */
  readonly sideBySide?: {
    readonly same: boolean;
    readonly provinces: number;
    readonly total: number;
    readonly differences: string[];
  };
  /** Per-province query times (ms) in our side-by-side process, the first after opening included. */
  readonly queryMs?: ReadonlyArray<number>;
  /** The growth run on a smaller prefix of the same ledger. */
  readonly growth?: {
    readonly events: number;
    readonly build: Run;
    readonly verified: Run;
    readonly noVerify: Run;
  };
}

const main = (): void => {
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const ledger = opt("--ledger");
  if (ledger === undefined) throw new Error("--ledger FILE");
  const label = opt("--label") ?? "ledger";
  const skip = new Set((opt("--skip") ?? "").split(","));
  const growthEvents = Number(opt("--growth") ?? "0");
  const work = opt("--work-dir") ?? join(root, ".bench-out");
  if (opt("--timeout") !== undefined) timeoutMs = Number(opt("--timeout")) * 1000;
  const loadStart = loadavg();
  const started = new Date().toISOString();
  process.stderr.write(`floors on ${ledger}\n`);
  const f = floors(ledger);
  process.stderr.write(
    `  read ${f.read.toFixed(0)} ms, hash ${f.hash.toFixed(0)} ms, parse ${f.parse.toFixed(0)} ms\n`,
  );
  const idx = `${ledger}.idx`;
  const runs: Run[] = [];
  const snap = ["snapshot", "--ledger", ledger, "--valid-at", "2022-12-31", "--format", "json"];
  // What any command pays before it reads a byte: Node's start and loading the CLI's modules.
  runs.push(cli("CLI start only (`--version`)", ["--version"]));
  // `verify` checks integrity (what the budget judges); `--validity` adds the decode and the domain's rules.
  runs.push(cli("verify", ["verify", "--ledger", ledger, "--format", "json"]));
  if (!skip.has("validity"))
    runs.push(
      cli("full check: verify --validity", ["verify", "--ledger", ledger, "--validity", "--format", "json"]),
    );
  // The first build, then the rows that claim a current index, each from the state it claims (an
  // untimed setup step when the build row is skipped; "not measured" when there is no current index).
  const indexed = indexRows(cli, idx, snap, skip.has("build"), [
    { what: "snapshot, current index, chain verified", args: snap },
    { what: "snapshot, current index, --no-verify", args: [...snap, "--no-verify"] },
    ...(skip.has("series")
      ? []
      : [
          {
            what: "series 2014–2025 yearly, current index",
            args: [
              "series",
              "--ledger",
              ledger,
              "--from",
              "2014-01-01",
              "--to",
              "2025-12-31",
              "--indicator",
              "coops.active",
              "coops.founded",
              "--format",
              "json",
            ],
          },
        ]),
    ...(skip.has("explain")
      ? []
      : [
          {
            what: "explain coops.dissolved, current index",
            args: [
              "explain",
              "coops.dissolved",
              "--ledger",
              ledger,
              "--valid-at",
              "2022-12-31",
              "--format",
              "json",
            ],
          },
        ]),
  ]);
  runs.push(...indexed.rows);
  const haveIndex = indexed.rows.every((r) => r.status !== "not measured");
  let sideBySide: ColdCliResult["sideBySide"];
  let queryMs: number[] | undefined;
  if (!skip.has("duckdb")) {
    const question = [ledger, VALID_AT, KNOWN_AT];
    const duck = timedNode(
      `DuckDB whole process: active co-ops per province, valid ${VALID_AT}, known ${KNOWN_AT}`,
      join(SIDE, "duckdb-answer.js"),
      question,
      { keepStdout: true, timeoutMs },
    );
    const oursRow = (what: string, extra: ReadonlyArray<string>): Run =>
      haveIndex
        ? timedNode(what, join(SIDE, "ours-answer.js"), [...question, ...extra], {
            keepStdout: true,
            timeoutMs,
          })
        : notMeasured(what, "no current index (see the first build's row)");
    const ours = oursRow("ours, same question, current index, chain verified", []);
    const oursNv = oursRow("ours, same question, current index, --no-verify", ["--no-verify"]);
    runs.push(duck, ours, oursNv);
    if (duck.status === "ok" && ours.status === "ok") {
      const a = JSON.parse(duck.stdout ?? "{}") as Record<string, number>;
      const b = JSON.parse(ours.stdout ?? "{}") as { answer: Record<string, number>; queryMs: number[] };
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b.answer)])].sort();
      const differences = keys
        .filter((k) => a[k] !== b.answer[k])
        .map((k) => `${k}: DuckDB ${a[k] ?? 0}, ours ${b.answer[k] ?? 0}`);
      sideBySide = {
        same: differences.length === 0,
        provinces: keys.length,
        total: Object.values(b.answer).reduce((x, y) => x + y, 0),
        differences,
      };
      queryMs = b.queryMs;
    }
    for (const r of [duck, ours, oursNv]) delete (r as { stdout?: string }).stdout;
  }
  if (!skip.has("append")) {
    const copy = join(work, `append-${label}.jsonl`);
    const { tail, events } = cutCopy(ledger, 1000, copy);
    const cutSize = statSync(copy).size;
    rmSync(`${copy}.idx`, { force: true });
    const s2 = ["snapshot", "--ledger", copy, "--valid-at", "2022-12-31", "--format", "json"];
    const setup = cli("(setup, untimed: index the ledger without its last appends)", [...s2, "--no-verify"]);
    const noVerifyRow = `snapshot after appending ${events} events, --no-verify (extends the index)`;
    const verifiedRow = `snapshot after appending ${events} events, chain verified (extends the index)`;
    if (setup.status !== "ok" || !existsSync(`${copy}.idx`)) {
      const why = `no index of the cut ledger: its setup step ${setup.status}`;
      runs.push(notMeasured(noVerifyRow, why), notMeasured(verifiedRow, why));
    } else {
      copyFileSync(`${copy}.idx`, `${copy}.idx.saved`);
      const append = (): void => {
        const fd = openSync(copy, "a");
        writeSync(fd, tail);
        closeSync(fd);
      };
      append();
      runs.push(cli(noVerifyRow, [...s2, "--no-verify"]));
      // Again, from the same cut and the same index, with the chain check.
      truncateSync(copy, cutSize);
      copyFileSync(`${copy}.idx.saved`, `${copy}.idx`);
      append();
      runs.push(cli(verifiedRow, s2));
    }
    for (const x of [copy, `${copy}.idx`, `${copy}.idx.saved`]) rmSync(x, { force: true });
  }
  let growth: ColdCliResult["growth"];
  if (growthEvents > 0) {
    const small = join(work, `growth-${label}.jsonl`);
    const n = prefixCopy(ledger, growthEvents, small);
    rmSync(`${small}.idx`, { force: true });
    const s3 = ["snapshot", "--ledger", small, "--valid-at", "2022-12-31", "--format", "json"];
    const build = cli(`growth: first build at ${n} events`, [...s3, "--no-verify"]);
    const after = (what: string, a: ReadonlyArray<string>): Run =>
      build.status === "ok" && existsSync(`${small}.idx`)
        ? cli(what, a)
        : notMeasured(what, `no current index: the growth build ${build.status}`);
    growth = {
      events: n,
      build,
      verified: after(`growth: snapshot, current index, chain verified, at ${n} events`, s3),
      noVerify: after(`growth: snapshot, current index, --no-verify, at ${n} events`, [...s3, "--no-verify"]),
    };
    for (const x of [small, `${small}.idx`]) rmSync(x, { force: true });
  }
  const idxBytes = existsSync(idx) ? statSync(idx).size : 0;
  const result: ColdCliResult = {
    label,
    ledger,
    started,
    finished: new Date().toISOString(),
    loadAverage: { start: loadStart, end: loadavg() },
    ledgerBytes: statSync(ledger).size,
    indexBytes: idxBytes,
    events: f.lines - 1,
    floors: f,
    runs,
    ...(sideBySide !== undefined ? { sideBySide } : {}),
    ...(queryMs !== undefined ? { queryMs } : {}),
    ...(growth !== undefined ? { growth } : {}),
  };
  mkdirSync(work, { recursive: true });
  const out = join(work, `cold-cli-${label}.json`);
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(renderColdCli(result));
  if (args.includes("--docs")) writeDocs(result);
};

/** Writes a run between its markers in docs/performance.md (`<!-- cold-cli:LABEL:begin/end -->`). */
const writeDocs = (result: ColdCliResult): void => {
  const doc = join(root, "docs", "performance.md");
  const text = readFileSync(doc, "utf8");
  const begin = `<!-- cold-cli:${result.label}:begin -->`;
  const end = `<!-- cold-cli:${result.label}:end -->`;
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a >= 0 && b > a)
    writeFileSync(doc, `${text.slice(0, a + begin.length)}\n\n${renderColdCli(result)}\n\n${text.slice(b)}`);
  else process.stderr.write(`no ${begin} … ${end} markers in ${doc}\n`);
};

const fmt = (ms: number): string =>
  Number.isNaN(ms) ? "not measured" : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`;

/** The nearest-rank quantile of some numbers. */
const quantile = (xs: ReadonlyArray<number>, q: number): number => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length, Math.max(1, Math.ceil(q * s.length))) - 1] as number;
};

interface Budget {
  readonly budget: string;
  readonly figure: string;
  readonly met: boolean | undefined;
}

/** How a step ended (a run saved before steps had a status: by its exit code). */
const statusOf = (x: Run): RunStatus => x.status ?? (x.code === 0 && Number.isFinite(x.ms) ? "ok" : "failed");

/** Whether a step ran to its end and has figures a budget may be judged on. */
const ok = (x: Run | undefined): x is Run => x !== undefined && statusOf(x) === "ok" && Number.isFinite(x.ms);

/** What stands in a budget's figure when its step has none: timed out, not measured (and why), failed. */
const missing = (x: Run | undefined): string =>
  x === undefined
    ? "not measured"
    : statusOf(x) === "timed out"
      ? `timed out (${x.note ?? "killed at its budget"})`
      : statusOf(x) === "not measured"
        ? `not measured (${x.note ?? "not run"})`
        : `failed (exit ${x.code})`;

/**
 * The budgets of issue #12, each judged on its figure from this run (not judged when the figure is
 * missing: the step timed out, was not measured, or failed — the figure then says which).
 * @example coldCliBudgets(result).filter((b) => b.met === false)
 */
export const coldCliBudgets = (r: ColdCliResult): Budget[] => {
  const run = (prefix: string): Run | undefined => r.runs.find((x) => x.what.startsWith(prefix));
  const judge = (
    budget: string,
    x: Run | undefined,
    figure: (x: Run) => string,
    pass: (x: Run) => boolean,
  ): Budget =>
    ok(x) ? { budget, figure: figure(x), met: pass(x) } : { budget, figure: missing(x), met: undefined };
  const hash = r.floors.hash;
  const parse = r.floors.parse;
  const verified = run("snapshot, current index, chain verified");
  const noVerify = run("snapshot, current index, --no-verify");
  const duck = run("DuckDB whole process");
  const oursSame = run("ours, same question, current index, chain verified");
  const build = run("snapshot, no index");
  const appended = run("snapshot after appending");
  const q = r.queryMs ?? [];
  const out: Budget[] = [
    judge(
      "cold `snapshot`, current index, chain verified: ≤ 2× the hashing floor",
      verified,
      (x) => `${fmt(x.ms)} = ${(x.ms / hash).toFixed(2)}× (floor ${fmt(hash)})`,
      (x) => x.ms <= 2 * hash,
    ),
    judge(
      "… and ≤ 1 GB peak RSS",
      verified,
      (x) => `${x.rssMiB.toFixed(0)} MiB`,
      (x) => x.rssMiB <= 1024,
    ),
    ok(duck) && ok(oursSame) && r.sideBySide !== undefined
      ? {
          budget: "… faster than DuckDB's whole process, same file and question, same answers",
          figure: `ours ${fmt(oursSame.ms)} vs DuckDB ${fmt(duck.ms)} (${(duck.ms / oursSame.ms).toFixed(2)}×); answers ${r.sideBySide.same ? `identical (${r.sideBySide.provinces} provinces, ${r.sideBySide.total.toLocaleString("en-US")} co-ops)` : `DIFFER: ${r.sideBySide.differences.slice(0, 3).join("; ")}`}`,
          met: oursSame.ms < duck.ms && r.sideBySide.same,
        }
      : {
          budget: "… faster than DuckDB's whole process, same file and question",
          figure: `DuckDB: ${ok(duck) ? fmt(duck.ms) : missing(duck)}; ours: ${ok(oursSame) ? fmt(oursSame.ms) : missing(oursSame)}`,
          met: undefined,
        },
    judge(
      "cold `snapshot`, current index, `--no-verify`: ≤ 0.5 s",
      noVerify,
      (x) => `${fmt(x.ms)}, ${x.rssMiB.toFixed(0)} MiB`,
      (x) => x.ms <= 500,
    ),
    judge(
      "`verify` (integrity; `--validity` adds decoding and the domain's rules, its row below): ≤ 2× the hashing floor",
      r.runs.find((x) => x.what === "verify"),
      (x) => `${fmt(x.ms)} = ${(x.ms / hash).toFixed(2)}×`,
      (x) => x.ms <= 2 * hash,
    ),
    judge(
      "first index build from the file: ≤ 2× the bare-parse time (≥ 50 % of its rate)",
      build,
      (x) => `${fmt(x.ms)} = ${(x.ms / parse).toFixed(1)}× (bare parse ${fmt(parse)})`,
      (x) => x.ms <= 2 * parse,
    ),
    judge(
      "… and ≤ 1 GB peak RSS",
      build,
      (x) => `${x.rssMiB.toFixed(0)} MiB`,
      (x) => x.rssMiB <= 1024,
    ),
    judge(
      "appending 1,000 events to an indexed ledger, then querying: ≤ 1 s",
      appended,
      (x) => `${fmt(x.ms)}, ${x.rssMiB.toFixed(0)} MiB (--no-verify)`,
      (x) => x.ms <= 1000,
    ),
    q.length > 0
      ? {
          budget: "query p50 ≤ 1 ms, p99 ≤ 10 ms (the first after opening included)",
          figure: `p50 ${quantile(q, 0.5).toFixed(2)} ms, p99 ${quantile(q, 0.99).toFixed(2)} ms, first ${(q[0] as number).toFixed(2)} ms (${q.length} province queries, known-at ${KNOWN_AT.slice(0, 10)})`,
          met: quantile(q, 0.5) <= 1 && quantile(q, 0.99) <= 10,
        }
      : {
          budget: "query p50 ≤ 1 ms, p99 ≤ 10 ms (the first after opening included)",
          figure: "not measured",
          met: undefined,
        },
  ];
  const g = r.growth;
  if (g !== undefined && ok(g.build) && ok(build)) {
    const events = r.events / g.events;
    const time = build.ms / g.build.ms;
    out.push({
      budget: "cost grows linearly with events (first build)",
      figure: `×${time.toFixed(1)} time for ×${events.toFixed(1)} events (${(time / events).toFixed(2)}; 1 = linear)`,
      met: time / events <= 1.25,
    });
  } else
    out.push({
      budget: "cost grows linearly with events (first build)",
      figure: "not measured",
      met: undefined,
    });
  return out;
};

/**
 * The run as Markdown: the budgets judged on this run's figures, then the floors and every command with
 * wall time, peak RSS and its ratio to the hashing floor of the same run.
 * @example console.log(renderColdCli(result))
 */
export const renderColdCli = (r: ColdCliResult): string => {
  const la = (a: number[]) => a.map((x) => x.toFixed(2)).join(" / ");
  const cpu = (ms: number | undefined) => (ms !== undefined && Number.isFinite(ms) ? fmt(ms) : "");
  const row = (x: Run) =>
    statusOf(x) === "ok"
      ? `| \`${x.what}\` | ${fmt(x.ms)} | ${cpu(x.cpuMs)} | ${Number.isFinite(x.rssMiB) ? `${x.rssMiB.toFixed(0)} MiB` : ""} | ${(x.ms / r.floors.hash).toFixed(2)} |`
      : `| \`${x.what}\` | ${missing(x)} | | | |`;
  const g = r.growth;
  const lines = [
    `Run ${r.started} → ${r.finished}, ${r.label}: ${r.events.toLocaleString("en-US")} events, ${(r.ledgerBytes / 2 ** 20).toFixed(0)} MiB ledger, ${(r.indexBytes / 2 ** 20).toFixed(0)} MiB index. Load average (1 / 5 / 15 min) at start ${la(r.loadAverage.start)}, at end ${la(r.loadAverage.end)} (2 cores, shared).`,
    "",
    "| budget | figure (this run) | met |",
    "|---|---|---|",
    ...coldCliBudgets(r).map(
      (b) =>
        `| ${b.budget} | ${b.figure} | ${b.met === undefined ? "not judged" : b.met ? "yes" : "**NO**"} |`,
    ),
    "",
    "| measurement | wall | CPU (user + sys) | peak RSS | wall ÷ hashing floor |",
    "|---|---|---|---|---|",
    `| floor: read the file (8 MiB buffered reads) | ${fmt(r.floors.read)} | ${cpu(r.floors.readCpuMs)} | | ${(r.floors.read / r.floors.hash).toFixed(2)} |`,
    `| floor: hash every line, one thread (read + newline split + one one-shot SHA-256 a line) | ${fmt(r.floors.hash)} | ${cpu(r.floors.hashCpuMs)} | | 1 |`,
    `| ceiling: bare JSON.parse (read + newline split + JSON.parse a line) | ${fmt(r.floors.parse)} (${Math.round(r.floors.lines / (r.floors.parse / 1000)).toLocaleString("en-US")} lines/s) | ${cpu(r.floors.parseCpuMs)} | | ${(r.floors.parse / r.floors.hash).toFixed(2)} |`,
    ...r.runs.map(row),
    ...(g === undefined ? [] : [row(g.build), row(g.verified), row(g.noVerify)]),
  ];
  return lines.join("\n");
};

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
