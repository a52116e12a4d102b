#!/usr/bin/env node
// `node packages/bench/dist/cold-cli.js --ledger FILE [--label L] [--skip explain,validity,duckdb,append] [--docs]`: the cost of
// one auditor's command, as a user runs it — a new process per command — with and without a current
// persisted index, beside the floors measured in the same run (reading the file, hashing every chain
// link, the bare JSON.parse ceiling). Wall time and peak RSS of each process come from /usr/bin/time.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
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

const root = fileURLToPath(new URL("../../../", import.meta.url));
const BIN = join(root, "packages/cli/dist/bin.js");
const TIME = "/usr/bin/time";

/** Visits every line of a file (buffered 8 MiB reads, newline split on bytes). */
const eachLine = (path: string, visit: (buf: Buffer, s: number, e: number) => void): number => {
  const fd = openSync(path, "r");
  const buf = Buffer.allocUnsafe(8 << 20);
  let filled = 0;
  let pos = 0;
  let n = 0;
  for (;;) {
    const k = readSync(fd, buf, filled, buf.length - filled, pos);
    pos += k;
    const end = filled + k;
    let s = 0;
    for (;;) {
      const nl = buf.indexOf(10, s);
      if (nl < 0 || nl >= end) break;
      visit(buf, s, nl);
      n++;
      s = nl + 1;
    }
    buf.copy(buf, 0, s, end);
    filled = end - s;
    if (k === 0) break;
  }
  closeSync(fd);
  return n;
};

const timed = (f: () => void): number => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

/** The floors and the ceiling, in ms, the plainest way Node does each. */
const floors = (path: string) => {
  const read = timed(() => {
    const fd = openSync(path, "r");
    const buf = Buffer.allocUnsafe(8 << 20);
    let pos = 0;
    for (;;) {
      const k = readSync(fd, buf, 0, buf.length, pos);
      if (k === 0) break;
      pos += k;
    }
    closeSync(fd);
  });
  const prev = Buffer.alloc(64);
  const hash = timed(() => {
    eachLine(path, (buf, s, e) => {
      // One SHA-256 per line over the previous hash and the line's bytes: the work of the chain.
      createHash("sha256").update(prev).update(buf.subarray(s, e)).digest();
    });
  });
  let lines = 0;
  const parse = timed(() => {
    lines = eachLine(path, (buf, s, e) => {
      JSON.parse(buf.toString("utf8", s, e));
    });
  });
  return { read, hash, parse, lines };
};

interface Run {
  readonly what: string;
  readonly ms: number;
  readonly rssMiB: number;
  readonly code: number;
  /** What the process printed on stdout (kept for the side-by-side answers only). */
  readonly stdout?: string;
}

/** Runs `node script …args` under /usr/bin/time: wall time and peak RSS of the whole process. */
const timedNode = (what: string, script: string, args: ReadonlyArray<string>, keepStdout = false): Run => {
  const r = spawnSync(TIME, ["-f", "%e %M", process.execPath, script, ...args], {
    encoding: "utf8",
    maxBuffer: 256 << 20,
    env: { ...process.env, COOP_LEDGER_NO_PROGRESS: "1" },
    timeout: 30 * 60_000,
  });
  const last = (r.stderr ?? "").trim().split("\n").pop() ?? "";
  const [secs, kb] = last.split(" ").map(Number);
  const run: Run = {
    what,
    ms: (secs ?? Number.NaN) * 1000,
    rssMiB: (kb ?? Number.NaN) / 1024,
    code: r.status ?? -1,
    ...(keepStdout ? { stdout: r.stdout } : {}),
  };
  process.stderr.write(
    `  ${what}: ${(run.ms / 1000).toFixed(2)} s, ${run.rssMiB.toFixed(0)} MiB (exit ${run.code}) [load ${loadavg()[0]?.toFixed(2)}]\n`,
  );
  return run;
};

