import { existsSync, rmSync } from "node:fs";
import { notMeasured, type Run } from "./timed-run.js";

/**
 * Runs one step (a CLI command with these arguments) and reports it.
 * @example const run: StepRunner = (what, args) => ({ what, status: "ok", ms: args.length, cpuMs: 0, rssMiB: 0, code: 0 });
 */
export type StepRunner = (what: string, args: ReadonlyArray<string>) => Run;

/**
 * A row that needs a current index.
 * @example const row: IndexedRow = { what: "snapshot, current index, --no-verify", args: ["snapshot", "--ledger", "l.jsonl", "--no-verify"] };
 */
export interface IndexedRow {
  readonly what: string;
  readonly args: ReadonlyArray<string>;
}

/**
 * What {@link indexRows} ran: the rows, and the untimed setup step if one was needed.
 * @example const r: IndexRows = { rows: [], setup: undefined };
 */
export interface IndexRows {
  /** The first-build row (when not skipped), then every row that needs a current index, in order. */
  readonly rows: ReadonlyArray<Run>;
  /** The setup step that made a current index when the build row was skipped (not a row: untimed). */
  readonly setup: Run | undefined;
}

/**
 * The first-build row, then the rows that claim a current index, each starting from the state it
 * claims. The build row removes the index and builds it; when it was skipped, an untimed setup step
 * (`snapshot --no-verify`, which reuses a current index or builds one) makes sure there is one. When
 * there is still no current index — the build timed out or failed — the rows that need one are not run
 * and are reported "not measured", with why: a row never silently does another row's work (a
 * "current index" row timing the first build because the build before it was killed).
 *
 * @example
 * // A runner standing in for the CLI: the first build times out, so no index is written.
 * const run: StepRunner = (what) => ({ what, status: "timed out", ms: Number.NaN, cpuMs: Number.NaN, rssMiB: Number.NaN, code: -1 });
 * const r = indexRows(run, "no-such-ledger.jsonl.idx", ["snapshot", "--ledger", "no-such-ledger.jsonl"], false, [
 *   { what: "snapshot, current index, chain verified", args: ["snapshot", "--ledger", "no-such-ledger.jsonl"] },
 * ]);
 * console.log(r.rows.map((x) => x.status)); // ["timed out", "not measured"]
 */
export const indexRows = (
  run: StepRunner,
  idx: string,
  buildArgs: ReadonlyArray<string>,
  skipBuild: boolean,
  rows: ReadonlyArray<IndexedRow>,
): IndexRows => {
  const out: Run[] = [];
  let setup: Run | undefined;
  let missing: string | undefined;
  if (!skipBuild) {
    rmSync(idx, { force: true });
    const build = run("snapshot, no index (first build, writes it)", buildArgs);
    out.push(build);
    if (build.status !== "ok" || !existsSync(idx))
      missing = `no current index: the first build ${build.status === "ok" ? "wrote none" : build.status === "timed out" ? "timed out" : "failed"}`;
  } else {
    setup = run("(setup, untimed: a current index)", [...buildArgs, "--no-verify"]);
    if (setup.status !== "ok" || !existsSync(idx))
      missing = `no current index: the setup step ${setup.status === "timed out" ? "timed out" : "failed"}`;
  }
  for (const r of rows) out.push(missing === undefined ? run(r.what, r.args) : notMeasured(r.what, missing));
  return { rows: out, setup };
};
