#!/usr/bin/env node
// Measures the web view on a ledger, interaction by interaction, as the page asks them (over HTTP, JSON
// included): how long `coop-ledger serve` takes to open the ledger (run twice: the first open may build
// the index, the second is a restart that reopens it), then each kind of interaction a reader makes —
// date change, known-at slider, scope, geography, provenance click (explain), which late events moved a
// figure (the late events, shown first, and the figure's event count the page fills in after them),
// compare (diff), resolution (targets), opening an event — `rounds` times each, every round with
// DIFFERENT values (another date, another instant, another province, indicator, pair of instants …), so
// neither the server's answer cache nor a warm per-instant view answers it. Prints p50 / p99 / max of
// the wall time per kind, the server's own compute time (Server-Timing), the same view asked again
// (served from the answer cache), and the load average around each kind.
//
// p99 is the nearest-rank percentile: with fewer than 100 rounds it is the slowest round.
//
// `--settle S` waits S seconds after the restart before the first question, as a reader who opens the
// page some seconds after the server started (serve warms the ledger while idle meanwhile); without
// it the questions start at once and race the warm-up.
//
//   node scripts/web-latency.mjs LEDGER [rounds] [--json OUT] [--settle S]
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "packages/cli/dist/bin.js");
const args = process.argv.slice(2);
const jsonAt = args.indexOf("--json");
const jsonOut = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
if (jsonAt >= 0) args.splice(jsonAt, 2);
const settleAt = args.indexOf("--settle");
const settleS = settleAt >= 0 ? Number(args[settleAt + 1]) : 0;
if (settleAt >= 0) args.splice(settleAt, 2);
const [ledger, roundsText = "20"] = args;
if (!ledger) throw new Error("usage: node scripts/web-latency.mjs LEDGER [rounds] [--json OUT] [--settle S]");
const rounds = Number(roundsText);

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");

const start = () =>
  new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [bin, "serve", "--ledger", ledger, "--port", "0"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let text = "";
    child.stdout.setEncoding("utf8").on("data", (d) => {
      text += d;
      const m = /open (http:\/\/\S+)/.exec(text);
      if (m) resolve({ child, url: m[1], openMs: performance.now() - t0 });
    });
    child.on("exit", (code) => reject(new Error(`serve exited (${code})`)));
  });
const stop = (child) =>
  new Promise((resolve) => {
    child.on("exit", resolve);
    child.kill("SIGINT");
  });

/** GET over node:http (fetch gives up after 300 s without headers; a slow answer may take longer). */
const fetchText = (url) =>
  new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (d) => {
        body += d;
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, timing: String(res.headers["server-timing"] ?? ""), body }),
      );
    }).on("error", reject);
  });

/** A process's peak resident set (VmHWM, MiB) where /proc says it (Linux), undefined elsewhere. */
const peakRssMiB = (pid) => {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb === undefined ? undefined : Math.round(Number(kb) / 1024);
  } catch {
    return undefined;
  }
};

/** Nearest-rank percentile. */
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const fmt = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);

const dayMs = 86_400_000;
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

