#!/usr/bin/env node
// `node packages/bench/dist/cold-cli.js --ledger FILE [--label L] [--skip explain,...] [--docs]`: the cost of
// one auditor's command, as a user runs it — a new process per command — with and without a current
// persisted index, beside the floors measured in the same run (reading the file, hashing every chain
// link, the bare JSON.parse ceiling). Wall time and peak RSS of each process come from /usr/bin/time.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  closeSync,
  copyFileSync,
  existsSync,
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
}

const cli = (what: string, args: ReadonlyArray<string>): Run => {
  const r = spawnSync(TIME, ["-f", "%e %M", process.execPath, BIN, ...args], {
    encoding: "utf8",
    maxBuffer: 256 << 20,
    env: { ...process.env, COOP_LEDGER_NO_PROGRESS: "1" },
    timeout: 30 * 60_000,
  });
  const last = (r.stderr ?? "").trim().split("\n").pop() ?? "";
  const [secs, kb] = last.split(" ").map(Number);
  const run = {
    what,
    ms: (secs ?? Number.NaN) * 1000,
    rssMiB: (kb ?? Number.NaN) / 1024,
    code: r.status ?? -1,
  };
  process.stderr.write(
    `  ${what}: ${(run.ms / 1000).toFixed(2)} s, ${run.rssMiB.toFixed(0)} MiB (exit ${run.code})\n`,
  );
  return run;
};

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
  runs.push(cli("verify", ["verify", "--ledger", ledger, "--format", "json"]));
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
  if (!skip.has("append")) {
    const copy = join(root, ".bench-out", `append-${label}.jsonl`);
    const { tail, events } = cutCopy(ledger, 1000, copy);
    rmSync(`${copy}.idx`, { force: true });
    const s2 = ["snapshot", "--ledger", copy, "--valid-at", "2022-12-31", "--format", "json"];
    cli("(setup: index the ledger without its last appends)", s2);
    const fd = openSync(copy, "a");
    writeSync(fd, tail);
    closeSync(fd);
    runs.push(
      cli(`snapshot after appending ${events} events, --no-verify (extends the index)`, [
        ...s2,
        "--no-verify",
      ]),
    );
    // Again, from the same cut, with the chain check.
    const again = cutCopy(ledger, 1000, copy);
    rmSync(`${copy}.idx`, { force: true });
    cli("(setup again)", s2);
    const fd2 = openSync(copy, "a");
    writeSync(fd2, again.tail);
    closeSync(fd2);
    runs.push(cli(`snapshot after appending ${events} events, chain verified (extends the index)`, s2));
    rmSync(copy, { force: true });
    rmSync(`${copy}.idx`, { force: true });
  }
  const idxBytes = existsSync(idx) ? statSync(idx).size : 0;
  const result = {
    label,
    ledger,
    started,
    finished: new Date().toISOString(),
    loadAverage: { start: loadStart, end: loadavg() },
    ledgerBytes: statSync(ledger).size,
    indexBytes: idxBytes,
    floors: f,
    runs,
  };
  const out = join(root, ".bench-out", `cold-cli-${label}.json`);
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(renderColdCli(result));
  if (args.includes("--docs")) {
    const doc = join(root, "docs", "performance.md");
    const text = readFileSync(doc, "utf8");
    const begin = `<!-- cold-cli:${label}:begin -->`;
    const end = `<!-- cold-cli:${label}:end -->`;
    const a = text.indexOf(begin);
    const b = text.indexOf(end);
    if (a >= 0 && b > a)
      writeFileSync(
        doc,
        `${text.slice(0, a + begin.length)}\n\n${renderColdCli(result)}\n\n${text.slice(b)}`,
      );
  }
};

const fmt = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);

/**
 * The run as a Markdown table: floors, then each command with wall time, peak RSS and its ratio to
 * the hashing floor of the same run.
 * @example console.log(renderColdCli(result))
 */
export const renderColdCli = (r: {
  label: string;
  started: string;
  loadAverage: { start: number[]; end: number[] };
  ledgerBytes: number;
  indexBytes: number;
  floors: { read: number; hash: number; parse: number; lines: number };
  runs: ReadonlyArray<Run>;
}): string => {
  const la = (a: number[]) => a.map((x) => x.toFixed(2)).join(" / ");
  const lines = [
    `Run ${r.started}, ${r.label}: ${r.floors.lines.toLocaleString("en-US")} lines, ${(r.ledgerBytes / 2 ** 20).toFixed(0)} MiB ledger, ${(r.indexBytes / 2 ** 20).toFixed(0)} MiB index. Load average at start ${la(r.loadAverage.start)}, at end ${la(r.loadAverage.end)} (2 cores).`,
    "",
    "| measurement | wall | peak RSS | ÷ hashing floor |",
    "|---|---|---|---|",
    `| floor: read the file (8 MiB buffered reads) | ${fmt(r.floors.read)} | | ${(r.floors.read / r.floors.hash).toFixed(2)} |`,
    `| floor: hash every chain link (read + newline split + one SHA-256 a line) | ${fmt(r.floors.hash)} | | 1 |`,
    `| ceiling: bare JSON.parse (read + newline split + JSON.parse a line) | ${fmt(r.floors.parse)} (${Math.round(r.floors.lines / (r.floors.parse / 1000)).toLocaleString("en-US")} lines/s) | | ${(r.floors.parse / r.floors.hash).toFixed(2)} |`,
    ...r.runs.map(
      (x) =>
        `| \`${x.what}\`${x.code === 0 ? "" : ` (exit ${x.code})`} | ${fmt(x.ms)} | ${x.rssMiB.toFixed(0)} MiB | ${(x.ms / r.floors.hash).toFixed(2)} |`,
    ),
  ];
  return lines.join("\n");
};

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
