import { comparatorSymbol } from "./comparator.js";
import type { TargetRow, TargetsReport } from "./evaluate.js";
import type { Resolution } from "./resolution.js";
import { formatThreshold } from "./threshold.js";

/**
 * One baseline figure of a seed beside the ledger's: what the seed reports, what the fold gives on a
 * calibrated scenario, and how the figure is read (indicator, date or period, the resolution's note).
 *
 * @example
 * import type { CalibrationRow } from "@coop-ledger/projections";
 * const r: CalibrationRow = { targetId: "004.baseline.coops", label: "Co-ops (Số hợp tác xã)", seed: "= 234", ledger: "234", status: "met", reading: "coops.active on 2021-04-22" };
 * console.log(`${r.label}: seed ${r.seed}, ledger ${r.ledger}`); // "Co-ops (Số hợp tác xã): seed = 234, ledger 234"
 */
export interface CalibrationRow {
  readonly targetId: string;
  readonly label: string;
  readonly seed: string;
  readonly ledger: string;
  readonly status: TargetRow["status"]["_tag"];
  readonly reading: string;
}

const ledgerFigure = (row: TargetRow): string => {
  const f = row.figure;
  if (f === undefined) return "–";
  if (f._tag === "Value")
    return row.threshold?.unit === "vnd" ? `${f.value.toLocaleString("en-US")} VND` : String(f.value);
  const pct = row.threshold?.unit === "basisPoints";
  const v = f.denominator === 0 ? Number.NaN : f.numerator / f.denominator;
  return `${pct ? `${(v * 100).toFixed(1)} %` : v.toFixed(2)} (${f.numerator} / ${f.denominator})`;
};

const reading = (row: TargetRow): string => {
  if (row.indicatorId === undefined) return row.status._tag === "notMeasurable" ? row.status.why : "";
  const when =
    row.period !== undefined
      ? `over ${row.period.from}…${row.period.to}`
      : row.year !== undefined
        ? `for ${row.year}, as of ${row.asOf}`
        : `on ${row.asOf}`;
  return `\`${row.indicatorId}\` ${when}${row.note === undefined ? "" : `. ${row.note}`}`;
};

/**
 * The calibration of a seed: each baseline row of the report (the figures the seed says were achieved)
 * with the seed's figure, the ledger's and the reading chosen.
 *
 * @example calibrationRows(resolution004(), evaluateTargets(figureSourceOf(index), resolution004(), { validAt: "2021-04-22" }))[0]?.seed // "= 1"
 */
export const calibrationRows = (resolution: Resolution, report: TargetsReport): CalibrationRow[] =>
  report.baseline.map((row) => {
    const target = resolution.baseline.find((t) => t.id === row.targetId);
    const stated = target?.measure.kind === "notMeasurable" ? (target.measure.stated ?? "–") : undefined;
    return {
      targetId: row.targetId,
      label: `${row.label.en} (${row.label.vi})`,
      seed:
        stated ??
        (row.comparator !== undefined && row.threshold !== undefined
          ? `${comparatorSymbol(row.comparator)} ${formatThreshold(row.threshold)}`
          : "–"),
      ledger: ledgerFigure(row),
      status: row.status._tag,
      reading: reading(row),
    };
  });

/**
 * The calibration rows as a Markdown table (docs/resolutions.md holds one per scenario, drift-tested).
 *
 * @example renderCalibrationMarkdown(rows).startsWith("| baseline |") // true
 */
export const renderCalibrationMarkdown = (rows: ReadonlyArray<CalibrationRow>): string =>
  [
    "| baseline | seed figure | ledger figure | status | reading chosen |",
    "|---|---|---|---|---|",
    ...rows.map(
      (r) => `| ${r.label} | ${r.seed} | ${r.ledger} | ${r.status} | ${r.reading.replace(/\|/g, "\\|")} |`,
    ),
  ].join("\n");
