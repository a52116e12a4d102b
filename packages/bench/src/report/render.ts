import type { MachineInfo } from "../harness/machine.js";
import { fmt, fmtSpread, markdownTable, textTable } from "./format.js";
import type { Summary } from "./summarise.js";

/** A finished run: what, where, when, and the summary. */
export interface BenchRun {
  readonly mode: "quick" | "full";
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly reps: number;
  readonly machine: MachineInfo;
  readonly loadAfter: ReadonlyArray<number>;
  readonly datasets: ReadonlyArray<{
    readonly label: string;
    readonly events: number;
    readonly path?: string;
  }>;
  readonly budgetDataset: string;
  /** The earlier run whose results were merged in (`--merge`), if any. */
  readonly merged?: { readonly startedAt: string; readonly mode: string; readonly reps?: number };
  readonly summary: Summary;
}

const figureRows = (run: BenchRun): string[][] => [
  ["section", "dataset", "metric", "median [min–max]"],
  ...run.summary.rows.map((r) => [r.section, r.dataset, r.metric, fmtSpread(r.value, r.unit)]),
];

const budgetRows = (run: BenchRun): string[][] => [
  ["budget", "dataset", "figure (median)", "met"],
  ...run.summary.budgets.map((b) => [
    b.budget,
    b.dataset,
    b.figure,
    b.met === undefined ? "not judged" : b.met ? "yes" : "NO",
  ]),
];

const machineLine = (run: BenchRun): string => {
  const m = run.machine;
  return (
    `${m.cores} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node} (V8 ${m.v8}), ${m.platform}; ` +
    `load average at start ${m.loadAverage.join(" / ")}, at end ${run.loadAfter.join(" / ")}`
  );
};

/**
 * The run as plain text for the terminal.
 *
 * @example
 * import { type BenchRun, loadNow, renderText, machineInfo, summarise, type TaskResult } from "@coop-ledger/bench";
 * const results: TaskResult[] = [
 *   {
 *     ok: true,
 *     task: { kind: "parseVsReplay", dataset: { label: "tiny", path: "t.jsonl", events: 300 }, reps: 1 },
 *     figures: { parseMs: [12], replayMs: [30] },
 *     maxRssMiB: 80,
 *     wallMs: 900,
 *   },
 * ];
 * const run: BenchRun = {
 *   mode: "quick",
 *   startedAt: "2026-12-05T20:00:00.000Z",
 *   finishedAt: "2026-12-05T20:01:00.000Z",
 *   reps: 1,
 *   machine: machineInfo(),
 *   loadAfter: loadNow(),
 *   datasets: [{ label: "tiny", events: 300 }],
 *   budgetDataset: "tiny",
 *   summary: summarise(results, "tiny"),
 * };
 * const text = renderText(run);
 * console.log(text.includes("tiny")); // true
 */
export const renderText = (run: BenchRun): string =>
  [
    `coop-ledger bench (${run.mode}, ${run.reps} repetitions, spread = median [min–max])`,
    `machine: ${machineLine(run)}`,
    `datasets: ${run.datasets.map((d) => `${d.label} ${fmt(d.events)} events`).join(", ")}`,
    ...(run.merged !== undefined
      ? [`merged: ${run.merged.mode} run of ${run.merged.startedAt} (${run.merged.reps ?? "?"} repetitions)`]
      : []),
    "",
    textTable(figureRows(run)),
    "",
    `budgets (judged at ${run.budgetDataset}):`,
    textTable(budgetRows(run)),
    ...(run.summary.unavailable.length > 0
      ? ["", "not measured:", ...run.summary.unavailable.map((u) => `  - ${u}`)]
      : []),
  ].join("\n");

/**
 * The run as Markdown, for the generated part of docs/performance.md.
 *
 * @example
 * import { type BenchRun, loadNow, renderMarkdown, machineInfo, summarise, type TaskResult } from "@coop-ledger/bench";
 * const results: TaskResult[] = [
 *   {
 *     ok: true,
 *     task: { kind: "parseVsReplay", dataset: { label: "tiny", path: "t.jsonl", events: 300 }, reps: 1 },
 *     figures: { parseMs: [12], replayMs: [30] },
 *     maxRssMiB: 80,
 *     wallMs: 900,
 *   },
 * ];
 * const run: BenchRun = {
 *   mode: "quick",
 *   startedAt: "2026-12-05T20:00:00.000Z",
 *   finishedAt: "2026-12-05T20:01:00.000Z",
 *   reps: 1,
 *   machine: machineInfo(),
 *   loadAfter: loadNow(),
 *   datasets: [{ label: "tiny", events: 300 }],
 *   budgetDataset: "tiny",
 *   summary: summarise(results, "tiny"),
 * };
 * const markdown = renderMarkdown(run); // what the bench writes to docs/performance.md
 * console.log(markdown.includes("|")); // true (tables)
 */
export const renderMarkdown = (run: BenchRun): string =>
  [
    `Run ${run.startedAt} → ${run.finishedAt} (${run.mode}, ${run.reps} repetitions; figures are median [min–max]).`,
    "",
    `Machine: ${machineLine(run)}.`,
    "",
    `Datasets: ${run.datasets.map((d) => `${d.label} (${fmt(d.events)} events)`).join(", ")}.`,
    "",
    ...(run.merged !== undefined
      ? [
          `Figures for the smaller datasets come from the ${run.merged.mode} run of ${run.merged.startedAt} (${run.merged.reps ?? "?"} repetitions, merged with \`--merge\`), made on the same machine the same hour; the ${run.reps} repetition(s) above apply to this run's own datasets.`,
          "",
        ]
      : []),
    `### Budgets (judged at ${run.budgetDataset})`,
    "",
    markdownTable(budgetRows(run)),
    "",
    "### Figures",
    "",
    markdownTable(figureRows(run)),
    ...(run.summary.unavailable.length > 0
      ? ["", "Not measured:", "", ...run.summary.unavailable.map((u) => `- ${u}`)]
      : []),
  ].join("\n");
