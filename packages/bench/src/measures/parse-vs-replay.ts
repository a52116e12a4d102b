import type { DatasetRef, Figures } from "../child/protocol.js";
import { collectGarbage, nowMs } from "../harness/clock.js";
import { readLineBatches } from "../harness/lines.js";
import type { Subjects } from "../subjects.js";
import { need } from "./not-available.js";

/**
 * The ceiling: read the ledger file and `JSON.parse` every line, nothing else. Returns the line count.
 *
 * @example
 * import { writeFile } from "node:fs/promises";
 * await writeFile("bare.jsonl", '{"a":1}\n{"a":2}\n');
 * const lines = await bareParse("bare.jsonl"); // JSON.parse of every line, nothing else: the floor
 * console.log(lines); // 2
 */
export const bareParse = async (path: string): Promise<number> => {
  let n = 0;
  let keys = 0;
  for await (const lines of readLineBatches(path)) {
    for (const line of lines) {
      const v: unknown = JSON.parse(line);
      // Touch the result so the parse cannot be optimised away.
      if (v !== null && typeof v === "object") keys++;
      n++;
    }
  }
  if (keys === -1) console.log(keys);
  return n;
};

/**
 * Measurement 1: bare `JSON.parse` of every ledger line vs a full replay (read + parse + decode + upcast
 * + every projection, as a rebuild of the index), read + decode alone (to attribute the cost), and the
 * plain-fold replay (every indicator at one date, no index) when available; decode and replay again
 * with the store's `trusted` validation (the fast path for a verified ledger). Repetitions alternate the three
 * so drift in machine load hits them alike; each is preceded by a full GC.
 *
 * @example
 * import { type DatasetRef, liveSubjects, need } from "@coop-ledger/bench";
 * // A tiny dataset (the bench uses a province, 100 k and national ones).
 * const generate = need(liveSubjects.generate, "generate");
 * const made = await generate("province", 7, 300, "parse-vs-replay.jsonl");
 * const dataset: DatasetRef = { label: "tiny", path: "parse-vs-replay.jsonl", events: made.events };
 * const figures = await parseVsReplay(liveSubjects, dataset, 1);
 * console.log("parseMs" in figures, "replayMs" in figures); // true true
 */
export const parseVsReplay = async (
  subjects: Subjects,
  dataset: DatasetRef,
  reps: number,
  light = false,
): Promise<Figures> => {
  const replayLedger = need(subjects.replayLedger, "replay of a file ledger (projections + store)");
  const readLedger = need(subjects.readLedger, "readLedger (store)");
  const parseMs: number[] = [];
  const replayMs: number[] = [];
  const decodeMs: number[] = [];
  const foldMs: number[] = [];
  const decodeTrustedMs: number[] = [];
  const replayTrustedMs: number[] = [];
  let lines = 0;
  let decoded = 0;
  // One untimed warm-up of each so the first timed repetition is not paying for compilation.
  if (dataset.events <= 200_000) {
    await bareParse(dataset.path);
    await replayLedger(dataset.path);
  }
  for (let i = 0; i < reps; i++) {
    collectGarbage();
    let t0 = nowMs();
    lines = await bareParse(dataset.path);
    parseMs.push(nowMs() - t0);

    collectGarbage();
    t0 = nowMs();
    decoded = 0;
    for await (const _ of readLedger(dataset.path)) decoded++;
    decodeMs.push(nowMs() - t0);

    collectGarbage();
    t0 = nowMs();
    await replayLedger(dataset.path);
    replayMs.push(nowMs() - t0);

    collectGarbage();
    t0 = nowMs();
    let trustedCount = 0;
    for await (const _ of readLedger(dataset.path, "trusted")) trustedCount++;
    if (trustedCount !== decoded)
      throw new Error(`trusted read gave ${trustedCount} events, codec ${decoded}`);
    decodeTrustedMs.push(nowMs() - t0);

    collectGarbage();
    t0 = nowMs();
    await replayLedger(dataset.path, "trusted");
    replayTrustedMs.push(nowMs() - t0);

    if (light) continue;
    if (subjects.replayLedgerFold !== undefined) {
      collectGarbage();
      t0 = nowMs();
      await subjects.replayLedgerFold(dataset.path);
      foldMs.push(nowMs() - t0);
    }
  }
  return { lines, events: decoded, parseMs, decodeMs, replayMs, decodeTrustedMs, replayTrustedMs, foldMs };
};
