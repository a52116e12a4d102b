import { relative } from "node:path";
import type { BusinessDate, Instant } from "@coop-ledger/domain";
import { asRecorded, buildScenario, isScenarioId, SCENARIOS } from "@coop-ledger/generator";
import {
  buildIndex,
  type CalibrationRow,
  calibrationRows,
  evaluateTargets,
  figureSourceOf,
  type IndicatorId,
  indicatorDefinition,
  indicatorValue,
  provinceLabel,
  RESOLUTIONS,
  type Snapshot,
  targets,
} from "@coop-ledger/projections";
import { verifyLedger } from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import type { CliContext } from "../context.js";
import { fromLedgerIssue } from "../engine/ledger-issue.js";
import { type LateEvent, type LoadedLedger, loadLedger } from "../engine/load-ledger.js";
import { defaultSampleLedger } from "../engine/sample-ledger.js";
import type { CliError } from "../errors/cli-error.js";
import { eventLabel } from "../labels/event-labels.js";
import { showFigure } from "../labels/figures.js";
import type { CliQuery } from "../options/query.js";
import type { CliOutput, DataTable } from "../output/data-table.js";
import { groupDigits, type NumberFormat } from "../output/numbers.js";
import { renderTable } from "../output/table-text.js";
import { restatementTables } from "./diff.js";
import { restatement } from "./restatement.js";
import { snapshotOf } from "./snapshot.js";
import { evaluateResolution, targetsTable } from "./targets.js";

/** The dates the demo reads the province at: before the 2016 conformance deadline, the resolution terms, today's law. */
const DEMO_DATES = ["2016-12-31", "2020-12-31", "2022-12-31", "2025-12-31"] as BusinessDate[];

/** The indicators the demo's overview shows (the full list is one `coop-ledger snapshot` away). */
const OVERVIEW: ReadonlyArray<IndicatorId> = [
  "coops.active",
  "unions.active",
  "groups.active",
  "coops.founded",
  "coops.dissolved",
  "coops.agriculturalShare",
  "coops.law2012Share",
  "rating.fairOrGoodShare",
  "members.averagePerCoop",
  "ocop.coops",
  "ocop.products",
  "loans.outstandingVnd",
  "fund.charterCapitalVnd",
];

const query = (
  validAt: BusinessDate,
  extra: Partial<CliQuery["scope"]> = {},
  knownAt?: Instant,
): CliQuery => ({
  validAt,
  ...(knownAt !== undefined ? { knownAt } : {}),
  scope: { geography: "as-of", ...extra },
});

/** One row per indicator, one column per date: the province's trajectory at a glance. */
const overviewTable = (snaps: ReadonlyArray<Snapshot>, title: string, nf: NumberFormat): DataTable => ({
  title,
  columns: [
    { key: "name", header: "indicator (chỉ tiêu)" },
    ...snaps.map((s) => ({ key: s.validAt, header: s.validAt, kind: "int" as const })),
  ],
  rows: OVERVIEW.map((id) => {
    const d = indicatorDefinition(id);
    const row: Record<string, string> = { name: `${d.label.en} (${d.label.vi})` };
    for (const s of snaps) {
      const f = indicatorValue(s, id);
      row[s.validAt] = f === undefined ? "–" : showFigure(f, nf);
    }
    return row;
  }),
});

/** A seed's baseline beside the calibrated scenario's figures (the table docs/resolutions.md also shows). */
const calibrationTable = (id: string, rows: ReadonlyArray<CalibrationRow>): DataTable => ({
  title: `Resolution ${id}: the baseline the seed reports vs. the scenario's ledger, on the adoption date`,
  columns: [
    { key: "label", header: "baseline (số liệu nền)" },
    { key: "seed", header: "seed figure" },
    { key: "ledger", header: "ledger figure" },
    { key: "status", header: "status" },
  ],
  rows: rows.map((r) => ({ label: r.label, seed: r.seed, ledger: r.ledger, status: r.status })),
});

/**
 * The late-recorded dissolution the restatement section shows: the one recorded longest after it took
 * effect whose year-end falls before it was recorded (so the year's figures really changed).
 */
