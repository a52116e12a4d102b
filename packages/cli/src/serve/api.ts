import { CoopForm, GazetteerVersion, provinces, type RecordedEvent, Sector } from "@coop-ledger/domain";
import {
  INDICATORS,
  IndicatorId,
  indicatorDefinition,
  provinceLabel,
  RESOLUTIONS,
} from "@coop-ledger/projections";
import * as E from "fp-ts/lib/Either.js";
import { restatement, restatementNote, restatementTables } from "../commands/diff.js";
import { explainPage, explanationTable } from "../commands/explain.js";
import { computeSeries, seriesTable } from "../commands/series.js";
import { labelledSnapshot, queryTitle, snapshotOf, snapshotTable } from "../commands/snapshot.js";
import { evaluateResolution, targetsTable, whatIfProvince } from "../commands/targets.js";
import { chainStatus, identityLine } from "../engine/ledger-identity.js";
import type { LoadedLedger } from "../engine/load-ledger.js";
import { fromProjectionError } from "../engine/projection-error.js";
import { type CliError, queryError, usage } from "../errors/cli-error.js";
import { labelInScope, scopedIndicatorName } from "../labels/scoped-label.js";
import { parseDateOption, parseInstantOption } from "../options/dates.js";
import { parseQuery, type RawQueryOptions, toProjectionQuery } from "../options/query.js";
import { describeScope, parseScope } from "../options/scope.js";
import type { Cell, DataTable } from "../output/data-table.js";
import type { NumberFormat } from "../output/numbers.js";
import { showCell } from "../output/table-text.js";

/**
 * A table as the page shows it: the CLI's table (the columns a terminal shows, each cell the very text
 * `renderTable` prints), plus the raw rows (every column, data-only ones included: event ids, raw
 * values) for links such as "open this event".
 *
 * @example viewTable({ title: "t", columns: [{ key: "a", header: "A", kind: "int" }], rows: [{ a: 1000 }] }, "en")
 * // { title: "t", headers: ["A"], align: ["right"], cells: [["1,000"]], rows: [{ a: 1000 }] }
 */
export interface ViewTable {
  readonly title: string | null;
  readonly headers: ReadonlyArray<string>;
  readonly align: ReadonlyArray<"left" | "right">;
  readonly cells: ReadonlyArray<ReadonlyArray<string>>;
  readonly rows: ReadonlyArray<Readonly<Record<string, Cell>>>;
}

/** @see ViewTable */
export const viewTable = (t: DataTable, nf: NumberFormat): ViewTable => {
  const cols = t.columns.filter((c) => c.only !== "data");
  return {
    title: t.title ?? null,
    headers: cols.map((c) => c.header),
    align: cols.map((c) => ((c.kind ?? "text") === "text" ? "left" : "right")),
    cells: t.rows.map((r) => cols.map((c) => showCell(r[c.key] ?? null, c, nf))),
    rows: t.rows,
  };
};

/**
 * One answer of the web view's API: the ledger state it comes from (every answer names it, with
 * "verified" or "unverified"), the question as understood, the engine's result (the JSON the CLI's
 * `--format json` prints), the tables the CLI prints, and the notes.
 *
 * @example const a: ApiAnswer = { ledger, query: {}, result: {}, tables: [], notes: [] };
 */
export interface ApiAnswer {
  readonly ledger: LoadedLedger["identity"] & {
    readonly chain: "verified" | "unverified";
    readonly line: string;
  };
  readonly query: Readonly<Record<string, unknown>>;
  readonly result: unknown;
  readonly tables: ReadonlyArray<ViewTable>;
  readonly notes: ReadonlyArray<string>;
  /** Snapshot answers only: each indicator's value at every year end up to the valid date. */
  readonly sparklines?: {
    readonly dates: ReadonlyArray<string>;
    readonly values: Readonly<Record<string, ReadonlyArray<number | null>>>;
  };
}

/** The `ledger` member of every answer (and of every error answer once a ledger is open). */
export const ledgerMember = (l: LoadedLedger): ApiAnswer["ledger"] => ({
  ...l.identity,
  chain: chainStatus(l.identity),
  line: identityLine(l.identity),
});

/** A request parameter, trimmed; undefined when absent or blank. @example param(new URLSearchParams("a=1"), "a") // "1" */
export const param = (p: URLSearchParams, name: string): string | undefined => {
  const v = p.get(name);
  return v === null || v.trim() === "" ? undefined : v.trim();
};

/**
 * The scope and dates of a request, with the same checks (and messages) as the CLI's options.
 * @example rawQuery(new URLSearchParams("validAt=2022-12-31&province=01"))
 */
