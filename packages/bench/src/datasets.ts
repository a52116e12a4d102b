import { createReadStream, existsSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { DatasetRef } from "./child/protocol.js";
import { runInChild } from "./child/run-in-child.js";

/** How a benchmark dataset is made: a generator preset at a fixed seed, optionally cut to a prefix. */
export interface DatasetSpec {
  readonly label: string;
  readonly preset: "province" | "national";
  readonly seed: number;
  readonly maxEvents?: number;
  /** Whether a quick run includes it. */
  readonly quick: boolean;
}

/**
 * The three datasets, at fixed seeds: a province (~10 k events), the first 100 k events of a national
 * history, and a whole national history (≥ 1 M events, ~35 k co-ops, 2013–2026).
 *
 * @example DATASETS.map((d) => d.label) // ["province", "100k", "national"]
 */
export const DATASETS: ReadonlyArray<DatasetSpec> = [
  { label: "province", preset: "province", seed: 20_240_701, quick: true },
  { label: "100k", preset: "national", seed: 20_250_701, maxEvents: 100_000, quick: true },
  { label: "national", preset: "national", seed: 20_130_701, quick: false },
];

/**
 * Returns the cached file ledger of a dataset, generating it (in a child process) on first use. The
 * cache key is the spec (and whether the district gazetteer was found), so changing a seed or size
 * writes a new file rather than reusing a stale one.
 *
 * @example
 * // A tiny spec (the bench's own are DATASETS: minutes of CPU for the province one).
 * const spec: DatasetSpec = { label: "tiny", preset: "province", seed: 7, maxEvents: 300, quick: true };
 * const ref = await ensureDataset(".bench-out/cache", spec); // generated in a child process
 * const again = await ensureDataset(".bench-out/cache", spec); // read from the cache
 * console.log(ref.events, again.path === ref.path); // 300 true
 */
export const ensureDataset = async (cacheDir: string, spec: DatasetSpec): Promise<DatasetRef> => {
  await mkdir(cacheDir, { recursive: true });
  const key = `${spec.label}-${spec.preset}-s${spec.seed}${spec.maxEvents !== undefined ? `-n${spec.maxEvents}` : ""}`;
  const path = join(cacheDir, `${key}.jsonl`);
  const meta = join(cacheDir, `${key}.meta.json`);
  if (existsSync(path) && existsSync(meta)) {
    const m = JSON.parse(readFileSync(meta, "utf8")) as { events: number };
    return { label: spec.label, path, events: m.events };
  }
  const r = await runInChild(
    {
      kind: "generate",
      label: spec.label,
      preset: spec.preset,
      seed: spec.seed,
      ...(spec.maxEvents !== undefined ? { maxEvents: spec.maxEvents } : {}),
      path,
    },
    { timeoutMs: 45 * 60_000 },
  );
  if (!r.ok) throw new Error(`generating ${spec.label} failed: ${r.error}`);
  writeFileSync(meta, `${JSON.stringify({ ...spec, ...r.figures, generatedInMs: r.wallMs }, null, 2)}\n`);
  return { label: spec.label, path, events: Number(r.figures.events) };
};

/**
 * A dataset from an existing file ledger (`--national PATH`) instead of a generated one. Its event
 * count is its number of lines less the header line, which is what the store writes (one event per
 * line after it; the lines are counted as newline bytes, not decoded, so a 1 M-event file takes a
 * second); the count only sizes the run (timeouts, repetitions): every measurement counts the events it
 * reads.
 *
 * @example
 * import { writeFile } from "node:fs/promises";
 * await writeFile("existing.jsonl", '{"format":"coop-ledger"}\n{"a":1}\n{"a":2}\n');
 * const ref = await existingDataset("national", "existing.jsonl");
 * console.log(ref.label, ref.events); // "national" 2
 */
export const existingDataset = async (label: string, path: string): Promise<DatasetRef> => {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
    if (chunk.length > 0) last = chunk[chunk.length - 1] as number;
  }
  if (last !== 10) lines++; // a last line without its newline
  return { label, path, events: Math.max(0, lines - 1) };
};
