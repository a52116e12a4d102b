import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatasetRef, TaskResult } from "./child/protocol.js";
import { runTask } from "./child/run-task.js";
import { machineInfo } from "./harness/machine.js";
import { renderMarkdown, renderText } from "./report/render.js";
import { summarise } from "./report/summarise.js";
import { liveSubjects } from "./subjects-live.js";

// A smoke test of the harness on a tiny dataset (the first 400 events of a province): every
// measurement runs in-process once and the report renders. No timing is asserted — this checks the
// harness is wired, not how fast anything is.
describe("bench harness (smoke, tiny dataset)", () => {
  const dir = mkdtempSync(join(tmpdir(), "coop-bench-"));
  let dataset: DatasetRef;
  const results: TaskResult[] = [];

  beforeAll(async () => {
    const path = join(dir, "tiny.jsonl");
    const g = await runTask(liveSubjects, { kind: "generate", label: "tiny", preset: "province", seed: 3, maxEvents: 400, path });
    dataset = { label: "tiny", path, events: Number(g.events) };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (task: Parameters<typeof runTask>[1]) => {
    const figures = await runTask(liveSubjects, task);
    results.push({ ok: true, task, figures, maxRssMiB: 0, wallMs: 0 });
    return figures;
  };

  it("generates the dataset as a file ledger that reads back event for event", async () => {
    expect(dataset.events).toBe(400);
    let n = 0;
    for await (const _ of liveSubjects.readLedger!(dataset.path)) n++;
    expect(n).toBe(400);
  });

  it("parses and replays every line", async () => {
    const f = await run({ kind: "parseVsReplay", dataset, reps: 1 });
    expect(f.lines).toBe(401); // the header line + one line per event
    expect(f.events).toBe(400);
  });

  it("appends single, per stream and batched", async () => {
    const f = await run({ kind: "appends", dataset, dir, single: 5, batched: 50, batchSize: 20, reps: 1 });
    expect((f.singleEventsPerSec as number[]).length).toBe(1);
    expect((f.importEventsPerSec as number[]).length).toBe(1);
  });

  it("summarises and renders whatever was measured", () => {
    const summary = summarise(results, "tiny");
    expect(summary.rows.length).toBeGreaterThan(0);
    const run = {
      mode: "quick" as const,
      startedAt: "t0",
      finishedAt: "t1",
      reps: 1,
      machine: machineInfo(),
      loadAfter: [0, 0, 0],
      datasets: [{ label: "tiny", events: dataset.events }],
      budgetDataset: "tiny",
      summary,
    };
    expect(renderText(run)).toContain("parse vs replay");
    expect(renderMarkdown(run)).toContain("| budget |");
  });
});
