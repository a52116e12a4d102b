/**
 * `@coop-ledger/cli/internal`: every module of the package, for the sibling packages of this repository
 * and for tests. Not a stable API: names here may change or go in any release. Applications use the
 * package's main entry point (`@coop-ledger/cli`), whose export list is snapshotted in `exports.txt`.
 *
 * @packageDocumentation
 */

export * from "../context.js";
export * from "../engine/ledger-facts.js";
export * from "../engine/load-ledger.js";
export * from "../engine/write-ledger.js";
export * from "../errors/cli-error.js";
export * from "../errors/exit-codes.js";
export * from "../io.js";
export * from "../labels/event-labels.js";
export * from "../main.js";
export * from "../options/dates.js";
export * from "../options/query.js";
export * from "../options/scope.js";
export * from "../options/scope-options.js";
export * from "../output/csv.js";
export * from "../output/data-table.js";
export * from "../output/format.js";
export * from "../output/numbers.js";
export * from "../output/table-text.js";
export * from "../progress.js";
export * from "../report/html.js";
export * from "../report/report-data.js";
export * from "../report/uplot-assets.js";
export * from "../report/vi-text.js";
export * from "../serve/ledger-session.js";
export * from "../version.js";
