import type { LedgerIdentity } from "../engine/ledger-identity.js";

/**
 * One chart of the HTML report: a shared x axis of dates (`YYYY-MM-DD`) and one or more series over it.
 * `unit` chooses the axis format; `bars` draws columns (period figures such as co-ops founded per year)
 * instead of lines (instant figures such as co-ops active).
 *
 * @example
 * const c: ReportChart = { id: "active", title: "Active co-ops (Số HTX đang hoạt động)", unit: "count",
 *   dates: ["2020-12-31", "2021-12-31"], series: [{ label: "co-ops", values: [200, 215] }] };
 */
export interface ReportChart {
  readonly id: string;
  readonly title: string;
  readonly unit: "count" | "vnd" | "percent";
  readonly bars?: boolean;
  readonly dates: ReadonlyArray<string>;
  readonly series: ReadonlyArray<{ readonly label: string; readonly values: ReadonlyArray<number | null> }>;
}

/** One row of the target-attainment table. */
export interface ReportTargetRow {
  readonly resolution: string;
  readonly target: string;
  readonly figure: string;
  readonly threshold: string;
  readonly status: string;
}

/**
 * Everything the self-contained report shows: where the figures come from (so a printed page can be
 * traced back to one ledger), charts over time, and the targets table.
 *
 * @example
 * const d: ReportData = { title: "Bình Thuận", source: { ledger: "province-60.jsonl", events: 10000,
 *   lastRecordedAt: "2026-01-10T00:00:00.000Z", validAt: "2025-12-31" }, charts: [], targets: [] };
 */
export interface ReportData {
  readonly title: string;
  readonly source: {
    readonly ledger: string;
    readonly events: number;
    readonly lastRecordedAt: string | null;
    readonly validAt: string;
    readonly sha256?: string;
  };
  readonly charts: ReadonlyArray<ReportChart>;
  readonly targets: ReadonlyArray<ReportTargetRow>;
  readonly notes?: ReadonlyArray<string>;
  /** The exact ledger state the figures come from (path, events, last position and hash, verified or not). */
  readonly identity?: LedgerIdentity;
}
