import * as E from "fp-ts/lib/Either.js";
import type { LoadedLedger } from "../engine/load-ledger.js";
import type { CliError } from "../errors/cli-error.js";
import type { NumberFormat } from "../output/numbers.js";
import type { ApiAnswer } from "./api-answer.js";
import { diffAnswer } from "./diff-answer.js";
import { eventAnswer } from "./event-answer.js";
import { explainAnswer } from "./explain-answer.js";
import { lateAnswer } from "./late-answer.js";
import { meta } from "./meta-answer.js";
import { seriesAnswer } from "./series-answer.js";
import { snapshotAnswer } from "./snapshot-answer.js";
import { targetsAnswer } from "./targets-answer.js";

/** One route of the web view's API: the answer to a request, from the ledger open now. */
export type ApiRoute = (
  l: LoadedLedger,
  p: URLSearchParams,
  nf: NumberFormat,
) => E.Either<CliError, ApiAnswer>;

/**
 * The web view's API: each path and the view's answer (one file per view, `<view>-answer.ts`, each the
 * JSON counterpart of a CLI command).
 *
 * @example console.log(Array.from(API_ROUTES.keys()).join(" ")); // "/api/meta /api/snapshot /api/explain /api/diff /api/late /api/targets /api/series /api/event"
 */
export const API_ROUTES: ReadonlyMap<string, ApiRoute> = new Map<string, ApiRoute>([
  ["/api/meta", (l, _p, nf) => E.right(meta(l, nf))],
  ["/api/snapshot", snapshotAnswer],
  ["/api/explain", explainAnswer],
  ["/api/diff", diffAnswer],
  ["/api/late", lateAnswer],
  ["/api/targets", targetsAnswer],
  ["/api/series", seriesAnswer],
  ["/api/event", (l, p) => eventAnswer(l, p)],
]);
