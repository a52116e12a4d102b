import { type BusinessDate, type Instant, isProvince } from "@coop-ledger/domain";
import {
  comparatorSymbol,
  findResolution,
  formatThreshold,
  type ProjectionIndex,
  type ProvinceRef,
  provinceLabel,
  statusLabel,
  type TargetRow,
  type TargetsError,
  type TargetsReport,
  type Threshold,
  targets,
} from "@coop-ledger/projections";
import * as E from "fp-ts/lib/Either.js";
import { match } from "ts-pattern";
import type { CliContext } from "../context.js";
import { loadLedger } from "../engine/load-ledger.js";
import { type CliError, queryError, usage } from "../errors/cli-error.js";
import type { VerifySwitch } from "../options/common.js";
import { parseDateOption, parseInstantOption } from "../options/dates.js";
import { parseScope, type RawScopeOptions } from "../options/scope.js";
import type { CliOutput, DataTable } from "../output/data-table.js";
import { formatDecimal, groupDigits, type NumberFormat } from "../output/numbers.js";

/** Options of `coop-ledger targets` (the scope options: `--province` and `--geography` make a what-if). */
export interface TargetsOptions extends VerifySwitch, RawScopeOptions {
  readonly ledger: string;
  readonly resolution: string;
  readonly validAt: string;
  readonly knownAt?: string;
}

/**
 * A row's figure in its threshold's unit, for people: "71.43 %", "5,200,000 VND", "15.40".
 * @example
 * // A year of Bình Thuận (60), indexed in memory.
 * const index = buildIndex(asRecorded(generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" })));
 * const report = evaluateResolution(index, "000", "2022-12-31" as BusinessDate);
 * if (E.isLeft(report)) throw new Error(report.left.message);
 * const row = report.right.targets.find((t) => t.targetId === "000.youngQualifiedManagers")!;
 * console.log(showTargetFigure(row), showTargetFigure(row, "vi")); // "42.71 %" "42,71 %"
 */
export const showTargetFigure = (row: TargetRow, nf: NumberFormat = "en"): string => {
  if (row.yearsMet !== undefined) return `${row.yearsMet.met} of ${row.yearsMet.of} years met`;
  if (row.value === undefined) return "–";
  const unit = row.threshold?.unit ?? "count";
  if (unit === "basisPoints") return `${formatDecimal(row.value / 100, 2, nf)} %`;
  if (unit === "vnd") return `${groupDigits(Math.round(row.value), nf)} VND`;
  return Number.isInteger(row.value) ? groupDigits(row.value, nf) : formatDecimal(row.value, 2, nf);
};

/**
 * A threshold as text in a number format: the projections' `formatThreshold` in `en`, the same figures
 * with Vietnamese separators in `vi` ("≥ 75,00 %", "5.200.000 VND").
 * @example thresholdIn({ unit: "basisPoints", value: 7500 }, "vi") // "75,00 %"
 */
export const thresholdIn = (th: Threshold, nf: NumberFormat = "en"): string => {
  if (nf === "en") return formatThreshold(th);
  const num = (v: number): string =>
    th.unit === "basisPoints"
      ? `${formatDecimal(v / 100, 2, nf)} %`
      : Number.isInteger(v)
        ? groupDigits(v, nf)
        : formatDecimal(v, 2, nf);
  const body = th.unit === "vnd" ? `${num(th.value)} VND` : num(th.value);
  return th.tolerance === undefined ? body : `${body} ± ${num(th.tolerance)}`;
};

/**
 * A row's threshold as text ("≥ 75.00 %"), or "–".
 * @example
 * // A year of Bình Thuận (60), indexed in memory.
 * const index = buildIndex(asRecorded(generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" })));
 * const report = evaluateResolution(index, "000", "2022-12-31" as BusinessDate);
 * if (E.isLeft(report)) throw new Error(report.left.message);
 * const row = report.right.targets.find((t) => t.targetId === "000.newCoops")!;
 * console.log(targetThresholdText(row)); // "≥ 15": new co-ops every year of the term
 */