const pickRestatement = (ledger: LoadedLedger): LateEvent | undefined =>
  [...ledger.restating]
    .filter(
      (e) => e.type === "CoopDissolved" && `${e.effectiveDate.slice(0, 4)}-12-31` < e.recordedAt.slice(0, 10),
    )
    .sort(
      (a, b) =>
        Date.parse(b.recordedAt) -
        Date.parse(a.recordedAt) -
        (Date.parse(b.effectiveDate) - Date.parse(a.effectiveDate)),
    )[0];

/** The instant one millisecond before another: "just before the ledger learnt it". */
const instantBefore = (i: Instant): Instant => new Date(Date.parse(i) - 1).toISOString() as Instant;

/**
 * `coop-ledger demo`: the guided tour on the bundled Bình Thuận ledger — verify, snapshots at four
 * dates, the same figures in the 2025 geography, a restatement caused by a late-recorded dissolution,
 * and target attainment, each resolution on its own province (the ledger's, or the seed's calibrated
 * scenario) — printed section by section as it goes.
 *
 * @example
 * // The tour on the bundled Bình Thuận ledger (or { ledger: "my.jsonl" }), printed section by section.
 * const ctx = makeContext(processIo());
 * const r = await runDemo(ctx, {});
 * if (E.isLeft(r)) throw new Error(r.left.message);
 * console.log(r.right.ledger?.events); // 11358: the events of examples/sample-ledgers/province-60.jsonl
 */
