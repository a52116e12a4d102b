import type { Figures, TaskResult } from "../child/protocol.js";
import { mapSpread, type Spread, spread } from "../harness/stats.js";
import { fmt, NOT_MEASURED } from "./format.js";
import { type BudgetCheck, type Row, row } from "./summary.js";

const nums = (f: Figures, k: string): number[] => {
  const v = f[k];
  return Array.isArray(v) ? [...v] : typeof v === "number" ? [v] : [];
};
const num = (f: Figures, k: string): number => nums(f, k)[0] ?? Number.NaN;
const perSec = (count: number, ms: ReadonlyArray<number>): Spread =>
  mapSpread(spread(ms), (m) => (count / m) * 1000);
const pairwise = (a: ReadonlyArray<number>, b: ReadonlyArray<number>, f: (x: number, y: number) => number) =>
  a.map((x, i) => f(x, b[i] ?? Number.NaN));

/**
 * A budget judged on a figure: not judged (met `undefined`, "not measured") when the figure is missing,
 * so a run that skipped or failed a measurement never passes or fails a budget on NaN.
 */
const check = (
  budget: string,
  dataset: string,
  value: number,
  show: (v: number) => string,
  pass: (v: number) => boolean,
): BudgetCheck =>
  Number.isFinite(value)
    ? { budget, dataset, figure: show(value), met: pass(value) }
    : { budget, dataset, figure: NOT_MEASURED, met: undefined };

/** Everything a run prints and stores, derived from the children's results. */
export interface Summary {
  readonly rows: ReadonlyArray<Row>;
  readonly budgets: ReadonlyArray<BudgetCheck>;
  readonly unavailable: ReadonlyArray<string>;
}

/**
 * Turns the results of every child into printed rows (figures and ratios, median [min–max] over the
 * repetitions) and the budget checks of ARCHITECTURE.md, judged on the median at `budgetDataset`
 * (national in a full run; the largest dataset of a quick run, which the report says).
 *
 * @example
 * import { summarise, type TaskResult } from "@coop-ledger/bench";
 * const results: TaskResult[] = [
 *   {
 *     ok: true,
 *     task: { kind: "parseVsReplay", dataset: { label: "tiny", path: "t.jsonl", events: 300 }, reps: 1 },
 *     figures: { parseMs: [12], replayMs: [30] },
 *     maxRssMiB: 80,
 *     wallMs: 900,
 *   },
 * ];
 * const { rows, budgets } = summarise(results, "tiny");
 * console.log(rows.length > 0, budgets.length > 0); // true true
 */