export const targetThresholdText = (row: TargetRow, nf: NumberFormat = "en"): string =>
  row.threshold !== undefined && row.comparator !== undefined
    ? `${comparatorSymbol(row.comparator)} ${thresholdIn(row.threshold, nf)}`
    : "–";

/**
 * A row's figure as text (alias of {@link showTargetFigure} for the report).
 * @example
 * // A year of Bình Thuận (60), indexed in memory.
 * const index = buildIndex(asRecorded(generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" })));
 * const report = evaluateResolution(index, "000", "2022-12-31" as BusinessDate);
 * if (E.isLeft(report)) throw new Error(report.left.message);
 * const row = report.right.targets.find((t) => t.targetId === "000.youngQualifiedManagers");
 * row !== undefined && showTargetFigureText(row, "vi") === showTargetFigure(row, "vi") // true
 */
export const showTargetFigureText = (row: TargetRow, nf: NumberFormat = "en"): string =>
  showTargetFigure(row, nf);

/**
 * A row's status tag for the report's colouring plus its bilingual label: "met (đạt)".
 * @example
 * // A year of Bình Thuận (60), indexed in memory.
 * const index = buildIndex(asRecorded(generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" })));
 * const report = evaluateResolution(index, "000", "2022-12-31" as BusinessDate);
 * if (E.isLeft(report)) throw new Error(report.left.message);
 * const row = report.right.targets.find((t) => t.targetId === "000.law2012")!;
 * console.log(targetStatusText(row)); // "met ahead of schedule (đạt và vượt tiến độ)"
 */
export const targetStatusText = (row: TargetRow): string => statusLabel(row.status);

/** When a row is evaluated: a term average's years, its year, its period, or the date. */
const when = (row: TargetRow): string =>
  row.average !== undefined
    ? `${row.average.fromYear}→${row.average.toYear}, average a year`
    : row.yearsMet !== undefined && row.period !== undefined
      ? `every year ${row.period.from.slice(0, 4)}–${row.period.to.slice(0, 4)}`
      : row.year !== undefined
        ? String(row.year)
        : row.period !== undefined
          ? `${row.period.from} → ${row.period.to}`
          : (row.asOf ?? "");

/** A report's rows in display order: each target, then its detail (years, or the links of an average) indented. */
const displayRows = (r: TargetsReport): ReadonlyArray<{ readonly row: TargetRow; readonly sub: boolean }> =>
  r.targets.flatMap((row) => [
    { row, sub: false },
    ...(row.detail ?? []).map((d) => ({ row: d, sub: true })),
  ]);

/**
 * The table of a targets report: one row per target (numbered as the seed numbers them), with its
 * figure, comparator and threshold, and the status in English and Vietnamese; the years of a
 * "mỗi năm" target and the yearly links of a "bình quân" average follow indented, as detail.
 *
 * @example
 * // A year of Bình Thuận (60), indexed in memory.
 * const index = buildIndex(asRecorded(generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" })));
 * const report = evaluateResolution(index, "000", "2022-12-31" as BusinessDate);
 * if (E.isLeft(report)) throw new Error(report.left.message);
 * const table = targetsTable(report.right);
 * console.log(table.title?.slice(0, 14), table.rows.length); // "Resolution 000" 30: a row per target, and one per year of the yearly ones
 */
