#!/usr/bin/env node
// Every round asks a distinct URL (an ignored `_` parameter), so the server computes each answer
// rather than serving it from its answer cache; the last column is the same view asked again (cached).
// Measures the web view on a ledger: how long `coop-ledger serve` takes to open it (chain check and
// index reopen; run twice: the first may build the index, the second reopens it), then each
// interaction the page makes, over HTTP as the browser asks (wall time) and as the server computed it
// (Server-Timing). Prints median and max per interaction and the HTTP+JSON overhead as a ratio.
//
// The slow interactions (explain, diff: seconds to minutes on a national ledger) are asked once.
//
//   node scripts/web-latency.mjs LEDGER [rounds]
import { spawn } from "node:child_process";
import { closeSync, openSync, readSync } from "node:fs";
import { get } from "node:http";
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

/** GET over node:http (fetch gives up after 300 s without headers; a national explain may take longer). */
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

/** The ledger's first event (line 2), to open its record: no slow query needed to find one. */
const firstEvent = () => {
  const fd = openSync(ledger, "r");
  const buf = Buffer.alloc(1 << 20);
  const n = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  return JSON.parse(buf.subarray(0, n).toString("utf8").split("\n")[1]);
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;

const first = await start();
console.log(`open #1 (chain checked, index ${"reopened or built"}): ${fmt(first.openMs)}`);
await stop(first.child);
const s = await start();
console.log(`open #2 (restart: chain checked, index reopened): ${fmt(s.openMs)}`);
try {
  const meta = JSON.parse((await fetchText(`${s.url}api/meta`)).body);
  console.log(`ledger: ${meta.ledger.events.toLocaleString("en-US")} events, ${meta.ledger.chain}`);
  const validAt = "2022-12-31";
  const ev = firstEvent();
  const interactions = [
    ["meta (page start)", "api/meta"],
    ["snapshot + yearly sparklines", `api/snapshot?validAt=${validAt}`],
    ["snapshot, one province", `api/snapshot?validAt=${validAt}&province=60`],
    ["snapshot, known-at slider moved", `api/snapshot?validAt=${validAt}&knownAt=2023-03-31`],
    ["explain coops.dissolved", `api/explain?indicator=coops.dissolved&validAt=${validAt}`],
    [
      "explain coops.active, one province",
      `api/explain?indicator=coops.active&validAt=${validAt}&province=60`,
    ],
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
  for (const [name, path] of interactions) {
    const wall = [];
    const compute = [];
    const ask = (i) => `${s.url}${path}${path.includes("?") ? "&" : "?"}_=${i}`;
    const slow = /api\/(explain|diff)/.test(path);
    for (let i = 0; i < (slow ? 1 : rounds); i++) {
      const t0 = performance.now();
      const res = await fetchText(ask(i));
      wall.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} ${res.body.slice(0, 300)}`);
      const m = /compute;dur=([\d.]+)/.exec(res.timing);
      compute.push(Number(m?.[1] ?? Number.NaN));
    }
    // The first round's URL again: served from the server's answer cache.
    const t0 = performance.now();
    await fetchText(ask(0));
    const again = performance.now() - t0;
    console.log(
      `${name.padEnd(38)} ${fmt(median(wall)).padStart(12)} ${fmt(Math.max(...wall)).padStart(10)} ${fmt(median(compute)).padStart(15)} ${(median(wall) / median(compute)).toFixed(2).padStart(13)} ${fmt(again).padStart(12)}`,
    );
  }
} finally {
  await stop(s.child);
}
