import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { coldCliBudgets } from "./budgets.js";
import type { ColdCliResult } from "./cold-cli-result.js";
import { fmt, missing, statusOf } from "./run-figures.js";
import type { Run } from "./timed-run.js";

/**
 * The run as Markdown: the budgets judged on this run's figures, then the floors and every command with
 * wall time, peak RSS and its ratio to the hashing floor of the same run.
 * @example
 * const markdown = (result: Parameters<typeof renderColdCli>[0]) => renderColdCli(result);
 */
export const renderColdCli = (r: ColdCliResult): string => {
  const la = (a: number[]) => a.map((x) => x.toFixed(2)).join(" / ");
  const cpu = (ms: number | undefined) => (ms !== undefined && Number.isFinite(ms) ? fmt(ms) : "");
  // A step's label is prose that may hold its own code spans (`--version`), so it is not wrapped in one.
  const row = (x: Run) =>
    statusOf(x) === "ok"
      ? `| ${x.what} | ${fmt(x.ms)} | ${cpu(x.cpuMs)} | ${Number.isFinite(x.rssMiB) ? `${x.rssMiB.toFixed(0)} MiB` : ""} | ${(x.ms / r.floors.hash).toFixed(2)} |`
      : `| ${x.what} | ${missing(x)} | | | |`;
  const g = r.growth;
  const lines = [
    `Run ${r.started} → ${r.finished}, ${r.label}: ${r.events.toLocaleString("en-US")} events, ${(r.ledgerBytes / 2 ** 20).toFixed(0)} MiB ledger, ${(r.indexBytes / 2 ** 20).toFixed(0)} MiB index. Load average (1 / 5 / 15 min) at start ${la(r.loadAverage.start)}, at end ${la(r.loadAverage.end)} (2 cores, shared).`,
    "",
    "| budget | figure (this run) | met |",
    "|---|---|---|",
    ...coldCliBudgets(r).map(
      (b) =>
        `| ${b.budget} | ${b.figure} | ${b.met === undefined ? "not judged" : b.met ? "yes" : "**NO**"} |`,
    ),
    "",
    "| measurement | wall | CPU (user + sys) | peak RSS | wall ÷ hashing floor |",
    "|---|---|---|---|---|",
    `| floor: read the file (8 MiB buffered reads) | ${fmt(r.floors.read)} | ${cpu(r.floors.readCpuMs)} | | ${(r.floors.read / r.floors.hash).toFixed(2)} |`,
    `| floor: hash every line, one thread (read + newline split + one one-shot SHA-256 a line) | ${fmt(r.floors.hash)} | ${cpu(r.floors.hashCpuMs)} | | 1 |`,
    ...(r.floors.hashAll === undefined
      ? []
      : [
          `| reference: the same hashing on ${r.floors.hashAllThreads} threads (byte ranges on worker threads; not a budget's floor) | ${fmt(r.floors.hashAll)} | ${cpu(r.floors.hashAllCpuMs)} | | ${(r.floors.hashAll / r.floors.hash).toFixed(2)} |`,
        ]),
    `| ceiling: bare JSON.parse (read + newline split + JSON.parse a line) | ${fmt(r.floors.parse)} (${Math.round(r.floors.lines / (r.floors.parse / 1000)).toLocaleString("en-US")} lines/s) | ${cpu(r.floors.parseCpuMs)} | | ${(r.floors.parse / r.floors.hash).toFixed(2)} |`,
    ...r.runs.map(row),
    ...(g === undefined ? [] : [row(g.build), row(g.verified), row(g.noVerify)]),
  ];
  return lines.join("\n");
};

/**
 * Writes a run between its markers in docs/performance.md (`<!-- cold-cli:LABEL:begin/end -->`) of the
 * repository at `root`.
 *
 * @example
 * const toDocs = (result: Parameters<typeof renderColdCli>[0]) => writeColdCliDocs("/repo", result);
 */
export const writeColdCliDocs = (root: string, result: ColdCliResult): void => {
  const doc = join(root, "docs", "performance.md");
  const text = readFileSync(doc, "utf8");
  const begin = `<!-- cold-cli:${result.label}:begin -->`;
  const end = `<!-- cold-cli:${result.label}:end -->`;
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a >= 0 && b > a)
    writeFileSync(doc, `${text.slice(0, a + begin.length)}\n\n${renderColdCli(result)}\n\n${text.slice(b)}`);
  else process.stderr.write(`no ${begin} … ${end} markers in ${doc}\n`);
};