export const rawQuery = (p: URLSearchParams): E.Either<CliError, RawQueryOptions> => {
  const validAt = param(p, "validAt");
  if (validAt === undefined)
    return E.left(usage("validAt: missing", "give a valid date, e.g. validAt=2022-12-31"));
  const sector = param(p, "sector");
  if (sector !== undefined && !Sector.is(sector))
    return E.left(
      usage(`sector: not a sector: ${JSON.stringify(sector)}`, `use one of ${Sector.values.join(", ")}`),
    );
  const form = param(p, "form");
  if (form !== undefined && !CoopForm.is(form))
    return E.left(
      usage(`form: not a form: ${JSON.stringify(form)}`, `use one of ${CoopForm.values.join(", ")}`),
    );
  const pick = (k: string) => (param(p, k) !== undefined ? { [k]: param(p, k) } : {});
  return E.right({
    validAt,
    ...pick("knownAt"),
    ...pick("province"),
    ...pick("district"),
    ...(sector !== undefined ? { sector } : {}),
    ...(form !== undefined ? { form } : {}),
    ...pick("geography"),
  });
};

/**
 * An answer: the ledger member, the query, the result, the tables as the page shows them, the notes.
 * @example const empty = (l: LoadedLedger) => answer(l, {}, {}, [], [], "en");
 */
export const answer = (
  l: LoadedLedger,
  query: Readonly<Record<string, unknown>>,
  result: unknown,
  tables: ReadonlyArray<DataTable>,
  notes: ReadonlyArray<string>,
  nf: NumberFormat,
): ApiAnswer => ({
  ledger: ledgerMember(l),
  query,
  result,
  tables: tables.map((t) => viewTable(t, nf)),
  notes,
});

/**
 * What the page needs to build its pickers: the ledger's ranges of valid and recording time, the
 * indicator catalogue, the bundled resolutions, the provinces of each gazetteer, sectors and forms.
 * @example meta(ledger, "en").result.indicators.length > 0
 */
export const meta = (l: LoadedLedger, nf: NumberFormat): ApiAnswer => ({
  ledger: ledgerMember(l),
  query: {},
  result: {
    numberFormat: nf,
    events: l.events,
    firstEffective: l.firstEffective ?? null,
    lastEffective: l.lastEffective ?? null,
    firstRecordedAt: l.firstRecordedAt ?? null,
    lastRecordedAt: l.lastRecordedAt ?? null,
    indicators: INDICATORS.map((d) => ({
      id: d.id,
      en: d.label.en,
      vi: d.label.vi,
      unit: d.unit,
      kind: d.kind,
    })),
    resolutions: [...RESOLUTIONS.values()].map((r) => ({
      id: r.id,
      en: r.title.en,
      vi: r.title.vi,
      province: provinceLabel(r.province),
    })),
    gazetteers: GazetteerVersion.values,
    provinces: Object.fromEntries(
      GazetteerVersion.values.map((g) => [g, provinces(g).map((p) => ({ code: p.code, name: p.name }))]),
    ),
    sectors: Sector.values,
    forms: CoopForm.values,
  },
  tables: [],
  notes: [],
});

/** The first year-end series point: the ledger's first effective year (or the valid date's year). */
const sparkFrom = (l: LoadedLedger, validAt: string): string => {
  const first = l.firstEffective ?? validAt;
  return `${(first < validAt ? first : validAt).slice(0, 4)}-01-01`;
};

/**
 * Every indicator at a valid date (the CLI's `snapshot`), with each indicator's yearly series up to
 * that date for the sparklines (the CLI's `series --every year`, same knowledge instant and scope).
 * @example snapshotAnswer(ledger, new URLSearchParams("validAt=2022-12-31"), "en")
 */
export const snapshotAnswer = (
  l: LoadedLedger,
  p: URLSearchParams,
  nf: NumberFormat,
): E.Either<CliError, ApiAnswer> => {
  const raw = rawQuery(p);
  if (E.isLeft(raw)) return raw;
  const q = parseQuery(raw.right);
  if (E.isLeft(q)) return q;
  const s = snapshotOf(l, q.right);
  if (E.isLeft(s)) return s;
  const ids = s.right.figures.map((f) => f.id);
  const spark = computeSeries(
    l,
    ids,
    sparkFrom(l, q.right.validAt),
    q.right.validAt,
    "year",
    q.right.scope,
    q.right.knownAt,
  );
  if (E.isLeft(spark)) return spark;
  const notes = s.right.figures.filter((f) => f.note !== undefined).map((f) => `${f.id}: ${f.note}`);
  return E.right({
    ...answer(
      l,
      { ...q.right },
      labelledSnapshot(s.right),
      [snapshotTable(s.right, queryTitle(q.right, s.right), nf)],
      notes,
      nf,
    ),
    sparklines: {
      dates: spark.right.points.map((pt) => pt.validAt),
      values: Object.fromEntries(
        ids.map((id) => [
          id,
          spark.right.points.map((pt) => pt.figures.find((f) => f.id === id)?.value ?? null),
        ]),
      ),
    },
  });
};

