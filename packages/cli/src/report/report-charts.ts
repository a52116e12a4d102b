import type { CoopForm } from "@coop-ledger/domain";
import { type IndicatorId, indicatorDefinition } from "@coop-ledger/projections";
import { labelInScope, scopedIndicatorName } from "../labels/scoped-label.js";
import type { ReportChart } from "./report-data.js";

type Label = { readonly en: string; readonly vi: string };

/** One chart of the report as written: which indicators, drawn how, titled for the whole population. */
interface ChartSpec {
  readonly id: string;
  readonly title: Label;
  readonly unit: ReportChart["unit"];
  readonly yTitle: Label;
  /** The value axis counts the organisations (its title follows a form scope; "đồng" or "members" do not). */
  readonly yCountsOrganisations?: boolean;
  readonly bars?: boolean;
  readonly indicators: ReadonlyArray<IndicatorId>;
  /**
   * The indicators are one measure, each on its own form (co-ops, unions, groups active). A `--form`
   * scope replaces every indicator's population by the scope's (see `labelInScope`), so under one they
   * all count the same organisations: the chart draws that population once.
   */
  readonly onePerForm?: boolean;
}

const CHARTS: ReadonlyArray<ChartSpec> = [
  {
    id: "active",
    title: { en: "Organisations active", vi: "Số HTX, LHHTX, THT đang hoạt động" },
    unit: "count",
    yTitle: { en: "organisations", vi: "tổ chức" },
    indicators: ["coops.active", "unions.active", "groups.active"],
    onePerForm: true,
  },
  {
    id: "flows",
    title: { en: "Co-ops founded and dissolved per year", vi: "Số HTX thành lập mới, giải thể" },
    unit: "count",
    yTitle: { en: "co-ops", vi: "HTX" },
    yCountsOrganisations: true,
    bars: true,
    indicators: ["coops.founded", "coops.dissolved"],
  },
  {
    id: "shares",
    title: {
      en: "Shares of co-ops: agricultural, under the 2012 law, rated fair or good",
      vi: "Tỷ lệ HTX nông nghiệp, theo Luật HTX 2012, xếp loại khá, tốt",
    },
    unit: "percent",
    yTitle: { en: "share", vi: "tỷ lệ" },
    indicators: ["coops.agriculturalShare", "coops.law2012Share", "rating.fairOrGoodShare"],
  },
  {
    id: "members",
    title: { en: "Average members per co-op", vi: "Bình quân thành viên/HTX" },
    unit: "count",
    yTitle: { en: "members", vi: "thành viên" },
    indicators: ["members.averagePerCoop"],
  },
  {
    id: "ocop",
    title: { en: "OCOP: co-ops and products with a valid certificate", vi: "Số HTX, sản phẩm OCOP" },
    unit: "count",
    yTitle: { en: "number", vi: "số lượng" },
    indicators: ["ocop.coops", "ocop.products"],
  },
  {
    id: "loans",
    title: { en: "Support-fund loans: principal outstanding and overdue", vi: "Dư nợ, nợ quá hạn" },
    unit: "vnd",
    yTitle: { en: "đồng", vi: "VND" },
    indicators: ["loans.outstandingVnd", "loans.overdueVnd"],
  },
];

/**
 * Every indicator the report's charts draw (the series the report computes).
 * @example REPORT_INDICATORS.includes("coops.active") // true
 */
export const REPORT_INDICATORS: ReadonlyArray<IndicatorId> = [
  ...new Set(CHARTS.flatMap((c) => c.indicators)),
];

const bilingual = (l: Label): string => `${l.en} (${l.vi})`;

const chartOf = (
  spec: ChartSpec,
  dates: ReadonlyArray<string>,
  valuesOf: (id: IndicatorId) => ReadonlyArray<number | null>,
  form: CoopForm | undefined,
): ReportChart => {
  // Under a form scope, one measure per form is one population: its first indicator, labelled in scope.
  const folded = form !== undefined && spec.onePerForm === true;
  const ids = folded ? spec.indicators.slice(0, 1) : spec.indicators;
  const series = ids.map((id) => ({
    label: scopedIndicatorName(indicatorDefinition(id), form),
    values: valuesOf(id),
  }));
  // A chart's words for what it counts follow the scope as its series' labels do: the chart counts
  // the forms its indicators count.
  const forms = [...new Set(spec.indicators.flatMap((id) => indicatorDefinition(id).forms))];
  const inScope = (l: Label): Label => labelInScope({ label: l, forms }, form);
  return {
    id: spec.id,
    // A folded chart draws one population: its series' name is the title.
    title: folded ? (series[0]?.label ?? bilingual(spec.title)) : bilingual(inScope(spec.title)),
    unit: spec.unit,
    yTitle: bilingual(spec.yCountsOrganisations === true ? inScope(spec.yTitle) : spec.yTitle),
    ...(spec.bars === true ? { bars: true } : {}),
    dates,
    series,
  };
};

/**
 * The report's charts, year by year: `dates` are the points (31 December of each year), `valuesOf`
 * gives an indicator's value at each point. Under a `--form` scope every title, axis and series names
 * the scope's form (in English and Vietnamese), and the indicators that are one measure per form
 * (co-ops, unions, groups active) are drawn once, since the scope makes them count the same organisations.
 *
 * @example
 * const charts = reportCharts(["2024-12-31"], () => [2], "union");
 * const active = charts.find((c) => c.id === "active");
 * if (active?.title !== "Active co-op unions (Số liên hiệp hợp tác xã đang hoạt động)") throw new Error(active?.title);
 * if (active.series.length !== 1) throw new Error("one population, one series");
 */
export const reportCharts = (
  dates: ReadonlyArray<string>,
  valuesOf: (id: IndicatorId) => ReadonlyArray<number | null>,
  form: CoopForm | undefined,
): ReadonlyArray<ReportChart> => CHARTS.map((c) => chartOf(c, dates, valuesOf, form));
