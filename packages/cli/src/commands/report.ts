import { basename } from "node:path";
import type { BusinessDate } from "@coop-ledger/domain";
import { indicatorValue } from "@coop-ledger/projections";
import * as E from "fp-ts/lib/Either.js";
import type { CliContext } from "../context.js";
import { loadLedger } from "../engine/load-ledger.js";
import { outputRefusal, writeOutputFile } from "../engine/output-file.js";
import { type CliError, usage } from "../errors/cli-error.js";
import type { VerifySwitch } from "../options/common.js";
import { dateRange, parseDateOption } from "../options/dates.js";
import { parseScope } from "../options/scope.js";
import type { CliOutput } from "../output/data-table.js";
import { renderReportHtml } from "../report/html.js";
import { REPORT_INDICATORS, reportCharts } from "../report/report-charts.js";
import type { ReportData, ReportTargetRow } from "../report/report-data.js";
import { loadUplotAssets } from "../report/uplot-assets.js";
import { computeSeries } from "./series.js";
import {
  evaluateResolution,
  showTargetFigureText,
  targetStatusText,
  targetThresholdText,
} from "./targets.js";

/** Options of `coop-ledger report`. */
export interface ReportOptions extends VerifySwitch {
  readonly ledger: string;
  readonly out: string;
  /** Replace an existing `out` (never the ledger itself). */
  readonly force?: boolean;
  readonly validAt?: string;
  readonly from?: string;
  readonly province?: string;
  /** Count only this form (it replaces each indicator's own form; the labels say what is counted). */
  readonly form?: string;
}

/**
 * `coop-ledger report --ledger FILE --out report.html`: a self-contained HTML page (uPlot inlined, no
 * network) with the main indicators year by year and the resolutions' target attainment.
 *
 * @example
 * // A year of Bình Thuận (60) written to a ledger file (525 events).
 * const ctx = makeContext(processIo());
 * await writeLedger("report.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * const r = await runReport(ctx, { ledger: "report.jsonl", out: "report-2022.html", force: true });
 * if (E.isLeft(r)) throw new Error(r.left.message);
 * console.log(r.right.json); // { out: "report-2022.html", charts: 6, targets: 18, validAt: "2022-12-22" }
 */
export const runReport = async (
  ctx: CliContext,
  o: ReportOptions,
): Promise<E.Either<CliError, CliOutput>> => {
  const validAtOpt = o.validAt === undefined ? undefined : parseDateOption("--valid-at", o.validAt);
  if (validAtOpt !== undefined && E.isLeft(validAtOpt)) return validAtOpt;
  const fromOpt = o.from === undefined ? undefined : parseDateOption("--from", o.from);
  if (fromOpt !== undefined && E.isLeft(fromOpt)) return fromOpt;
  // A reversed range is refused before the ledger is read (the charts would run backwards).
  if (fromOpt !== undefined && validAtOpt !== undefined) {
    const range = dateRange("--from", fromOpt.right, "--valid-at", validAtOpt.right);
    if (E.isLeft(range)) return range;
  }
  const scope = parseScope({
    ...(o.province !== undefined ? { province: o.province } : {}),
    ...(o.form !== undefined ? { form: o.form } : {}),
  });
  if (E.isLeft(scope)) return scope;
  const outputOptions = { force: o.force === true, inputs: [o.ledger] };
  const refused = await outputRefusal(o.out, outputOptions);
  if (refused !== undefined) return E.left(refused);
  const loaded = await loadLedger(ctx, o.ledger, { verify: o.verify !== false, reindex: o.reindex === true });
  if (E.isLeft(loaded)) return loaded;
  const ledger = loaded.right;
  const validAt = validAtOpt?.right ?? ledger.lastEffective ?? ("2025-12-31" as BusinessDate);
  const from = fromOpt?.right ?? (`${(ledger.firstEffective ?? validAt).slice(0, 4)}-01-01` as BusinessDate);
  if (from > validAt)
    return E.left(
      usage(
        `--from ${from} is after the report's last date ${validAt} (${validAtOpt === undefined ? "the last effective date in the ledger" : "--valid-at"})`,
        `give --from a date on or before ${validAt}, or a later --valid-at`,
      ),
    );
  const series = computeSeries(ledger, REPORT_INDICATORS, from, validAt, "year", scope.right);
  if (E.isLeft(series)) return series;
  const points = series.right.points;
  const notes: string[] = [];
  const targets: ReportTargetRow[] = [];
  for (const id of ["000", "004"]) {
    const r = evaluateResolution(ledger.index, id, validAt);
    if (E.isLeft(r)) {
      notes.push(`Resolution ${id}: ${r.left.message}`);
      continue;
    }
    notes.push(`Resolution ${id} (${r.right.title.en}): ${r.right.summary.label} at ${validAt}.`);
    for (const row of r.right.targets)
      targets.push({
        resolution: id,
        target: `${row.label.en} (${row.label.vi})${row.year !== undefined ? `, ${row.year}` : ""}`,
        figure: showTargetFigureText(row, ctx.numberFormat),
        threshold: targetThresholdText(row, ctx.numberFormat),
        status: targetStatusText(row),
        statusTag: row.status._tag,
      });
  }
  const data: ReportData = {
    title: `coop-ledger report — ${basename(o.ledger)}${o.province !== undefined ? `, province ${o.province}` : ""}${o.form !== undefined ? `, form ${o.form}` : ""}`,
    numberFormat: ctx.numberFormat,
    source: {
      ledger: basename(o.ledger),
      events: ledger.events,
      lastRecordedAt: ledger.lastRecordedAt ?? null,
      validAt,
    },
    charts: reportCharts(
      points.map((p) => p.validAt),
      (id) => points.map((p) => indicatorValue(p, id)?.value ?? null),
      scope.right.form,
    ),
    targets,
    identity: ledger.identity,
    notes: [
      "Each point is a point-in-time query at 31 December (flows over that calendar year), with everything the ledger knows; see `coop-ledger explain` for the events behind any figure.",
      ...notes,
    ],
  };
  const written = await writeOutputFile(o.out, renderReportHtml(data, loadUplotAssets()), outputOptions);
  if (E.isLeft(written)) return written;
  return E.right({
    ledger: ledger.identity,
    json: { out: o.out, charts: data.charts.length, targets: targets.length, validAt },
    tables: [],
    notes: [
      `Wrote ${o.out}: ${data.charts.length} charts, ${targets.length} target rows, figures ${from} → ${validAt}. Open it in any browser; it needs no network.`,
    ],
  });
};
