import { provinceLabel } from "@coop-ledger/projections";
import * as E from "fp-ts/lib/Either.js";
import { evaluateResolution, targetsTable, whatIfProvince } from "../commands/targets.js";
import type { LoadedLedger } from "../engine/load-ledger.js";
import { type CliError, usage } from "../errors/cli-error.js";
import { parseDateOption, parseInstantOption } from "../options/dates.js";
import type { NumberFormat } from "../output/numbers.js";
import { type ApiAnswer, answer } from "./api-answer.js";
import { param } from "./request-params.js";

/**
 * A resolution's targets (the CLI's `targets`); `province` and `geography` make a labelled what-if.
 * @example
 * const resolution000 = (ledger: LoadedLedger) =>
 *   targetsAnswer(ledger, new URLSearchParams("resolution=000&validAt=2025-12-31"), "en");
 */
export const targetsAnswer = (
  l: LoadedLedger,
  p: URLSearchParams,
  nf: NumberFormat,
): E.Either<CliError, ApiAnswer> => {
  const resolution = param(p, "resolution");
  if (resolution === undefined) return E.left(usage("resolution: missing", "e.g. resolution=000"));
  const validAt = parseDateOption("validAt", param(p, "validAt") ?? "");
  if (E.isLeft(validAt)) return validAt;
  const knownText = param(p, "knownAt");
  const knownAt = knownText === undefined ? undefined : parseInstantOption("knownAt", knownText);
  if (knownAt !== undefined && E.isLeft(knownAt)) return knownAt;
  const province = param(p, "province");
  const geography = param(p, "geography");
  const whatIf = whatIfProvince(resolution, {
    ...(province !== undefined ? { province } : {}),
    ...(geography !== undefined ? { geography } : {}),
  });
  if (E.isLeft(whatIf)) return whatIf;
  const r = evaluateResolution(l.index, resolution, validAt.right, knownAt?.right, whatIf.right);
  if (E.isLeft(r)) return r;
  const s = r.right.summary;
  return E.right(
    answer(
      l,
      {
        resolution,
        validAt: validAt.right,
        ...(knownAt !== undefined ? { knownAt: knownAt.right } : {}),
        ...(whatIf.right !== undefined ? { whatIf: whatIf.right } : {}),
      },
      r.right,
      [targetsTable(r.right, nf)],
      [
        ...(r.right.whatIf !== undefined
          ? [
              `What-if: evaluated on ${provinceLabel(r.right.whatIf.province)}, not on the resolution's own province ${provinceLabel(r.right.whatIf.resolutionProvince)}.`,
            ]
          : []),
        `${s.label}: ${s.met} met, ${s.notMet} not met, ${s.pending} pending, ${s.notYetDue} not yet due, ${s.notMeasurable} not measurable (of ${s.total}).`,
      ],
      nf,
    ),
  );
};
