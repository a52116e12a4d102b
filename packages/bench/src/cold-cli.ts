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
  fsyncSync,
  mkdirSync,
  openSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ColdCliResult, KNOWN_AT, VALID_AT } from "./cold/cold-cli-result.js";
import { floors } from "./cold/floors.js";
import { indexRows } from "./cold/index-rows.js";
import { cutCopy, prefixCopy, reframedHead } from "./cold/ledger-copies.js";
import { parallelHashFloor } from "./cold/parallel-floor.js";
import { renderColdCli, writeColdCliDocs } from "./cold/render.js";
import { notMeasured, type Run, timedNode } from "./cold/timed-run.js";

export { type Budget, coldCliBudgets } from "./cold/budgets.js";
export type { ColdCliResult } from "./cold/cold-cli-result.js";
export { renderColdCli } from "./cold/render.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const BIN = join(root, "packages/cli/dist/bin.js");

/** Each step's budget (`--timeout SECS`, default 30 min): a step past it is killed and reported timed out. */
let timeoutMs = 30 * 60_000;
const cli = (what: string, args: ReadonlyArray<string>): Run => timedNode(what, BIN, args, { timeoutMs });

const SIDE = join(root, "packages/bench/dist/side-by-side");
// Our side of the side-by-side: bundled as the executable is (scripts/bundle-answer.mjs, run by the
// build), else the plain program (its module loading then costs ~0.3 s of CPU more than the answer).
const OURS = existsSync(join(SIDE, "ours-answer.bundle.js"))
  ? join(SIDE, "ours-answer.bundle.js")
  : join(SIDE, "ours-answer.js");

const main = async (): Promise<void> => {
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
  // Made before the first step that writes there (the append and growth copies), not only at the end.
  mkdirSync(work, { recursive: true });
  if (opt("--timeout") !== undefined) timeoutMs = Number(opt("--timeout")) * 1000;
  const loadStart = loadavg();
  const started = new Date().toISOString();
  process.stderr.write(`floors on ${ledger}\n`);
  const f1 = floors(ledger);
  // Beside the one-thread floor the budgets are judged on: the same hashing on every core, which bounds
  // what the parallel chain check can reach on this machine.
  const pf = await parallelHashFloor(ledger);
  const f = { ...f1, hashAll: pf.ms, hashAllCpuMs: pf.cpuMs, hashAllThreads: pf.threads };
  process.stderr.write(
    `  read ${f.read.toFixed(0)} ms, hash ${f.hash.toFixed(0)} ms (${pf.threads} threads: ${pf.ms.toFixed(0)} ms), parse ${f.parse.toFixed(0)} ms\n`,
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
        ? timedNode(what, OURS, [...question, ...extra], {
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
  const syncFile = (path: string): void => {
    const fd = openSync(path, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  };
  if (!skip.has("append")) {
    const copy = join(work, `append-${label}.jsonl`);
    const { tail, events, lastHash } = cutCopy(ledger, 1000, copy);
    // The budget's append: 1,000 events, one append (the ledger's own appends are whole batches: 2,043
    // events at the national ledger's end, kept as rows of their own).
    const thousand = events >= 1000 ? reframedHead(tail, 1000, lastHash) : undefined;
    const cutSize = statSync(copy).size;
    const indexFiles = [`${copy}.idx`, `${copy}.prov`];
    for (const x of indexFiles) rmSync(x, { force: true });
    const s2 = ["snapshot", "--ledger", copy, "--valid-at", "2022-12-31", "--format", "json"];
    const setup = cli("(setup, untimed: index the ledger without its last appends)", [...s2, "--no-verify"]);
    const thousandRow = "snapshot after appending 1,000 events (one append), --no-verify (extends the index)";
    const noVerifyRow = `snapshot after the ledger's last append (${events} events), --no-verify (extends the index)`;
    const verifiedRow = `snapshot after the ledger's last append (${events} events), chain verified (extends the index)`;
    const rows = [thousandRow, noVerifyRow, verifiedRow];
    if (setup.status !== "ok" || !existsSync(`${copy}.idx`)) {
      const why = `no index of the cut ledger: its setup step ${setup.status}`;
      runs.push(...rows.map((r) => notMeasured(r, why)));
    } else {
      for (const x of indexFiles) if (existsSync(x)) copyFileSync(x, `${x}.saved`);
      // Each timed step starts from the same cut ledger and the same index.
      const appendThenRun = (what: string, lines: Buffer, args: ReadonlyArray<string>): Run => {
        truncateSync(copy, cutSize);
        for (const x of indexFiles) if (existsSync(`${x}.saved`)) copyFileSync(`${x}.saved`, x);
        const fd = openSync(copy, "a");
        writeSync(fd, lines);
        closeSync(fd);
        // On disk before the step: else the extension's own fsync of the .idx also wrote back the
        // ~700 MB just copied into it (18:03 UTC run: 1.69 s wall for 0.96 s CPU). A user's index
        // was written long before they append.
        for (const x of [copy, ...indexFiles]) if (existsSync(x)) syncFile(x);
        return cli(what, args);
      };
      runs.push(
        thousand === undefined
          ? notMeasured(thousandRow, `the ledger's last append holds ${events} events, fewer than 1,000`)
          : appendThenRun(thousandRow, thousand, [...s2, "--no-verify"]),
        appendThenRun(noVerifyRow, tail, [...s2, "--no-verify"]),
        appendThenRun(verifiedRow, tail, s2),
      );
    }
    for (const x of [copy, ...indexFiles, ...indexFiles.map((f) => `${f}.saved`)]) rmSync(x, { force: true });
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
  const out = join(work, `cold-cli-${label}.json`);
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(renderColdCli(result));
  if (args.includes("--docs")) writeColdCliDocs(root, result);
};

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
