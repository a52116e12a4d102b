import { Option } from "commander";
import * as E from "fp-ts/lib/Either.js";
import type { CliError } from "../errors/cli-error.js";
import { OutputFormat } from "../output/format.js";

/**
 * `--format table|json|csv`, default `table`.
 * @example
 * import { Command } from "commander";
 * const cmd = new Command("snapshot").addOption(formatOption()).exitOverride();
 * cmd.parse(["--format", "json"], { from: "user" });
 * console.log(cmd.opts().format); // "json" ("table" when not given)
 */
export const formatOption = (): Option =>
  new Option("--format <format>", "output format").choices([...OutputFormat.values]).default("table");

/**
 * `--ledger FILE`, required.
 * @example
 * import { Command } from "commander";
 * const cmd = new Command("verify").addOption(ledgerOption()).exitOverride();
 * cmd.parse(["--ledger", "national.jsonl"], { from: "user" });
 * console.log(cmd.opts().ledger); // "national.jsonl" (missing: commander refuses the command)
 */
export const ledgerOption = (): Option =>
  new Option("--ledger <file>", "the ledger file (JSONL, hash-chained)").makeOptionMandatory();

/**
 * `--no-verify`: skip recomputing the hash chain before computing figures (commander sets `verify:
 * false`); every output then says the figures are unverified.
 * @example
 * import { Command } from "commander";
 * const cmd = new Command("snapshot").addOption(noVerifyOption()).exitOverride();
 * cmd.parse(["--no-verify"], { from: "user" });
 * console.log(cmd.opts().verify); // false (true when not given)
 */
export const noVerifyOption = (): Option =>
  new Option(
    "--no-verify",
    "do not recompute the ledger's hash chain first (faster on a huge ledger; outputs say unverified)",
  );

/**
 * `--reindex`: rebuild the persisted index (`<ledger>.idx`) from the ledger, whatever it holds (after a
 * ledger was legitimately replaced, e.g. restored from a trusted copy).
 * @example
 * import { Command } from "commander";
 * const cmd = new Command("snapshot").addOption(reindexOption()).exitOverride();
 * cmd.parse(["--reindex"], { from: "user" });
 * console.log(cmd.opts().reindex); // true
 */
export const reindexOption = (): Option =>
  new Option("--reindex", "rebuild the ledger's index file (<ledger>.idx) from the ledger");

/** The `--no-verify` and `--reindex` switches as commander hands them over (`verify: false` when given). */
export interface VerifySwitch {
  readonly verify?: boolean;
  readonly reindex?: boolean;
}

/**
 * Collects a repeated option into an array (`--known-at A --known-at B`).
 * @example
 * import { Command, Option } from "commander";
 * const cmd = new Command("diff").addOption(new Option("--known-at <t>").argParser(collect)).exitOverride();
 * cmd.parse(["--known-at", "2023-01-15", "--known-at", "2024-01-15"], { from: "user" });
 * console.log(cmd.opts().knownAt); // ["2023-01-15", "2024-01-15"]
 */
export const collect = (value: string, previous: ReadonlyArray<string> | undefined): string[] => [
  ...(previous ?? []),
  value,
];

/**
 * The text of the exit-code table, shown under every command's help.
 * @example
 * EXIT_CODES_HELP.includes("0  success") // true
 */
export const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  internal error (a bug; rerun with --debug)
  2  usage error (unknown option, malformed value)
  3  file error (missing ledger, output exists, permission)
  4  ledger failed verification or could not be decoded
  5  query cannot be answered (unknown indicator/resolution, scope unavailable)
  6  EventStoreDB unavailable
  7  ledger locked by another writer, or a write conflict
  8  verify: ledger intact, but events break domain rules (validity)`;

/**
 * Runs a sequence of option parsers, stopping at the first error (fp-ts `Do` notation would be the
 * heavier equivalent).
 * @example
 * import { parseDateOption } from "../src/options/dates.js";
 * const both = allRight([parseDateOption("--valid-at", "31/12/2022"), parseDateOption("--from", "2022-01-01")]);
 * console.log(E.isRight(both) && both.right); // ["2022-12-31", "2022-01-01"]
 * const bad = allRight([parseDateOption("--valid-at", "31/12/2022"), parseDateOption("--from", "2022-13-01")]);
 * console.log(E.isLeft(bad) && bad.left._tag); // "UsageError": the first error (--from is not a date)
 */
export const allRight = <A>(xs: ReadonlyArray<E.Either<CliError, A>>): E.Either<CliError, A[]> => {
  const out: A[] = [];
  for (const x of xs) {
    if (E.isLeft(x)) return x;
    out.push(x.right);
  }
  return E.right(out);
};
