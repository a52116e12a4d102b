import { existsSync } from "node:fs";
import { generateLedger } from "@coop-ledger/generator";
import * as E from "fp-ts/lib/Either.js";
import type { CliContext } from "../context.js";
import { writeLedger } from "../engine/write-ledger.js";
import { type CliError, usage } from "../errors/cli-error.js";
import type { CommandOutput } from "../output/data-table.js";

/** Options of `coop-ledger generate`. */
export interface GenerateOptions {
  readonly preset: "province" | "national";
  readonly seed: string;
  readonly out: string;
  readonly force?: boolean;
}

/**
 * `coop-ledger generate --preset province|national --seed N --out FILE`: writes the events of
 * `@coop-ledger/generator` to a new ledger. Deterministic: the same preset and seed give the same bytes
 * wherever the package runs (event ids, instants and the header's `createdAt` all come from the seed;
 * district codes from the GSO list shipped in `@coop-ledger/domain`).
 *
 * @example await runGenerate(ctx, { preset: "province", seed: "60", out: "province-60.jsonl" })
 */
export const runGenerate = async (
  ctx: CliContext,
  o: GenerateOptions,
): Promise<E.Either<CliError, CommandOutput>> => {
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
  const r = await writeLedger(o.out, generateLedger({ preset: o.preset, seed: Number(o.seed) }), progress);
  progress.done();
  if (E.isLeft(r)) return r;
  const secs = (ctx.io.now() - started) / 1000;
  return E.right({
    json: { out: o.out, preset: o.preset, seed: Number(o.seed), ...r.right },
    tables: [
      {
        title: `Generated ${o.out}`,
        columns: [
          { key: "k", header: "what" },
          { key: "v", header: "value" },
        ],
        rows: [
          { k: "preset", v: o.preset },
          { k: "seed", v: o.seed },
          { k: "events (sự kiện)", v: r.right.events.toLocaleString("en-US") },
          { k: "streams", v: r.right.streams.toLocaleString("en-US") },
          { k: "bytes", v: r.right.bytes.toLocaleString("en-US") },
          { k: "last hash (anchor)", v: r.right.lastHash },
          { k: "seconds", v: secs.toFixed(1) },
        ],
      },
    ],
  });
};