export const targetsTable = (r: TargetsReport, nf: NumberFormat = "en"): DataTable => ({
  title: `${
    r.whatIf !== undefined
      ? `WHAT-IF (giả định): resolution ${r.resolutionId} evaluated on ${provinceLabel(r.whatIf.province)} instead of its own province, ${provinceLabel(r.whatIf.resolutionProvince)}. `
      : ""
  }Resolution ${r.resolutionId}: ${r.title.en} (${r.title.vi}), ${provinceLabel(r.province)} — valid at ${r.validAt}${
    r.knownAt !== undefined ? `, as known at ${r.knownAt}` : ""
  } — ${r.summary.label}`,
  columns: [
    { key: "target", header: "target" },
    { key: "when", header: "when" },
    { key: "figure", header: "figure", kind: "int", only: "table" },
    { key: "threshold", header: "threshold", only: "table" },
    { key: "status", header: "status (kết quả)", only: "table" },
    { key: "label", header: "chỉ tiêu", only: "table" },
    { key: "label_en", header: "label (en)", only: "data" },
    { key: "label_vi", header: "label (vi)", only: "data" },
    { key: "indicator", header: "indicator", only: "data" },
    { key: "value", header: "value", only: "data" },
    { key: "comparator", header: "comparator", only: "data" },
    { key: "threshold_value", header: "threshold value", only: "data" },
    { key: "threshold_unit", header: "threshold unit", only: "data" },
    { key: "status_tag", header: "status", only: "data" },
    { key: "detail", header: "detail", only: "data" },
    { key: "why", header: "why", only: "data" },
  ],
  rows: displayRows(r).map(({ row, sub }) => ({
    target: sub
      ? `  └ ${row.year ?? ""}`
      : `${row.number === undefined ? "" : `${row.number} `}${row.targetId}`,
    detail: sub,
    when: when(row),
    figure: showTargetFigure(row, nf),
    threshold: targetThresholdText(row, nf),
    status: statusLabel(row.status),
    label: sub ? "" : `${row.label.en} (${row.label.vi})`,
    label_en: row.label.en,
    label_vi: row.label.vi,
    indicator: row.indicatorId ?? null,
    value: row.value ?? null,
    comparator: row.comparator ?? null,
    threshold_value: row.threshold?.value ?? null,
    threshold_unit: row.threshold?.unit ?? null,
    status_tag: row.status._tag,
    why: "why" in row.status ? row.status.why : null,
  })),
});

/**
 * The CLI's words for a refusal of `targets` (exit 5).
 * @example targetsErrorToCli({ _tag: "UnknownResolution", id: "009", known: ["000"] }).message
 */
export const targetsErrorToCli = (e: TargetsError): CliError =>
  match(e)
    .with({ _tag: "UnknownResolution" }, (x) =>
      queryError(
        `unknown resolution ${JSON.stringify(x.id)}`,
        `the bundled resolutions are ${x.known.join(", ")}`,
      ),
    )
    .with({ _tag: "NoDataForProvince" }, (x) =>
      queryError(
        x.message,
        `use a ledger that holds ${x.provinceName}'s co-ops, or --province CODE to evaluate the resolution on another province as a labelled what-if`,
      ),
    )
    .exhaustive();

/**
 * Evaluates a resolution on an index (shared by `targets`, `report` and `demo`): on its own province,
 * or on `whatIf` (a labelled what-if). Refuses (exit 5) when the ledger holds nothing for that province.
 * @example
 * // A year of Bình Thuận (60), indexed in memory.
 * const index = buildIndex(asRecorded(generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" })));
 * const report = evaluateResolution(index, "000", "2022-12-31" as BusinessDate);
 * if (E.isRight(report)) console.log(report.right.summary.label); // "1 of 12 targets met (2 of 18 sub-targets)"
 * // Resolution 004 is Bắc Kạn's (06): refused, this ledger holds nothing there (exit 5).
 * console.log(E.isLeft(evaluateResolution(index, "004", "2022-12-31" as BusinessDate))); // true
 */
export const evaluateResolution = (
  index: ProjectionIndex,
  resolution: string,
  validAt: BusinessDate,
  knownAt?: Instant,
  whatIf?: ProvinceRef,
): E.Either<CliError, TargetsReport> =>
  E.mapLeft(targetsErrorToCli)(
    targets(index, resolution, {
      validAt,
      ...(knownAt !== undefined ? { knownAt } : {}),
      ...(whatIf !== undefined ? { whatIf: { province: whatIf } } : {}),
    }),
  );

/**
 * The what-if province of `targets`' scope options, or none. `--province` (with `--geography` for its
 * gazetteer; default the resolution's own) evaluates the resolution on another province; `--district`,
 * `--sector` and `--form` are refused: each target counts what its resolution names.
 * @example whatIfProvince("004", { province: "60" }) // Right({ code: "60", gazetteer: "2008-08-01" })
 */