const cli = (what: string, args: ReadonlyArray<string>): Run => timedNode(what, BIN, args);

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
  readonly floors: { read: number; hash: number; parse: number; lines: number };
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
  rmSync(idx, { force: true });
  runs.push(cli("snapshot, no index (first build, writes it)", snap));
  runs.push(cli("snapshot, current index, chain verified", snap));
  runs.push(cli("snapshot, current index, --no-verify", [...snap, "--no-verify"]));
  runs.push(
    cli("series 2014–2025 yearly, current index", [
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
    ]),
  );
  if (!skip.has("explain"))
    runs.push(
      cli("explain coops.dissolved, current index", [
        "explain",
        "coops.dissolved",
        "--ledger",
        ledger,
        "--valid-at",
        "2022-12-31",
        "--format",
        "json",
      ]),
    );
  let sideBySide: ColdCliResult["sideBySide"];
  let queryMs: number[] | undefined;
  if (!skip.has("duckdb")) {
    const question = [ledger, VALID_AT, KNOWN_AT];
    const duck = timedNode(
      `DuckDB whole process: active co-ops per province, valid ${VALID_AT}, known ${KNOWN_AT}`,
      join(SIDE, "duckdb-answer.js"),
      question,
      true,
    );
    const ours = timedNode(
      "ours, same question, current index, chain verified",
      join(SIDE, "ours-answer.js"),
      question,
      true,
    );
    const oursNv = timedNode(
      "ours, same question, current index, --no-verify",
      join(SIDE, "ours-answer.js"),
      [...question, "--no-verify"],
      true,
    );
    runs.push(duck, ours, oursNv);
    if (duck.code === 0 && ours.code === 0) {
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
    cli("(setup: index the ledger without its last appends)", [...s2, "--no-verify"]);
    copyFileSync(`${copy}.idx`, `${copy}.idx.saved`);
    const append = (): void => {
      const fd = openSync(copy, "a");
      writeSync(fd, tail);
      closeSync(fd);
    };
    append();
    runs.push(
      cli(`snapshot after appending ${events} events, --no-verify (extends the index)`, [
        ...s2,
        "--no-verify",
      ]),
    );
    // Again, from the same cut and the same index, with the chain check.
    truncateSync(copy, cutSize);
    copyFileSync(`${copy}.idx.saved`, `${copy}.idx`);
    append();
    runs.push(cli(`snapshot after appending ${events} events, chain verified (extends the index)`, s2));
    for (const x of [copy, `${copy}.idx`, `${copy}.idx.saved`]) rmSync(x, { force: true });
  }
  let growth: ColdCliResult["growth"];
  if (growthEvents > 0) {
    const small = join(work, `growth-${label}.jsonl`);
    const n = prefixCopy(ledger, growthEvents, small);
    rmSync(`${small}.idx`, { force: true });
    const s3 = ["snapshot", "--ledger", small, "--valid-at", "2022-12-31", "--format", "json"];
    growth = {
      events: n,
      build: cli(`growth: first build at ${n} events`, [...s3, "--no-verify"]),
      verified: cli(`growth: snapshot, current index, chain verified, at ${n} events`, s3),
      noVerify: cli(`growth: snapshot, current index, --no-verify, at ${n} events`, [...s3, "--no-verify"]),
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

/**
 * The budgets of issue #12, each judged on its figure from this run (not judged when the figure is
 * missing, or when the run failed).
 * @example coldCliBudgets(result).filter((b) => b.met === false)
 */
export const coldCliBudgets = (r: ColdCliResult): Budget[] => {
  const run = (prefix: string): Run | undefined => r.runs.find((x) => x.what.startsWith(prefix));
  const ok = (x: Run | undefined): x is Run => x !== undefined && x.code === 0 && Number.isFinite(x.ms);
  const judge = (
    budget: string,
    x: Run | undefined,
    figure: (x: Run) => string,
    pass: (x: Run) => boolean,
  ): Budget =>
    ok(x) ? { budget, figure: figure(x), met: pass(x) } : { budget, figure: "not measured", met: undefined };
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
          figure: "not measured",
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
  const row = (x: Run) =>
    `| \`${x.what}\`${x.code === 0 ? "" : ` (exit ${x.code})`} | ${fmt(x.ms)} | ${Number.isFinite(x.rssMiB) ? `${x.rssMiB.toFixed(0)} MiB` : ""} | ${(x.ms / r.floors.hash).toFixed(2)} |`;
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
    "| measurement | wall | peak RSS | ÷ hashing floor |",
    "|---|---|---|---|",
    `| floor: read the file (8 MiB buffered reads) | ${fmt(r.floors.read)} | | ${(r.floors.read / r.floors.hash).toFixed(2)} |`,
    `| floor: hash every chain link (read + newline split + one SHA-256 a line) | ${fmt(r.floors.hash)} | | 1 |`,
    `| ceiling: bare JSON.parse (read + newline split + JSON.parse a line) | ${fmt(r.floors.parse)} (${Math.round(r.floors.lines / (r.floors.parse / 1000)).toLocaleString("en-US")} lines/s) | | ${(r.floors.parse / r.floors.hash).toFixed(2)} |`,
    ...r.runs.map(row),
    ...(g === undefined ? [] : [row(g.build), row(g.verified), row(g.noVerify)]),
  ];
  return lines.join("\n");
};

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
