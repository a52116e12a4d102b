#!/usr/bin/env node
// Every round asks a distinct URL (an ignored `_` parameter), so the server computes each answer
// rather than serving it from its answer cache; the last column is the same view asked again (cached).
// Measures the web view on a ledger: how long `coop-ledger serve` takes to open it (chain check and
// index reopen; run twice: the first may build the index, the second reopens it), then each
// interaction the page makes, over HTTP as the browser asks (wall time) and as the server computed it
// (Server-Timing). Prints median and max per interaction and the HTTP+JSON overhead as a ratio.
//
//   node scripts/web-latency.mjs LEDGER [rounds]
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "packages/cli/dist/bin.js");
const [ledger, roundsText = "5"] = process.argv.slice(2);
if (!ledger) throw new Error("usage: node scripts/web-latency.mjs LEDGER [rounds]");
const rounds = Number(roundsText);

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

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;

const first = await start();
console.log(`open #1 (chain checked, index ${"reopened or built"}): ${fmt(first.openMs)}`);
await stop(first.child);
const s = await start();
console.log(`open #2 (restart: chain checked, index reopened): ${fmt(s.openMs)}`);
const meta = await (await fetch(`${s.url}api/meta`)).json();
console.log(`ledger: ${meta.ledger.events.toLocaleString("en-US")} events, ${meta.ledger.chain}`);
const validAt = "2022-12-31";
const explainQ = `api/explain?indicator=coops.dissolved&validAt=${validAt}`;
const x = await (await fetch(`${s.url}${explainQ}`)).json();
const ev = x.result.events[0];
const interactions = [
  ["meta (page start)", "api/meta"],
  ["snapshot + yearly sparklines", `api/snapshot?validAt=${validAt}`],
  ["snapshot, one province", `api/snapshot?validAt=${validAt}&province=60`],
  ["snapshot, known-at slider moved", `api/snapshot?validAt=${validAt}&knownAt=2023-03-31`],
  ["explain coops.dissolved", explainQ],
  ["explain coops.active, one province", `api/explain?indicator=coops.active&validAt=${validAt}&province=60`],
  [
    "diff (two known-at instants)",
    `api/diff?validAt=${validAt}&a=2023-01-15&b=${meta.result.lastRecordedAt}`,
  ],
  ["targets 000", "api/targets?resolution=000&validAt=2025-12-31"],
  ["event record", `api/event?stream=${encodeURIComponent(ev.streamId)}&position=${ev.position}`],
];
console.log(
  `\n${"interaction".padEnd(38)} ${"wall median".padStart(12)} ${"wall max".padStart(10)} ${"compute median".padStart(15)} ${"wall/compute".padStart(13)} ${"asked again".padStart(12)}`,
);
try {
  for (const [name, path] of interactions) {
    const wall = [];
    const compute = [];
    const ask = (i) => `${s.url}${path}${path.includes("?") ? "&" : "?"}_=${i}`;
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now();
      const res = await fetch(ask(i));
      await res.arrayBuffer();
      wall.push(performance.now() - t0);
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
      const m = /compute;dur=([\d.]+)/.exec(res.headers.get("server-timing") ?? "");
      compute.push(Number(m?.[1] ?? Number.NaN));
    }
    // The first round's URL again: served from the server's answer cache.
    const t0 = performance.now();
    await (await fetch(ask(0))).arrayBuffer();
    const again = performance.now() - t0;
    console.log(
      `${name.padEnd(38)} ${fmt(median(wall)).padStart(12)} ${fmt(Math.max(...wall)).padStart(10)} ${fmt(median(compute)).padStart(15)} ${(median(wall) / median(compute)).toFixed(2).padStart(13)} ${fmt(again).padStart(12)}`,
    );
  }
} finally {
  await stop(s.child);
}
