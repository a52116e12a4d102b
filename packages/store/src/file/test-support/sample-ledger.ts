import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { fixtureBatch, fixtureEvent } from "../../contract/fixtures.js";
import { type LedgerInfo, openFileLedger } from "../file-ledger.js";

/**
 * Writes a small ledger to `dir`: 3 streams, 12 events in 7 appends (some of 2–3 events), and returns
 * its path and final info (the anchor).
 */
export const writeSampleLedger = async (dir: string, name = "ledger.jsonl"): Promise<LedgerInfo> => {
  const path = join(dir, name);
  const opened = await openFileLedger(path, { now: () => new Date("2026-01-01T00:00:00.000Z") })();
  if (E.isLeft(opened)) throw new Error(opened.left.message);
  const l = opened.right;
  const plan: Array<[string, number]> = [
    ["a", 2],
    ["b", 1],
    ["a", 1],
    ["c", 3],
    ["b", 2],
    ["a", 1],
    ["c", 2],
  ];
  const next = new Map<string, number>();
  for (const [coop, count] of plan) {
    const from = next.get(coop) ?? 0;
    const r = await l.append(fixtureEvent(coop, 0).streamId, fixtureBatch(coop, count, from), {
      expectedRevision: "any",
    })();
    if (E.isLeft(r)) throw new Error(r.left.message);
    next.set(coop, from + count);
  }
  const info = l.info();
  await l.close();
  return info;
};