export const runDemo = async (
  ctx: CliContext,
  o: { readonly ledger?: string },
): Promise<E.Either<CliError, CliOutput>> => {
  const out = ctx.io.stdout;
  const started = ctx.io.now();
  const path = o.ledger ?? defaultSampleLedger(ctx.io.cwd);
  const shown = relative(ctx.io.cwd, path) || path;
  const section = (n: number, title: string, why: string): void => out(`\n━━ ${n}. ${title}\n${why}\n\n`);

  out(
    `coop-ledger demo — the ledger of a province's co-ops (hợp tác xã), Bình Thuận (60)\nLedger: ${shown}\n`,
  );

  section(
    1,
    "Has the ledger been tampered with? (Kiểm tra tính toàn vẹn)",
    "Every line carries the SHA-256 of the previous line's hash and its own content; verify recomputes the chain and decodes every event.",
  );
  const v = await verifyLedger(path, { decodeEvents: true })();
  if (E.isLeft(v)) return E.left(fromLedgerIssue(path, v.left));
  out(
    `OK: ${groupDigits(v.right.events)} events in ${groupDigits(v.right.streams)} streams, hash chain intact.\nLast hash (the anchor to keep elsewhere): ${v.right.lastHash}\n`,
  );

  const loaded = await loadLedger(ctx, path);
  if (E.isLeft(loaded)) return loaded;
  const ledger = loaded.right;

  section(
    2,
    "The province over time (Chỉ tiêu qua các năm)",
    "Point-in-time snapshots at 31 December of four years, everything the ledger knows today. Instant figures are on that date; flows (founded, dissolved) over that calendar year; ratings for the year before.",
  );
  const snaps: Snapshot[] = [];
  for (const d of DEMO_DATES) {
    const s = snapshotOf(ledger, query(d));
    if (E.isLeft(s)) return s;
    snaps.push(s.right);
  }
  out(
    renderTable(overviewTable(snaps, "Bình Thuận (60), as of each date", ctx.numberFormat), ctx.numberFormat),
  );

  section(
    3,
    "The same place in today's geography (Địa giới hành chính mới từ 01/07/2025)",
    "On 2025-07-01 Vietnam went from 63 provinces to 34: Bình Thuận (60), Đắk Nông (67) and Lâm Đồng (68) became the new Lâm Đồng (68). The 2022 figures can be read as the old province (as-of) or re-mapped to the 2025 gazetteer.",
  );
  const old = snapshotOf(ledger, query("2022-12-31" as BusinessDate, { province: "60" as never }));
  if (E.isLeft(old)) return old;
  const remapped = snapshotOf(ledger, {
    validAt: "2022-12-31" as BusinessDate,
    scope: { province: "68" as never, geography: "2025-07-01" },
  });
  if (E.isLeft(remapped)) return remapped;
  out(
    renderTable({
      title:
        "2022-12-31: province 60 as it was vs. province 68 of the 2025 gazetteer (this ledger holds only old province 60's co-ops)",
      columns: [
        { key: "name", header: "indicator (chỉ tiêu)" },
        { key: "asOf", header: "60 Bình Thuận (as-of)", kind: "int" },
        { key: "remapped", header: "68 Lâm Đồng (2025-07-01)", kind: "int" },
      ],
      rows: OVERVIEW.slice(0, 8).map((id) => {
        const d = indicatorDefinition(id);
        const a = indicatorValue(old.right, id);
        const b = indicatorValue(remapped.right, id);
        return {
          name: `${d.label.en} (${d.label.vi})`,
          asOf: a ? showFigure(a, ctx.numberFormat) : "–",
          remapped: b ? showFigure(b, ctx.numberFormat) : "–",
        };
      }),
    }),
  );

  section(
    4,
    "What did we know then? A restatement (Điều chỉnh số liệu do ghi nhận muộn)",
    "Events carry two times: when they happened (effective date) and when the ledger learnt them (recorded at). A dissolution recorded late changes figures already reported; diff shows which and why.",
  );
  const late = pickRestatement(ledger);
  if (late === undefined)
    out("This ledger has no dissolution recorded after the end of its year: nothing was restated.\n");
  else {
    const validAt = `${late.effectiveDate.slice(0, 4)}-12-31` as BusinessDate;
    const before = instantBefore(late.recordedAt);
    out(
      `${eventLabel(late.type)} of ${late.streamId}: effective ${late.effectiveDate}, recorded ${late.recordedAt} (position ${late.position}).\n` +
        `Figures for ${validAt} as known at ${before} vs. at ${late.recordedAt}:\n\n`,
    );
    const r = restatement(ledger, query(validAt), before, late.recordedAt);
    if (E.isLeft(r)) return r;
    for (const t of restatementTables(r.right, ctx.numberFormat))
      out(`${renderTable(t, ctx.numberFormat)}\n`);
  }

  section(
    5,
    "Targets of the resolutions (Kết quả thực hiện chỉ tiêu nghị quyết)",
    "Each bundled resolution on its own province only. A resolution of a province this ledger holds is scored on it; the others on their calibrated scenario (the seed's province, generated in memory as `generate --preset <id>` writes it): first the baseline the seed reports beside the figure the ledger gives, then the targets at 2025-12-31.",
  );
  for (const [id, resolution] of RESOLUTIONS) {
    const own = evaluateResolution(ledger.index, id, "2025-12-31" as BusinessDate);
    if (E.isRight(own)) {
      out(`${renderTable(targetsTable(own.right, ctx.numberFormat), ctx.numberFormat)}\n`);
      continue;
    }
    if (!isScenarioId(id)) {
      out(
        `Resolution ${id}, ${provinceLabel(resolution.province)}: not scored here (${own.left.message}).\n`,
      );
      continue;
    }
    const scenario = SCENARIOS[id];
    const index = buildIndex(asRecorded(buildScenario(scenario.spec)));
    const inputs =
      scenario.spec.inputs?.farmHouseholds === undefined
        ? {}
        : { inputs: { farmHouseholds: scenario.spec.inputs.farmHouseholds } };
    out(`Scenario ${id}: ${scenario.title} (assumptions: docs/resolutions.md).\n\n`);
    const baseline = evaluateTargets(figureSourceOf(index), resolution, {
      validAt: resolution.adoptedOn as BusinessDate,
    });
    out(`${renderTable(calibrationTable(id, calibrationRows(resolution, baseline)), ctx.numberFormat)}\n`);
    const t = targets(index, id, { validAt: "2025-12-31" as BusinessDate, ...inputs });
    out(
      E.isLeft(t)
        ? `Resolution ${id}: not scored (${t.left._tag}).\n`
        : `${renderTable(targetsTable(t.right, ctx.numberFormat), ctx.numberFormat)}\n`,
    );
  }

  const secs = ((ctx.io.now() - started) / 1000).toFixed(1);
  out(
    `\nDone in ${secs} s. Next: \`coop-ledger snapshot --ledger ${shown} --valid-at 31/12/2022\`, \`coop-ledger explain coops.active …\`, \`coop-ledger report --ledger ${shown} --out report.html\` (see docs/cli.md).\n`,
  );
  return E.right({ json: null, tables: [], ledger: ledger.identity });
};
