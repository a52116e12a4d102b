import type { LedgerIdentity } from "../engine/ledger-identity.js";
import type { NumberFormat } from "../output/numbers.js";

/**
 * One chart of the HTML report: one point per calendar year (the figure at 31 December, flows over
 * that year), with the year on the x axis, and one or more series. `unit` chooses the value format;
 * `bars` draws columns side by side (period figures such as co-ops founded per year) instead of
 * lines (instant figures such as co-ops active). `yTitle` is the value axis's title.
 *
 * @example
 * const c: ReportChart = { id: "active", title: "Active co-ops (Số HTX đang hoạt động)", unit: "count",
 *   yTitle: "organisations (tổ chức)", dates: ["2020-12-31", "2021-12-31"],
 *   series: [{ label: "co-ops (HTX)", values: [200, 215] }] };
 */
export interface ReportChart {
  readonly id: string;
  readonly title: string;
  readonly unit: "count" | "vnd" | "percent";
  readonly yTitle: string;
  readonly bars?: boolean;
  readonly dates: ReadonlyArray<string>;
  readonly series: ReadonlyArray<{ readonly label: string; readonly values: ReadonlyArray<number | null> }>;
}

/** One row of the target-attainment table (texts already formatted in the report's number format). */
export interface ReportTargetRow {
  readonly resolution: string;
  readonly target: string;
  readonly figure: string;
  readonly threshold: string;
  readonly status: string;
  /** met / notMet / pending / notYetDue / notMeasurable: colours the status cell. */
  readonly statusTag?: string;
}

/**
 * Everything the self-contained report shows: where the figures come from (so a printed page can be
 * traced back to one ledger), charts over time with their data tables, and the targets table.
 * `numberFormat` picks the separators of every number on the page (see `NumberFormat`); notes may
 * mark code between backticks (rendered as `<code>`).
 *
 * @example
 * const d: ReportData = { title: "Bình Thuận", numberFormat: "en", source: { ledger: "province-60.jsonl",
 *   events: 10000, lastRecordedAt: "2026-01-10T00:00:00.000Z", validAt: "2025-12-31" }, charts: [], targets: [] };
 */
export interface ReportData {
  readonly title: string;
  readonly numberFormat?: NumberFormat;
  readonly source: {
    readonly ledger: string;
    readonly events: number;
    readonly lastRecordedAt: string | null;
    readonly validAt: string;
  };
  readonly charts: ReadonlyArray<ReportChart>;
  readonly targets: ReadonlyArray<ReportTargetRow>;
  readonly notes?: ReadonlyArray<string>;
  /** The exact ledger state the figures come from (path, events, last position and hash, verified or not). */
  readonly identity?: LedgerIdentity;
}
