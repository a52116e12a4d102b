import type { BusinessDate, Instant } from "@coop-ledger/domain";
import type { ProjectionIndex } from "@coop-ledger/projections";
import * as E from "fp-ts/lib/Either.js";
import type { CliContext } from "../context.js";
import type { CliError } from "../errors/cli-error.js";
import type { CommandOutput, DataTable } from "../output/data-table.js";

/** TEMPORARY until projections exports targets. */
export type TargetsReport = {
  readonly x: never;
  readonly title: { en: string; vi: string };
  readonly summary: { label: string };
  readonly targets: ReadonlyArray<{ readonly label: { en: string; vi: string }; readonly year?: number }>;
};
/** TEMPORARY. */
export const targetsTable = (_r: TargetsReport): DataTable => ({ columns: [], rows: [] });
/** TEMPORARY. */
export const evaluateResolution = (
  _index: ProjectionIndex,
  _resolution: string,
  _validAt: BusinessDate,
  _knownAt?: Instant,
): E.Either<CliError, TargetsReport> =>
  E.left({ _tag: "Internal", message: "targets not exported yet", hint: "wait" });
/** TEMPORARY. */
export const runTargets = async (_ctx: CliContext, _o: unknown): Promise<E.Either<CliError, CommandOutput>> =>
  E.left({ _tag: "Internal", message: "targets not exported yet", hint: "wait" });
/** TEMPORARY. */
export const targetThresholdText = (_r: unknown): string => "";
/** TEMPORARY. */
export const showTargetFigureText = (_r: unknown): string => "";
/** TEMPORARY. */
export const targetStatusText = (_r: unknown): string => "";
