#!/usr/bin/env node
// Prints the functions with the most self time in the .cpuprofile files that `pnpm bench --profile`
// writes (node --cpu-prof), so a missed budget can be traced to a hot path without a GUI:
//   node packages/bench/dist/profile-top.js .bench-out/prof [count]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { selfTimes } from "./harness/cpu-profile.js";

const dir = process.argv[2] ?? ".bench-out/prof";
const count = Number(process.argv[3] ?? 25);
for (const file of readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))) {
  const { totalMs, rows } = selfTimes(JSON.parse(readFileSync(join(dir, file), "utf8")));
  console.log(`${file}: ${totalMs.toFixed(0)} ms sampled`);
  for (const r of rows.slice(0, count))
    console.log(
      `${r.ms.toFixed(0).padStart(8)} ms ${((100 * r.ms) / totalMs).toFixed(1).padStart(5)}%  ${r.frame}`,
    );
}
