import { existsSync } from "node:fs";
import {
  buildScenario,
  generateLedger,
  isScenarioId,
  SCENARIOS,
  type ScenarioId,
} from "@coop-ledger/generator";
import * as E from "fp-ts/lib/Either.js";
import type { CliContext } from "../context.js";
import { writeLedger } from "../engine/write-ledger.js";
import { type CliError, usage } from "../errors/cli-error.js";
import type { CliOutput } from "../output/data-table.js";
import { groupDigits } from "../output/numbers.js";

/**
 * What `generate --preset` accepts: a scale of the realistic generator, or the id of a resolution whose
 * calibrated scenario (its own province, its baseline reproduced by the fold) is written.
 * @example const p: GeneratePreset = "004";
 */
export type GeneratePreset = "province" | "national" | ScenarioId;

/** Options of `coop-ledger generate`. */
export interface GenerateOptions {
  readonly preset: GeneratePreset;
  readonly seed: string;
  readonly out: string;
  readonly force?: boolean;
}

/**
 * `coop-ledger generate --preset province|national|000|001|002|003|004 --seed N --out FILE`: writes the events
 * of `@coop-ledger/generator` to a new ledger. `004`, `002`, `001` write the calibrated scenario of that
 * resolution's province (`SCENARIOS`; the seed is the scenario's own). Deterministic: the same preset and
 * seed give the same bytes wherever the package runs (event ids, instants and the header's `createdAt`
 * all come from the seed; district codes from the GSO list shipped in `@coop-ledger/domain`).
 *
 * @example
 * // Resolution 002's calibrated scenario (Đắk Nông, 67) written to a new ledger; the same bytes on every run.
 * const ctx = makeContext(processIo());
 * const r = await runGenerate(ctx, { preset: "002", seed: "0", out: "scenario-002.jsonl", force: true });
 * if (E.isLeft(r)) throw new Error(r.left.message);
 * console.log(r.right.json); // { out: "scenario-002.jsonl", preset: "002", seed: 20190808, scenario: "Đắk Nông (67), …", events: 5282, lastHash: "e44106e7…", … }
 */
export const runGenerate = async (
  ctx: CliContext,
  o: GenerateOptions,
): Promise<E.Either<CliError, CliOutput>> => {
  if (!/^-?\d{1,9}$/.test(o.seed))
    return E.left(
      usage(`--seed: not an integer: ${JSON.stringify(o.seed)}`, "give a whole number, e.g. --seed 42"),
    );
  if (existsSync(o.out) && o.force !== true)
    return E.left({
      _tag: "FileError",
      path: o.out,
      message: `${o.out}: file already exists`,
      hint: "choose another --out path, or add --force to replace it",
    });
  const progress = ctx.progress(`generating ${o.preset} ledger`);
  const started = ctx.io.now();
  const preset = o.preset;
  const scenario = isScenarioId(preset) ? SCENARIOS[preset] : undefined;
  const seed = scenario === undefined ? Number(o.seed) : scenario.spec.seed;
  const r = await writeLedger(
    o.out,
    scenario !== undefined
      ? buildScenario(scenario.spec)
      : generateLedger({ preset: preset as "province" | "national", seed }),
    progress,
  );
  progress.done();
  if (E.isLeft(r)) return r;
  const secs = (ctx.io.now() - started) / 1000;
  return E.right({
    json: {
      out: o.out,
      preset: o.preset,
      seed,
      ...(scenario === undefined ? {} : { scenario: scenario.title, assumptions: scenario.assumptions }),
      ...r.right,
    },
    tables: [
      {
        title: `Generated ${o.out}`,
        columns: [
          { key: "k", header: "what" },
          { key: "v", header: "value" },
        ],
        rows: [
          { k: "preset", v: o.preset },
          ...(scenario === undefined ? [] : [{ k: "scenario", v: scenario.title }]),
          { k: "seed", v: String(seed) },
          { k: "events (sự kiện)", v: groupDigits(r.right.events) },
          { k: "streams", v: groupDigits(r.right.streams) },
          { k: "bytes", v: groupDigits(r.right.bytes) },
          { k: "last hash (anchor)", v: r.right.lastHash },
          { k: "seconds", v: secs.toFixed(1) },
        ],
      },
    ],
  });
};
