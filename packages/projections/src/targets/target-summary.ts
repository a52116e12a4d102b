import { combineStatuses } from "./rollup.js";
import type { TargetStatus } from "./status.js";
import type { StatusCounts, TargetRow, TargetsReport, TargetsSummary } from "./target-report.js";

/**
 * Counts statuses by tag (the figures behind "k of n met").
 * @example countStatuses([{ _tag: "met" }, { _tag: "notMet" }, { _tag: "met", aheadOfSchedule: true }]).met // 2
 */
export const countStatuses = (statuses: ReadonlyArray<TargetStatus>): StatusCounts => {
  const n = (tag: TargetStatus["_tag"]) => statuses.filter((s) => s._tag === tag).length;
  return {
    met: n("met"),
    notMet: n("notMet"),
    pending: n("pending"),
    notYetDue: n("notYetDue"),
    notMeasurable: n("notMeasurable"),
    total: statuses.length,
  };
};

/**
 * Counts target rows by status into "k of n met". When every row carries the seed's `number`, the
 * headline counts numbered targets (each met when all its sub-targets are) and `subTargets` the rows.
 * @example
 * const source: FigureSource = () => ({ _tag: "Value", value: 300 });
 * const report = evaluateTargets(source, resolution004(), { validAt: "2025-12-31" as BusinessDate });
 * summariseTargets(report.targets.slice(0, 3)).label // "1 of 3 met"
 */
export const summariseTargets = (rows: ReadonlyArray<TargetRow>): TargetsSummary => {
  const sub = countStatuses(rows.map((r) => r.status));
  const numbered = rows.length > 0 && rows.every((r) => r.number !== undefined);
  if (!numbered) return { ...sub, label: `${sub.met} of ${sub.total} met` };
  const groups = new Map<string, TargetStatus[]>();
  for (const r of rows) groups.set(r.number ?? "", [...(groups.get(r.number ?? "") ?? []), r.status]);
  const top = countStatuses(
    [...groups].map(([n, parts]) => combineStatuses(parts, `Sub-targets of ${n} are still open.`)),
  );
  return {
    ...top,
    subTargets: sub,
    label: `${top.met} of ${top.total} targets met (${sub.met} of ${sub.total} sub-targets)`,
  };
};

/**
 * Every evaluated row with the detail spelt out: the years of per-year targets and the links of
 * averages in place of their target's row (for tables and tests that look at single years).
 * @example
 * const source: FigureSource = () => ({ _tag: "Value", value: 300 }); // 300 of everything, every year
 * const report = evaluateTargets(source, resolution000, { validAt: "2025-12-31" as BusinessDate });
 * targetRowsInDetail(report).filter((r) => r.targetId === "000.newCoops").length // 5 (one per year, 2021–2025)
 */
export const targetRowsInDetail = (report: Pick<TargetsReport, "targets">): ReadonlyArray<TargetRow> =>
  report.targets.flatMap((r) => (r.yearsMet !== undefined && r.detail !== undefined ? r.detail : [r]));