export const whatIfProvince = (
  resolution: string,
  raw: RawScopeOptions,
): E.Either<CliError, ProvinceRef | undefined> => {
  const scope = parseScope(raw);
  if (E.isLeft(scope)) return scope;
  for (const [flag, given] of [
    ["--district", scope.right.district],
    ["--sector", scope.right.sector],
    ["--form", scope.right.form],
  ] as const)
    if (given !== undefined)
      return E.left(
        usage(
          `targets: ${flag} is not supported: each target counts what its resolution names (its province, and the form or sector the target itself names)`,
          "use `coop-ledger snapshot` with the same options for the figures of a narrower scope",
        ),
      );
  const own = findResolution(resolution);
  if (E.isLeft(own)) return E.left(targetsErrorToCli(own.left));
  const ownProvince = own.right.province;
  const gazetteer = scope.right.geography === "as-of" ? ownProvince.gazetteer : scope.right.geography;
  if (scope.right.province === undefined) {
    if (gazetteer === ownProvince.gazetteer) return E.right(undefined);
    return E.left(
      usage(
        `targets: --geography ${gazetteer} alone would change which province resolution ${resolution} is about: it counts ${provinceLabel(ownProvince)}, including what was recorded after 2025-07-01 and traces back to it`,
        "give --province CODE too, to evaluate the resolution on a province of that gazetteer as a what-if",
      ),
    );
  }
  if (!isProvince(gazetteer, scope.right.province))
    return E.left(
      queryError(
        `--province ${scope.right.province} is not a province of the ${gazetteer} gazetteer`,
        "province codes differ by gazetteer; choose one with --geography",
      ),
    );
  const province: ProvinceRef = { code: scope.right.province, gazetteer };
  return E.right(
    province.code === ownProvince.code && province.gazetteer === ownProvince.gazetteer ? undefined : province,
  );
};

/**
 * `coop-ledger targets --ledger FILE --resolution ID --valid-at DATE [--known-at T]`.
 * @example
 * // A year of Bình Thuận (60) written to a ledger file (525 events).
 * const ctx = makeContext(processIo());
 * await writeLedger("targets.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * const r = await runTargets(ctx, { ledger: "targets.jsonl", resolution: "000", validAt: "31/12/2022" });
 * if (E.isRight(r)) console.log(r.right.tables[0]?.title); // "Resolution 000: … — valid at 2022-12-31 — 1 of 12 targets met (2 of 18 sub-targets)"
 */
export const runTargets = async (
  ctx: CliContext,
  o: TargetsOptions,
): Promise<E.Either<CliError, CliOutput>> => {
  const validAt = parseDateOption("--valid-at", o.validAt);
  if (E.isLeft(validAt)) return validAt;
  const knownAt = o.knownAt === undefined ? undefined : parseInstantOption("--known-at", o.knownAt);
  if (knownAt !== undefined && E.isLeft(knownAt)) return knownAt;
  const whatIf = whatIfProvince(o.resolution, o);
  if (E.isLeft(whatIf)) return whatIf;
  const ledger = await loadLedger(ctx, o.ledger, { verify: o.verify !== false, reindex: o.reindex === true });
  if (E.isLeft(ledger)) return ledger;
  const r = evaluateResolution(ledger.right.index, o.resolution, validAt.right, knownAt?.right, whatIf.right);
  if (E.isLeft(r)) return r;
  const s = r.right.summary;
  return E.right({
    ledger: ledger.right.identity,
    json: r.right,
    tables: [targetsTable(r.right, ctx.numberFormat)],
    notes: [
      ...(r.right.whatIf !== undefined
        ? [
            `What-if: evaluated on ${provinceLabel(r.right.whatIf.province)}, not on the resolution's own province ${provinceLabel(r.right.whatIf.resolutionProvince)}.`,
          ]
        : []),
      `${s.label}: ${s.met} met, ${s.notMet} not met, ${s.pending} pending, ${s.notYetDue} not yet due, ${s.notMeasurable} not measurable (of ${s.total}${s.subTargets === undefined ? "" : " numbered targets; a numbered target is met when all its sub-targets are"}).`,
    ],
  });
};