export const summarise = (results: ReadonlyArray<TaskResult>, budgetDataset: string): Summary => {
  const rows: Row[] = [];
  const budgets: BudgetCheck[] = [];
  const unavailable: string[] = [];
  const ok = results.flatMap((r) => (r.ok ? [r] : []));
  for (const r of results) if (!r.ok) unavailable.push(`${r.task.kind}: ${r.error}`);
  const label = (r: TaskResult): string => ("dataset" in r.task ? r.task.dataset.label : r.task.label);

  // 1. Bare parse vs replay.
  for (const r of ok.filter((r) => r.task.kind === "parseVsReplay")) {
    const f = r.figures;
    const d = label(r);
    const lines = num(f, "lines");
    const events = num(f, "events");
    // Per repetition: replay rate ÷ bare-parse rate (the two were timed back to back).
    const ratio = spread(
      pairwise(nums(f, "replayMs"), nums(f, "parseMs"), (rep, par) => events / rep / (lines / par)),
    );
    rows.push(
      row("1 parse vs replay", d, "bare JSON.parse (lines/s)", perSec(lines, nums(f, "parseMs")), "/s"),
    );
    rows.push(
      row("1 parse vs replay", d, "read + decode (events/s)", perSec(events, nums(f, "decodeMs")), "/s"),
    );
    rows.push(
      row(
        "1 parse vs replay",
        d,
        "full replay → index (events/s)",
        perSec(events, nums(f, "replayMs")),
        "/s",
      ),
    );
    const trusted = spread(
      pairwise(nums(f, "replayTrustedMs"), nums(f, "parseMs"), (rep, par) => events / rep / (lines / par)),
    );
    if (nums(f, "replayTrustedMs").length > 0) {
      rows.push(
        row(
          "1 parse vs replay",
          d,
          "read + decode, trusted (events/s)",
          perSec(events, nums(f, "decodeTrustedMs")),
          "/s",
        ),
      );
      rows.push(
        row(
          "1 parse vs replay",
          d,
          "full replay → index, trusted (events/s)",
          perSec(events, nums(f, "replayTrustedMs")),
          "/s",
        ),
      );
      rows.push(
        row(
          "1 parse vs replay",
          d,
          "full replay, trusted ÷ bare parse",
          mapSpread(trusted, (x) => x * 100),
          "%",
        ),
      );
    }
    if (nums(f, "foldMs").length > 0)
      rows.push(
        row(
          "1 parse vs replay",
          d,
          "replay, plain fold at one date (events/s)",
          perSec(events, nums(f, "foldMs")),
          "/s",
        ),
      );
    rows.push(
      row(
        "1 parse vs replay",
        d,
        "full replay ÷ bare parse",
        mapSpread(ratio, (x) => x * 100),
        "%",
      ),
    );
    rows.push(row("1 parse vs replay", d, "peak RSS (child)", spread([r.maxRssMiB]), " MiB"));
    if (d === budgetDataset)
      budgets.push(
        check(
          "full replay ≥ 50% of bare JSON.parse (codec validation)",
          d,
          ratio.median,
          (v) => `${fmt(v * 100)}%`,
          (v) => v >= 0.5,
        ),
      );
    if (d === budgetDataset && nums(f, "replayTrustedMs").length > 0)
      budgets.push(
        check(
          "full replay ≥ 50% of bare JSON.parse (trusted read of a verified ledger)",
          d,
          trusted.median,
          (v) => `${fmt(v * 100)}%`,
          (v) => v >= 0.5,
        ),
      );
  }

  // 2. Index build (one child per repetition).
  const builds = new Map<string, TaskResult[]>();
  for (const r of ok.filter((r) => r.task.kind === "indexBuild")) {
    builds.set(label(r), [...(builds.get(label(r)) ?? []), r]);
  }
  for (const [d, rs] of builds) {
    const figs = rs.flatMap((r) => (r.ok ? [r.figures] : []));
    const build = spread(figs.map((f) => num(f, "buildMs")));
    let stream = spread(figs.map((f) => num(f, "streamMs")));
    let peak = spread(figs.map((f) => num(f, "peakRssStreamMiB")));
    let from = "";
    // A memory-only build (the 1 M run): the ledger → index figures come from the light parse-vs-replay
    // child, whose replay is exactly that (and which holds nothing else, so its peak RSS is the index's).
    const replayChild = ok.find((x) => x.task.kind === "parseVsReplay" && label(x) === d);
    if (Number.isNaN(stream.median) && replayChild?.ok) {
      stream = spread(nums(replayChild.figures, "replayMs"));
      peak = spread([replayChild.maxRssMiB]);
      from = " (replay child)";
    }
    const max = spread(rs.map((r) => (r.ok ? r.maxRssMiB : Number.NaN)));
    rows.push(row("2 index build", d, "index fed decoded events", build, " ms"));
    rows.push(row("2 index build", d, `ledger → index (read+decode+index)${from}`, stream, " ms"));
    rows.push(row("2 index build", d, `peak RSS, ledger → index${from}`, peak, " MiB"));
    rows.push(row("2 index build", d, "peak RSS, + all events held", max, " MiB"));
    if (d === budgetDataset) {
      budgets.push(
        check(
          "index build ≤ 5 s",
          d,
          build.median,
          (v) => `${fmt(v)} ms`,
          (v) => v <= 5000,
        ),
      );
      budgets.push(
        check(
          "index build from the ledger file ≤ 5 s (stricter reading)",
          d,
          stream.median,
          (v) => `${fmt(v)} ms`,
          (v) => v <= 5000,
        ),
      );
      budgets.push(
        check(
          "peak RSS ≤ 2 GB (ledger → index)",
          d,
          peak.median,
          (v) => `${fmt(v)} MiB`,
          (v) => v <= 2048,
        ),
      );
    }
  }

  // 3. Point-in-time queries.
  for (const r of ok.filter((r) => r.task.kind === "queries")) {
    const f = r.figures;
    const d = label(r);
    const p50 = spread(nums(f, "p50Ms"));
    const replay = spread(nums(f, "replayMs"));
    const ratio = replay.median / p50.median;
    rows.push(row("3 queries", d, "indexed queries/s", spread(nums(f, "qps")), "/s"));
    rows.push(
      row(
        "3 queries",
        d,
        "indexed p50 latency",
        mapSpread(p50, (x) => x * 1000),
        " µs",
      ),
    );
    rows.push(
      row(
        "3 queries",
        d,
        "indexed p99 latency",
        mapSpread(spread(nums(f, "p99Ms")), (x) => x * 1000),
        " µs",
      ),
    );
    rows.push(row("3 queries", d, "same query by full replay", replay, " ms"));
    rows.push(row("3 queries", d, "replay ÷ indexed (median ÷ p50)", spread([ratio]), "×"));
    if (d === budgetDataset)
      budgets.push(
        check(
          "query ≥ 1000× faster than a replay",
          d,
          ratio,
          (v) => `${fmt(v)}×`,
          (v) => v >= 1000,
        ),
      );
  }

  // 4. Appends.
  for (const r of ok.filter((r) => r.task.kind === "appends")) {
    const f = r.figures;
    const d = label(r);
    rows.push(
      row(
        "4 appends (fsync)",
        d,
        `single event per append (${num(f, "single")} ev)`,
        spread(nums(f, "singleEventsPerSec")),
        " ev/s",
      ),
    );
    rows.push(
      row(
        "4 appends (fsync)",
        d,
        `one append per stream (${num(f, "batched")} ev, ${num(f, "perStreamCalls")} calls)`,
        spread(nums(f, "perStreamEventsPerSec")),
        " ev/s",
      ),
    );
    if (nums(f, "importEventsPerSec").length > 0)
      rows.push(
        row(
          "4 appends (fsync)",
          d,
          `batched import (${num(f, "batchSize")} ev/batch)`,
          spread(nums(f, "importEventsPerSec")),
          " ev/s",
        ),
      );
  }

  // 5. Emmett.
  for (const r of ok.filter((r) => r.task.kind === "emmett")) {
    const f = r.figures;
    const d = label(r);
    const events = num(f, "events");
    const ratios = spread(pairwise(nums(f, "emmettMs"), nums(f, "oursMs"), (e, o) => e / o));
    rows.push(
      row(
        "5 vs Emmett",
        d,
        `ours: in-memory store + evolve (${num(f, "streams")} streams)`,
        perSec(events, nums(f, "oursMs")),
        " ev/s",
      ),
    );
    const stores = num(f, "emmettStores");
    const inStores = Number.isFinite(stores) ? ` (${fmt(stores)} store${stores === 1 ? "" : "s"})` : "";
    rows.push(
      row(
        "5 vs Emmett",
        d,
        `Emmett: aggregateStream + evolve${inStores}`,
        perSec(events, nums(f, "emmettMs")),
        " ev/s",
      ),
    );
    rows.push(row("5 vs Emmett", d, "Emmett time ÷ ours", ratios, "×"));
    const cpuRatios = pairwise(nums(f, "emmettCpuMs"), nums(f, "oursCpuMs"), (e, o) => e / o);
    if (cpuRatios.length > 0)
      rows.push(row("5 vs Emmett", d, "Emmett CPU (user + sys) ÷ ours", spread(cpuRatios), "×"));
    // The loads are each store's bulk path (one append per stream), timed apart from the replays above.
    const loadCpu = (k: string): string => (Number.isFinite(num(f, k)) ? `, CPU ${fmt(num(f, k))} ms` : "");
    rows.push(
      row(
        "5 vs Emmett",
        d,
        `load (apart from the ratio): ours${loadCpu("oursLoadCpuMs")}`,
        spread(nums(f, "oursLoadMs")),
        " ms",
      ),
    );
    rows.push(
      row(
        "5 vs Emmett",
        d,
        `load (apart from the ratio): Emmett${inStores}${loadCpu("emmettLoadCpuMs")}`,
        spread(nums(f, "emmettLoadMs")),
        " ms",
      ),
    );
    // Judged on the largest dataset Emmett ran on (national in a full run).
    const largest = Math.max(
      ...ok.filter((x) => x.task.kind === "emmett").map((x) => num(x.figures, "events")),
    );
    if (events === largest)
      budgets.push(
        check(
          "faster than Emmett's aggregate replay",
          d,
          ratios.median,
          (v) => `${fmt(v)}× (Emmett ÷ ours)`,
          (v) => v > 1,
        ),
      );
  }

  // 6. Growth: per-event replay cost and query latency by dataset size.
  const pv = ok.filter((r) => r.task.kind === "parseVsReplay");
  const qs = ok.filter((r) => r.task.kind === "queries");
  const base = pv[0];
  for (const r of pv) {
    const events = num(r.figures, "events");
    const perEvent = mapSpread(spread(nums(r.figures, "replayMs")), (ms) => (ms * 1e6) / events);
    rows.push(row("6 growth", label(r), `replay cost per event (${fmt(events)} events)`, perEvent, " ns"));
    if (base !== undefined && base !== r) {
      const grow = spread(nums(r.figures, "replayMs")).median / spread(nums(base.figures, "replayMs")).median;
      const size = events / num(base.figures, "events");
      rows.push(
        row(
          "6 growth",
          label(r),
          `replay time ×${fmt(grow)} for events ×${fmt(size)}`,
          spread([grow / size]),
          " (1 = linear)",
        ),
      );
    }
  }
  const qbase = qs[0];
  for (const r of qs) {
    if (qbase === undefined || qbase === r) continue;
    const grow = spread(nums(r.figures, "p50Ms")).median / spread(nums(qbase.figures, "p50Ms")).median;
    const size = num(r.figures, "events") / num(qbase.figures, "events");
    rows.push(
      row(
        "6 growth",
        label(r),
        `query p50 ×${fmt(grow)} for events ×${fmt(size)}`,
        spread([grow]),
        " (1 = constant)",
      ),
    );
  }
  return { rows, budgets, unavailable };
};
