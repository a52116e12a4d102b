import { describe, expect, it } from "vitest";
import type { Run } from "./cold/timed-run.js";
import { type ColdCliResult, coldCliBudgets, renderColdCli } from "./cold-cli.js";

const ok = (what: string, ms: number): Run => ({ what, status: "ok", ms, cpuMs: ms, rssMiB: 100, code: 0 });

const result = (runs: Run[]): ColdCliResult => ({
  label: "t",
  ledger: "t.jsonl",
  started: "2026-12-06T03:00:00.000Z",
  finished: "2026-12-06T03:10:00.000Z",
  loadAverage: { start: [1, 1, 1], end: [1, 1, 1] },
  ledgerBytes: 1 << 20,
  indexBytes: 0,
  events: 1000,
  floors: { read: 10, hash: 100, parse: 300, lines: 1001, hashCpuMs: 100 },
  runs,
});

describe("cold-CLI budgets", () => {
  it("a timed-out step is reported as timed out, its budget not judged; the rows after it are not measured, not judged", () => {
    const r = result([
      ok("verify", 150),
      {
        what: "snapshot, no index (first build, writes it)",
        status: "timed out",
        ms: Number.NaN,
        cpuMs: Number.NaN,
        rssMiB: Number.NaN,
        code: -1,
        note: "timed out: killed after 1800.0 s",
      },
      {
        what: "snapshot, current index, chain verified",
        status: "not measured",
        ms: Number.NaN,
        cpuMs: Number.NaN,
        rssMiB: Number.NaN,
        code: -1,
        note: "no current index: the first build timed out",
      },
    ]);
    const budgets = coldCliBudgets(r);
    const build = budgets.find((b) => b.budget.startsWith("first index build"));
    expect(build).toMatchObject({ met: undefined });
    expect(build?.figure).toMatch(/^timed out/);
    const verified = budgets.find((b) =>
      b.budget.startsWith("cold `snapshot`, current index, chain verified"),
    );
    expect(verified).toMatchObject({ met: undefined });
    expect(verified?.figure).toMatch(/not measured \(no current index: the first build timed out\)/);
    expect(budgets.find((b) => b.budget.startsWith("`verify`"))).toMatchObject({ met: true });
    const md = renderColdCli(r);
    expect(md).not.toMatch(/exit -1/);
    expect(md).not.toMatch(/\| 0 ms \|/);
    expect(md).toMatch(/\| snapshot, no index \(first build, writes it\) \| timed out/);
    expect(md).toMatch(/\| not judged \|/);
  });

  it("a step that ran is judged on its figure", () => {
    const r = result([ok("snapshot, current index, chain verified", 250)]);
    const verified = coldCliBudgets(r).find((b) =>
      b.budget.startsWith("cold `snapshot`, current index, chain verified"),
    );
    expect(verified).toMatchObject({ met: false, figure: "250 ms = 2.50× (floor 100 ms)" });
  });

  it("a step's label is written as it is, its own code spans kept whole", () => {
    const md = renderColdCli(result([ok("CLI start only (`--version`)", 180)]));
    expect(md).toMatch(/^\| CLI start only \(`--version`\) \| 180 ms \|/m);
  });

  it("the hashing on every core is a reference row beside the one-thread floor, never a budget's floor", () => {
    const base = result([ok("verify", 150)]);
    const r = { ...base, floors: { ...base.floors, hashAll: 80, hashAllCpuMs: 150, hashAllThreads: 2 } };
    expect(renderColdCli(r)).toMatch(
      /\| reference: the same hashing on 2 threads [^|]*\| 80 ms \| 150 ms \| \| 0\.80 \|/,
    );
    expect(renderColdCli(base)).not.toMatch(/reference: the same hashing/);
    // The verify budget stays judged on the one-thread floor (150 / 100 = 1.5×), not on 80 ms.
    expect(coldCliBudgets(r).find((b) => b.budget.startsWith("`verify`"))?.figure).toMatch(/1\.50×/);
  });
});