/**
 * The events that make up one figure (the CLI's `explain`): the first `limit` of them (50, as the CLI's
 * default) in the table and the result, with `total` their number; `recordedAfter` keeps only those
 * recorded after that instant (a restatement's late events). From the provenance table only the
 * events on the page are read from the ledger.
 * @example explainAnswer(ledger, new URLSearchParams("indicator=coops.active&validAt=2022-12-31"), "en")
 */
export const explainAnswer = (
  l: LoadedLedger,
  p: URLSearchParams,
  nf: NumberFormat,
): E.Either<CliError, ApiAnswer> => {
  const indicator = param(p, "indicator") ?? "";
  if (!IndicatorId.is(indicator))
    return E.left(
      queryError(`unknown indicator ${JSON.stringify(indicator)}`, "pick an indicator from the snapshot"),
    );
  const limitText = param(p, "limit") ?? "50";
  const limit = Number(limitText);
  if (!Number.isSafeInteger(limit) || limit < 1)
    return E.left(usage(`limit: not a positive whole number: ${limitText}`));
  const afterText = param(p, "recordedAfter");
  const after = afterText === undefined ? undefined : parseInstantOption("recordedAfter", afterText);
  if (after !== undefined && E.isLeft(after)) return after;
  const raw = rawQuery(p);
  if (E.isLeft(raw)) return raw;
  const q = parseQuery(raw.right);
  if (E.isLeft(q)) return q;
  const x = explainPage(l, indicator, toProjectionQuery(q.right), {
    limit,
    ...(after !== undefined ? { recordedAfter: after.right } : {}),
  });
  if (E.isLeft(x)) return E.left(fromProjectionError(x.left));
  const d = indicatorDefinition(indicator);
  return E.right(
    answer(
      l,
      { ...q.right, indicator, limit, ...(after !== undefined ? { recordedAfter: after.right } : {}) },
      x.right,
      [explanationTable(x.right, limit, nf)],
      [
        `${scopedIndicatorName(d, q.right.scope.form)}, valid at ${q.right.validAt}${q.right.knownAt !== undefined ? `, as known at ${q.right.knownAt}` : ""} — ${describeScope(q.right.scope)}.`,
        d.definition,
        ...(d.numerator !== undefined
          ? [`numerator: ${d.numerator}; denominator: ${d.denominator ?? ""}`]
          : []),
      ],
      nf,
    ),
  );
};

/**
 * The restatement between two knowledge instants `a` and `b` (the CLI's `diff`).
 * @example diffAnswer(ledger, new URLSearchParams("validAt=2022-12-31&a=2023-01-15&b=2024-06-30"), "en")
 */
export const diffAnswer = (
  l: LoadedLedger,
  p: URLSearchParams,
  nf: NumberFormat,
): E.Either<CliError, ApiAnswer> => {
  const raw = rawQuery(p);
  if (E.isLeft(raw)) return raw;
  const q = parseQuery({ ...raw.right, knownAt: undefined });
  if (E.isLeft(q)) return q;
  const aText = param(p, "a");
  const bText = param(p, "b");
  if (aText === undefined || bText === undefined)
    return E.left(usage("a and b: give both knowledge instants", "e.g. a=2023-01-15&b=2024-06-30"));
  const a = parseInstantOption("a", aText);
  if (E.isLeft(a)) return a;
  const b = parseInstantOption("b", bText);
  if (E.isLeft(b)) return b;
  const [first, second] = a.right <= b.right ? [a.right, b.right] : [b.right, a.right];
  // The late events' first page only (the table's 25): "more" asks /api/late for the next ones.
  const r = restatement(l, q.right, first, second, { offset: 0, limit: 25 });
  if (E.isLeft(r)) return r;
  return E.right(
    answer(
      l,
      { ...q.right, a: first, b: second },
      r.right,
      restatementTables(r.right, nf),
      [restatementNote(r.right, "“more” lists the next ones")],
      nf,
    ),
  );
};

