/**
 * `@coop-ledger/cli`: the `coop-ledger` command (the auditor's tool). The bin is `dist/bin.js`; this
 * entry point exposes the pieces for embedding and testing: `runCli`, the output formats, the error
 * values and exit codes, and the HTML report renderer.
 *
 * @packageDocumentation
 */

// The public API, by name (internals: `@coop-ledger/cli/internal`). The list is snapshotted in
// ../exports.txt (see public-api.test.ts): a change here is a deliberate change of the API.
export { type CliContext, type CommandResult, makeContext } from "./context.js";
export { checkChainAhead } from "./engine/chain-ahead.js";
export { LedgerIdentity } from "./engine/ledger-identity.js";
export {
  type IndexOrigin,
  type LateEvent,
  type LoadedLedger,
  type LoadOptions,
  loadLedger,
} from "./engine/load-ledger.js";
export { type CliError, exitCodeOf, internal, usage } from "./errors/cli-error.js";
export { EXIT, type ExitCode } from "./errors/exit-codes.js";
export { type CliIo, processIo } from "./io.js";
export { runCli } from "./main.js";
export { parseDateOption, parseInstantOption } from "./options/dates.js";
export { renderCsv } from "./output/csv.js";
export type { Cell, CliOutput, Column, ColumnKind, DataTable } from "./output/data-table.js";
export { OutputFormat, renderOutput } from "./output/format.js";
export { NumberFormat } from "./output/numbers.js";
export { renderTable } from "./output/table-text.js";
export { makeProgress, type Progress, type ProgressSink } from "./progress.js";
export { renderReportHtml } from "./report/html.js";
export type { ReportChart, ReportData, ReportTargetRow } from "./report/report-data.js";
export { loadUplotAssets, type UplotAssets } from "./report/uplot-assets.js";
export { type TextSegment, viSegments } from "./report/vi-text.js";
export { CLI_VERSION } from "./version.js";
