import { type Either, map, right } from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import type { ProjectionIndex } from "../index/projection-index.js";
import { findResolution, type UnknownResolution } from "./catalogue.js";
import { figureSourceOf } from "./engine-source.js";
import { evaluateTargets, type TargetsQuery, type TargetsReport } from "./evaluate.js";
import type { FigureSource } from "./figure.js";
import type { Resolution } from "./resolution.js";

/**
 * Errors of {@link targets}: the resolution id is not bundled.
 * @example const e: TargetsError = { _tag: "UnknownResolution", id: "009", known: ["000", "001", "002", "004"] };
 */
export type TargetsError = UnknownResolution;

/**
 * `targets(index, resolutionId | resolution, query)`: each target with its figure, threshold,
 * deadline and status, and "k of n met". The figures come from the projection index (or from any
 * {@link FigureSource}); a resolution is named by a bundled id or given as data.
 *
 * @example targets(buildIndex(events), "004", { validAt: "2025-12-31" as BusinessDate }) // Right(report)
 */
export const targets = (
  index: ProjectionIndex | FigureSource,
  resolution: string | Resolution,
  query: TargetsQuery,
): Either<TargetsError, TargetsReport> =>
  pipe(
    typeof resolution === "string" ? findResolution(resolution) : right<TargetsError, Resolution>(resolution),
    map((r) => evaluateTargets(typeof index === "function" ? index : figureSourceOf(index), r, query)),
  );
