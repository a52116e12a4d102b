import { type ColdCliResult, KNOWN_AT } from "./cold-cli-result.js";
import { fmt, missing, ok } from "./run-figures.js";
import type { Run } from "./timed-run.js";

/** The nearest-rank quantile of some numbers. */
const quantile = (xs: ReadonlyArray<number>, q: number): number => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length, Math.max(1, Math.ceil(q * s.length))) - 1] as number;
};

/** One budget of issue #12 judged on a run: its figure, and whether it was met (undefined: not judged). */
export interface Budget {
  readonly budget: string;
  readonly figure: string;
  readonly met: boolean | undefined;
}

/**
 * The budgets of issue #12, each judged on its figure from this run (not judged when the figure is
 * missing: the step timed out, was not measured, or failed — the figure then says which).
 * @example
 * const unmet = (result: Parameters<typeof coldCliBudgets>[0]) => coldCliBudgets(result).filter((b) => b.met === false);
 */
export const coldCliBudgets = (r: ColdCliResult): Budget[] => {
  const run = (prefix: string): Run | undefined => r.runs.find((x) => x.what.startsWith(prefix));
  const judge = (
    budget: string,
    x: Run | undefined,
    figure: (x: Run) => string,
    pass: (x: Run) => boolean,
  ): Budget =>
    ok(x) ? { budget, figure: figure(x), met: pass(x) } : { budget, figure: missing(x), met: undefined };
  const hash = r.floors.hash;
  const parse = r.floors.parse;
  const verified = run("snapshot, current index, chain verified");
  const noVerify = run("snapshot, current index, --no-verify");
  const duck = run("DuckDB whole process");
  const oursSame = run("ours, same question, current index, chain verified");
  const build = run("snapshot, no index");
  const appended = run("snapshot after appending 1,000 events");
  const q = r.queryMs ?? [];
  const out: Budget[] = [
    judge(
      "cold `snapshot`, current index, chain verified: ≤ 2× the hashing floor",
      verified,
      (x) => `${fmt(x.ms)} = ${(x.ms / hash).toFixed(2)}× (floor ${fmt(hash)})`,
      (x) => x.ms <= 2 * hash,
    ),
    judge(
      "… and ≤ 1 GB peak RSS",
      verified,
      (x) => `${x.rssMiB.toFixed(0)} MiB`,
      (x) => x.rssMiB <= 1024,
    ),
    ok(duck) && ok(oursSame) && r.sideBySide !== undefined
      ? {
          budget: "… faster than DuckDB's whole process, same file and question, same answers",
          figure: `ours ${fmt(oursSame.ms)} vs DuckDB ${fmt(duck.ms)} (${(duck.ms / oursSame.ms).toFixed(2)}×); answers ${r.sideBySide.same ? `identical (${r.sideBySide.provinces} provinces, ${r.sideBySide.total.toLocaleString("en-US")} co-ops)` : `DIFFER: ${r.sideBySide.differences.slice(0, 3).join("; ")}`}`,
          met: oursSame.ms < duck.ms && r.sideBySide.same,
        }
      : {
          budget: "… faster than DuckDB's whole process, same file and question",
          figure: `DuckDB: ${ok(duck) ? fmt(duck.ms) : missing(duck)}; ours: ${ok(oursSame) ? fmt(oursSame.ms) : missing(oursSame)}`,
          met: undefined,
        },
    judge(
      "cold `snapshot`, current index, `--no-verify`: ≤ 0.5 s",
      noVerify,
      (x) => `${fmt(x.ms)}, ${x.rssMiB.toFixed(0)} MiB`,
      (x) => x.ms <= 500,
    ),
    judge(
      "`verify` (integrity; `--validity` adds decoding and the domain's rules, its row below): ≤ 2× the hashing floor",
      r.runs.find((x) => x.what === "verify"),
      (x) => `${fmt(x.ms)} = ${(x.ms / hash).toFixed(2)}×`,
      (x) => x.ms <= 2 * hash,
    ),
    judge(
      "first index build from the file: ≤ 2× the bare-parse time (≥ 50 % of its rate)",
      build,
      (x) => `${fmt(x.ms)} = ${(x.ms / parse).toFixed(1)}× (bare parse ${fmt(parse)})`,
      (x) => x.ms <= 2 * parse,
    ),
    judge(
      "… and ≤ 1 GB peak RSS",
      build,
      (x) => `${x.rssMiB.toFixed(0)} MiB`,
      (x) => x.rssMiB <= 1024,
    ),
    judge(
      "appending 1,000 events to an indexed ledger, then querying: ≤ 1 s",
      appended,
      (x) => `${fmt(x.ms)}, ${x.rssMiB.toFixed(0)} MiB (--no-verify)`,
      (x) => x.ms <= 1000,
    ),
    q.length > 0
      ? {
          budget: "query p50 ≤ 1 ms, p99 ≤ 10 ms (the first after opening included)",
          figure: `p50 ${quantile(q, 0.5).toFixed(2)} ms, p99 ${quantile(q, 0.99).toFixed(2)} ms, first ${(q[0] as number).toFixed(2)} ms (${q.length} province queries, known-at ${KNOWN_AT.slice(0, 10)})`,
          met: quantile(q, 0.5) <= 1 && quantile(q, 0.99) <= 10,
        }
      : {
          budget: "query p50 ≤ 1 ms, p99 ≤ 10 ms (the first after opening included)",
          figure: "not measured",
          met: undefined,
        },
  ];
  const g = r.growth;
  if (g !== undefined && ok(g.build) && ok(build)) {
    const events = r.events / g.events;
    const time = build.ms / g.build.ms;
    out.push({
      budget: "cost grows linearly with events (first build)",
      figure: `×${time.toFixed(1)} time for ×${events.toFixed(1)} events (${(time / events).toFixed(2)}; 1 = linear)`,
      met: time / events <= 1.25,
    });
  } else
    out.push({
      budget: "cost grows linearly with events (first build)",
      figure: "not measured",
      met: undefined,
    });
  return out;
};
