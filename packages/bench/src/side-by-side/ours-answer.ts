#!/usr/bin/env node
// `node dist/side-by-side/ours-answer.js LEDGER VALID_AT KNOWN_AT [--no-verify]`: our whole process
// answering the same as-of question as DuckDB (active co-ops per province, valid at V, known at K)
// through the CLI's load path (chain check unless --no-verify, then the persisted index reopened or
// built) and one snapshot query per province; prints { answer: { province: count }, queryMs, indexOrigin }.
import { loadLedger, makeContext, processIo } from "@coop-ledger/cli";
import { snapshot } from "@coop-ledger/projections";
import * as E from "fp-ts/lib/Either.js";

const args = process.argv.slice(2);
const [path, validAt, knownAt] = args;
if (path === undefined || validAt === undefined || knownAt === undefined)
  throw new Error("usage: ours-answer LEDGER VALID_AT KNOWN_AT [--no-verify]");
const ctx = makeContext({ ...processIo(), env: { ...process.env, COOP_LEDGER_NO_PROGRESS: "1" } });
const loaded = await loadLedger(ctx, path, { verify: !args.includes("--no-verify") });
if (E.isLeft(loaded)) throw new Error(loaded.left.message);
const index = loaded.right.index;
// Every province code the index has a cell for (a province with no co-op answers 0 and is left out).
const provinces = new Set<string>();
for (let id = 0; id < index.cellCount; id++) {
  const c = index.cell(id);
  if (c.province !== "") provinces.add(c.province);
}
const out: Record<string, number> = {};
// Each query's time, the first after the index was opened included (it reads its level's columns).
const queryMs: number[] = [];
for (const province of [...provinces].sort()) {
  const t = performance.now();
  const s = snapshot(index, { validAt, knownAt, scope: { province }, indicators: ["coops.active"] });
  queryMs.push(performance.now() - t);
  if (E.isLeft(s)) throw new Error(`${province}: ${JSON.stringify(s.left)}`);
  const active = s.right.figures.find((f) => f.id === "coops.active")?.value;
  if (typeof active === "number" && active !== 0) out[province] = active;
}
process.stdout.write(`${JSON.stringify({ answer: out, queryMs, indexOrigin: loaded.right.indexOrigin })}\n`);