/**
 * A resolution's targets (the CLI's `targets`); `province` and `geography` make a labelled what-if.
 * @example targetsAnswer(ledger, new URLSearchParams("resolution=000&validAt=2025-12-31"), "en")
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

/**
 * One event's full record (as stored: ids, stream, revision, position, type, data, metadata): the index
 * says whether the stream holds that position, and the event alone is read from the ledger by byte
 * offset.
 * @example eventAnswer(ledger, new URLSearchParams("stream=coop-60-0001&position=12"))
 */
export const eventAnswer = (l: LoadedLedger, p: URLSearchParams): E.Either<CliError, ApiAnswer> => {
  const stream = param(p, "stream");
  const positionText = param(p, "position") ?? "";
  const position = Number(positionText);
  if (stream === undefined || !Number.isSafeInteger(position) || position < 0)
    return E.left(
      usage(
        "stream and position: give both (position a whole number)",
        "open an event from an explain or diff table",
      ),
    );
  const positions = l.index.streamPositions(stream);
  if (positions.length === 0)
    return E.left(
      queryError(
        `no stream ${JSON.stringify(stream)} in ${l.path}`,
        "open an event from an explain or diff table",
      ),
    );
  // One event read from the ledger by its byte offset (not the whole stream).
  const found: RecordedEvent | undefined = positions.includes(position)
    ? l.eventsAt([position])[0]
    : undefined;
  if (found === undefined)
    return E.left(
      queryError(
        `stream ${stream} has no event at position ${position}`,
        "open an event from an explain or diff table",
      ),
    );
  return E.right({
    ledger: ledgerMember(l),
    query: { stream, position },
    result: found,
    tables: [],
    notes: [],
  });
};

/**
 * Indicators over time (the CLI's `series`): `indicator` repeated, `from`, `to`, `every`.
 * @example seriesAnswer(ledger, new URLSearchParams("indicator=coops.active&from=2016-01-01&to=2025-12-31"), "en")
 */
export const seriesAnswer = (
  l: LoadedLedger,
  p: URLSearchParams,
  nf: NumberFormat,
): E.Either<CliError, ApiAnswer> => {
  const ids = p.getAll("indicator");
  const unknown = ids.filter((i) => !IndicatorId.is(i));
  if (ids.length === 0 || unknown.length > 0)
    return E.left(
      queryError(
        `unknown indicator ${unknown.map((u) => JSON.stringify(u)).join(", ") || "(none given)"}`,
        "give indicator=ID, repeatable",
      ),
    );
  const from = parseDateOption("from", param(p, "from") ?? "");
  if (E.isLeft(from)) return from;
  const to = parseDateOption("to", param(p, "to") ?? "");
  if (E.isLeft(to)) return to;
  if (to.right < from.right)
    return E.left(queryError(`to ${to.right} is before from ${from.right}`, "swap the dates"));
  const every = param(p, "every") ?? "year";
  if (every !== "month" && every !== "quarter" && every !== "year")
    return E.left(usage(`every: ${every}`, "use month, quarter or year"));
  const knownText = param(p, "knownAt");
  const knownAt = knownText === undefined ? undefined : parseInstantOption("knownAt", knownText);
  if (knownAt !== undefined && E.isLeft(knownAt)) return knownAt;
  const raw = rawQuery(new URLSearchParams([...p.entries(), ["validAt", to.right]]));
  if (E.isLeft(raw)) return raw;
  const scope = parseScope(raw.right);
  if (E.isLeft(scope)) return scope;
  const typed = ids as ReadonlyArray<IndicatorId>;
  const r = computeSeries(l, typed, from.right, to.right, every, scope.right, knownAt?.right);
  if (E.isLeft(r)) return r;
  const title = `Series by ${every}, ${from.right} → ${to.right}${knownAt !== undefined ? `, as known at ${knownAt.right}` : ""} — ${describeScope(scope.right)}`;
  return E.right(
    answer(
      l,
      { indicators: typed, from: from.right, to: to.right, every, scope: scope.right },
      {
        every,
        indicators: typed,
        labels: Object.fromEntries(
          typed.map((id) => [id, labelInScope(indicatorDefinition(id), scope.right.form)]),
        ),
        points: r.right.points.map((s) => ({ validAt: s.validAt, figures: s.figures })),
      },
      [seriesTable(r.right, title, nf)],
      typed.map((id) => `${id}: ${scopedIndicatorName(indicatorDefinition(id), scope.right.form)}`),
      nf,
    ),
  );
};
