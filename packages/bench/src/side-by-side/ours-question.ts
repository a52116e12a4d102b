import { type IndexOrigin, loadLedger, makeContext, processIo } from "@coop-ledger/cli";
import { snapshot } from "@coop-ledger/projections";
import * as E from "fp-ts/lib/Either.js";

/**
 * Our side of the side-by-side (ours-answer.ts), once the chain check was started: the CLI's load path
 * (chain check unless `verify` is false, then the persisted index reopened or built) and one snapshot
 * query per province; what ours-answer prints. In a module of its own so that ours-answer can start the
 * check before this (the CLI, the projections) is loaded, as the executable does.
 * @example
 * import { writeLedger } from "@coop-ledger/cli/internal";
 * import { generateLedger } from "@coop-ledger/generator";
 * // A year of Bình Thuận (60) written to a ledger file; its index is built by the first answer.
 * const ctx = makeContext(processIo());
 * await writeLedger("side.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * const r = await answerQuestion("side.jsonl", "2022-12-31", "2023-03-31T00:00:00.000Z", true);
 * console.log(r.indexOrigin, Object.keys(r.answer)); // "built" ["60"]
 */
export const answerQuestion = async (
  path: string,
  validAt: string,
  knownAt: string,
  verify: boolean,
): Promise<{ answer: Record<string, number>; queryMs: number[]; indexOrigin: IndexOrigin }> => {
  const ctx = makeContext({ ...processIo(), env: { ...process.env, COOP_LEDGER_NO_PROGRESS: "1" } });
  const loaded = await loadLedger(ctx, path, { verify });
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
  return { answer: out, queryMs, indexOrigin: loaded.right.indexOrigin };
};
