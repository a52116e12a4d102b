import { comparatorSymbol } from "./comparator.js";
import type { Resolution } from "./resolution.js";
import type { TargetRow, TargetsReport } from "./target-report.js";
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
 * @example
 * import { type BusinessDate, decide, initialState, makeCommand, type ProvinceCode, type RecordedEvent } from "@coop-ledger/domain";
 * // Two co-ops founded in Bình Thuận (province 60), as a store would record them.
 * const events: RecordedEvent[] = [];
 * for (const [n, coopId] of ["htx-1", "htx-2"].entries()) {
 *   const found = makeCommand("FoundCoop", {
 *     coopId, effectiveDate: "2019-03-01", name: `HTX ${coopId}`, form: "cooperative", sector: "agriculture",
 *     location: { gazetteer: "2008-08-01", provinceCode: "60" }, foundingMembers: 7,
 *   });
 *   if (found._tag === "Left") throw new Error(found.left.message);
 *   const decided = decide(found.right, initialState);
 *   if (decided._tag === "Left") throw new Error(decided.left.message);
 *   for (const event of decided.right)
 *     events.push({ streamId: `coop-${coopId}`, revision: 0, position: n, eventId: `00000000-0000-5000-8000-00000000000${n}`, event, metadata: { recordedAt: "2019-03-02T08:00:00.000Z" } } as RecordedEvent);
 * }
 * import { buildIndex, calibrationRows, evaluateTargets, figureSourceOf, resolution004, withProvince } from "@coop-ledger/projections";
 * const resolution = withProvince(resolution004(), { code: "60" as ProvinceCode, gazetteer: "2008-08-01" });
 * const report = evaluateTargets(figureSourceOf(buildIndex(events)), resolution, { validAt: "2021-04-22" as BusinessDate });
 * const rows = calibrationRows(resolution, report);
 * console.log(rows.length === report.baseline.length, rows[0]?.targetId); // true "004.baseline.unions"
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
 * @example
 * import { type CalibrationRow, renderCalibrationMarkdown } from "@coop-ledger/projections";
 * const rows: CalibrationRow[] = [{ targetId: "004.baseline.coops", label: "Co-ops (Số hợp tác xã)", seed: "= 234", ledger: "234", status: "met", reading: "coops.active on 2021-04-22" }];
 * const md = renderCalibrationMarkdown(rows);
 * console.log(md.split("\n")[0]); // "| baseline | seed figure | ledger figure | status | reading chosen |"
 */
export const renderCalibrationMarkdown = (rows: ReadonlyArray<CalibrationRow>): string =>
  [
    "| baseline | seed figure | ledger figure | status | reading chosen |",
    "|---|---|---|---|---|",
    ...rows.map(
      (r) => `| ${r.label} | ${r.seed} | ${r.ledger} | ${r.status} | ${r.reading.replace(/\|/g, "\\|")} |`,
    ),
  ].join("\n");