console.log(`loadavg at start: ${load()}`);
const first = await start();
console.log(`open #1 (chain checked, index reopened or built): ${fmt(first.openMs)}`);
await stop(first.child);
const s = await start();
console.log(`open #2 (restart: chain checked, index reopened): ${fmt(s.openMs)}   loadavg ${load()}`);
if (settleS > 0) {
  await new Promise((resolve) => setTimeout(resolve, settleS * 1000));
  console.log(`settled ${settleS} s before the first question   loadavg ${load()}`);
}
const results = { ledger, rounds, settleS, open1Ms: first.openMs, open2Ms: s.openMs, kinds: [] };
try {
  const meta = JSON.parse((await fetchText(`${s.url}api/meta`)).body);
  const m = meta.result;
  console.log(`ledger: ${meta.ledger.line}`);
  results.identity = meta.ledger.line;

  // The ranges every kind draws its values from.
  const firstEff = Date.parse(m.firstEffective);
  const lastEff = Date.parse(m.lastEffective);
  const firstRec = Date.parse(m.firstRecordedAt);
  const lastRec = Date.parse(m.lastRecordedAt);
  /** The i-th of n points spread over [a, b] (ends excluded), as a day. */
  const spread = (a, b, i, n) => isoDay(a + Math.floor(((b - a) * (i + 1)) / (n + 1)));
  const validAt = "2022-12-31";
  const provinces = (g) => m.provinces[g].map((p) => p.code);
  const asOf = provinces("2008-08-01"); // the valid date's gazetteer for 2022
  const indicators = m.indicators.map((d) => d.id);
  const resolutions = m.resolutions.map((r) => r.id);
  const at = (xs, i) => xs[i % xs.length];
  const seen = []; // events listed by explain answers, opened by the "event" kind

  /** [kind, what the page asks in round i (one URL or several asked at once, as the page does)] */
  const kinds = [
    ["meta (page start)", () => ["api/meta"]],
    ["date change (valid date)", (i) => [`api/snapshot?validAt=${spread(firstEff, lastEff, i, rounds)}`]],
    [
      "known-at slider",
      (i) => [`api/snapshot?validAt=${validAt}&knownAt=${spread(firstRec, lastRec, i, rounds)}`],
    ],
    [
      "scope (province / sector / form)",
      (i) => [
        `api/snapshot?validAt=${validAt}&${
          i % 3 === 0
            ? `province=${at(asOf, i)}`
            : i % 3 === 1
              ? `sector=${at(m.sectors, i)}`
              : `form=${at(m.forms, i)}`
        }`,
      ],
    ],
    [
      "geography (2025-07-01 / 2008-08-01)",
      (i) => {
        const g = i % 2 === 0 ? "2025-07-01" : "2008-08-01";
        return [
          `api/snapshot?validAt=${spread(Date.parse("2025-07-01"), lastEff, i, rounds)}&geography=${g}&province=${at(provinces(g), i)}`,
        ];
      },
    ],
    [
      "provenance click (explain, 50 rows)",
      (i) => [
        `api/explain?indicator=${at(indicators, i)}&validAt=${validAt}${i % 2 === 1 ? `&province=${at(asOf, i)}` : ""}`,
      ],
    ],
    [
      "compare (diff of two known-at)",
      (i) => {
        const a = spread(firstRec, lastRec, i, rounds);
        return [
          `api/diff?validAt=${spread(firstEff, Date.parse(a), rounds - 1 - i, rounds)}&a=${a}&b=${i % 2 === 0 ? m.lastRecordedAt : isoDay(Date.parse(a) + 180 * dayMs)}`,
        ];
      },
    ],
    [
      "late events that moved a figure",
      (i) => {
        const a = spread(firstRec, lastRec, i, rounds);
        const q = `indicator=${at(indicators, i)}&validAt=${validAt}&knownAt=${m.lastRecordedAt}`;
        return [`api/explain?${q}&recordedAfter=${a}&limit=500`];
      },
    ],
    [
      // Asked alongside by the page and filled into the late events' caption when it arrives.
      "  … and the figure's event count",
      (i) => [
        `api/explain?indicator=${at(indicators, i)}&validAt=${validAt}&knownAt=${m.lastRecordedAt}&limit=1`,
      ],
    ],
    [
      "resolution (targets)",
      (i) => [`api/targets?resolution=${at(resolutions, i)}&validAt=${spread(firstEff, lastEff, i, rounds)}`],
    ],
    [
      "event record",
      (i) => {
        const e = at(seen, i);
        return [`api/event?stream=${encodeURIComponent(e.streamId)}&position=${e.position}`];
      },
    ],
  ];
  console.log(
    `\n${"interaction".padEnd(36)} ${"n".padStart(3)} ${"p50".padStart(8)} ${"p99".padStart(8)} ${"max".padStart(8)} ${"compute p50".padStart(12)} ${"again p50".padStart(10)}  loadavg (1 min) before → after`,
  );
  for (const [name, urls] of kinds) {
    const wall = [];
    const compute = [];
    const again = [];
    const before = loadavg()[0];
    const n = name.startsWith("meta") ? Math.min(rounds, 5) : rounds;
    for (let i = 0; i < n; i++) {
      // A distinct ignored parameter too, so even a repeated value is computed, not served from cache.
      const ask = urls(i).map((u) => `${s.url}${u}${u.includes("?") ? "&" : "?"}_=${name.length}-${i}`);
      const t0 = performance.now();
      const answers = await Promise.all(ask.map(fetchText));
      wall.push(performance.now() - t0);
      let c = 0;
      for (const [k, res] of answers.entries()) {
        if (res.status !== 200) throw new Error(`${ask[k]}: HTTP ${res.status} ${res.body.slice(0, 300)}`);
        c = Math.max(c, Number(/compute;dur=([\d.]+)/.exec(res.timing)?.[1] ?? Number.NaN));
        if (ask[k].includes("api/explain"))
          for (const row of JSON.parse(res.body).tables[0]?.rows ?? []) if (seen.length < 500) seen.push(row);
      }
      compute.push(c);
      const t1 = performance.now();
      await Promise.all(ask.map(fetchText));
      again.push(performance.now() - t1);
    }
    const after = loadavg()[0];
    const row = {
      name,
      n,
      p50: pct(wall, 50),
      p99: pct(wall, 99),
      max: Math.max(...wall),
      computeP50: pct(compute, 50),
      againP50: pct(again, 50),
      load: [before, after],
    };
    results.kinds.push(row);
    console.log(
      `${name.padEnd(36)} ${String(n).padStart(3)} ${fmt(row.p50).padStart(8)} ${fmt(row.p99).padStart(8)} ${fmt(row.max).padStart(8)} ${fmt(row.computeP50).padStart(12)} ${fmt(row.againP50).padStart(10)}  ${before.toFixed(1)} → ${after.toFixed(1)}`,
    );
  }
} finally {
  results.peakRssMiB = peakRssMiB(s.child.pid);
  if (results.peakRssMiB !== undefined) console.log(`\nserver peak RSS (VmHWM): ${results.peakRssMiB} MiB`);
  await stop(s.child);
  console.log(`\nloadavg at end: ${load()}`);
  if (jsonOut !== undefined) writeFileSync(jsonOut, `${JSON.stringify(results, null, 2)}\n`);
}
