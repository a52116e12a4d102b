import type { ProjectionError } from "@coop-ledger/projections";
import { match } from "ts-pattern";
import type { CliError } from "../errors/cli-error.js";

/**
 * A projection engine error as a CLI error (exit 5, the question cannot be answered as asked), with a
 * hint naming the option to change.
 * @example fromProjectionError({ _tag: "UnknownIndicator", id: "x", message: "unknown indicator x" })._tag // "QueryError"
 */
export const fromProjectionError = (e: ProjectionError): CliError => {
  const hint = match(e)
    .with({ _tag: "InvalidQuery" }, (x) => `check the options: ${x.problems.join("; ")}`)
    .with(
      { _tag: "DistrictsNotInGazetteer" },
      () => "drop --district, or ask for a date before 2025-07-01 with --geography as-of",
    )
    .with(
      { _tag: "UnknownProvince" },
      (x) =>
        `province codes differ by gazetteer: ${x.province} is not a province of ${x.gazetteer}; try --geography`,
    )
    .with({ _tag: "UnknownIndicator" }, () => "run `coop-ledger indicators` for the list of ids")
    .with(
      { _tag: "ArithmeticOverflow" },
      () => "the figure exceeds exact integer range; narrow the scope and report this",
    )
    .exhaustive();
  return { _tag: "QueryError", message: e.message, hint };
};
