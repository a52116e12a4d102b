import { describe, expect, it } from "vitest";
import type { DatasetRef, TaskResult } from "../child/protocol.js";
import { renderMarkdown, renderText } from "./render.js";
import { summarise } from "./summarise.js";

const national: DatasetRef = { label: "national", path: "n.jsonl", events: 1_303_710 };
const machine = {
  cores: 2,
  cpuModel: "cpu",
  memoryGiB: 24,
  node: "v20",
  v8: "11",
  platform: "linux",
  loadAverage: [1, 1, 1],
};

describe("a run that did not measure a figure (issue #12)", () => {
  // `--only indexBuild --datasets national`: the memory-only build child has no ledger → index figures,
  // and there is no replay child to take them from.
  const results: TaskResult[] = [
    {
      ok: true,
      task: { kind: "indexBuild", dataset: national, memoryOnly: true },
      figures: { buildMs: 41_000 },
      maxRssMiB: 2900,
      wallMs: 60_000,
    },
    {
      ok: false,
      task: { kind: "queries", dataset: national, seed: 7, queries: 10, reps: 1, replayQueries: 1 },
      error: "timed out",
      wallMs: 1,
    },
  ];
  const summary = summarise(results, "national");

  it("judges no budget on a missing figure, and judges the measured ones", () => {
    const byName = new Map(summary.budgets.map((b) => [b.budget, b]));
    expect(byName.get("index build from the ledger file ≤ 5 s (stricter reading)")).toMatchObject({
      figure: "not measured",
      met: undefined,
    });
    expect(byName.get("peak RSS ≤ 2 GB (ledger → index)")).toMatchObject({
      figure: "not measured",
      met: undefined,
    });
    expect(byName.get("index build ≤ 5 s")).toMatchObject({ figure: "41,000 ms", met: false });
    expect(summary.unavailable).toEqual(["queries: timed out"]);
  });

  it("prints 'not measured', never NaN", () => {
    const run = {
      mode: "full" as const,
      startedAt: "t0",
      finishedAt: "t1",
      reps: 1,
      machine,
      loadAfter: [1, 1, 1],
      datasets: [national],
      budgetDataset: "national",
      summary,
    };
    for (const text of [renderText(run), renderMarkdown(run)]) {
      expect(text).not.toMatch(/NaN/);
      expect(text).toMatch(/not measured/);
      expect(text).toMatch(/not judged/);
    }
  });
});
