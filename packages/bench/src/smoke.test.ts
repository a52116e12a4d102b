import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatasetRef, TaskResult } from "./child/protocol.js";
import { runTask } from "./child/run-task.js";
import { machineInfo } from "./harness/machine.js";
import { NotAvailable } from "./measures/not-available.js";
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
    const g = await runTask(liveSubjects, {
      kind: "generate",
      label: "tiny",
      preset: "province",
      seed: 3,
      maxEvents: 400,
      path,
    });
    dataset = { label: "tiny", path, events: Number(g.events) };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // A measurement whose package has not landed yet is skipped, not failed (the harness reports it as
  // "not measured" in a real run).
  const run = async (ctx: { skip: (note?: string) => void }, task: Parameters<typeof runTask>[1]) => {
    try {
      const figures = await runTask(liveSubjects, task);
      results.push({ ok: true, task, figures, maxRssMiB: 0, wallMs: 0 });
      return figures;
    } catch (e) {
      if (e instanceof NotAvailable) ctx.skip(e.message);
      throw e;
    }
  };

  it("generates the dataset as a file ledger that reads back event for event", async () => {
    expect(dataset.events).toBe(400);
    let n = 0;
    for await (const _ of liveSubjects.readLedger!(dataset.path)) n++;
    expect(n).toBe(400);
  });

  it("parses and replays every line", async (ctx) => {
    const f = await run(ctx, { kind: "parseVsReplay", dataset, reps: 1 });
    expect(f.lines).toBe(401); // the header line + one line per event
    expect(f.events).toBe(400);
  });

  it("builds the index from the file and from memory", async (ctx) => {
    const f = await run(ctx, { kind: "indexBuild", dataset });
    expect(f.events).toBe(400);
  });

  it("answers random queries on the index and by replay", async (ctx) => {
    const f = await run(ctx, { kind: "queries", dataset, seed: 1, queries: 20, reps: 1, replayQueries: 2 });
    expect(f.queries).toBe(20);
    expect((f.replayMs as number[]).length).toBe(2);
  });

  it("folds every co-op stream with ours and with Emmett, to the same states", async (ctx) => {
    const f = await run(ctx, { kind: "emmett", dataset, reps: 1 });
    expect(Number(f.streams)).toBeGreaterThan(0);
    expect(f.emmettStores).toBe(1);
    // Split into stores of 7 streams, Emmett folds the same states (the same digest).
    const split = await run(ctx, { kind: "emmett", dataset, reps: 1, streamsPerStore: 7 });
    expect(split.emmettStores).toBe(Math.ceil(Number(f.streams) / 7));
    expect(split.statesDigest).toBe(f.statesDigest);
  });

  it("appends single, per stream and batched", async (ctx) => {
    const f = await run(ctx, {
      kind: "appends",
      dataset,
      dir,
      single: 5,
      batched: 50,
      batchSize: 20,
      reps: 1,
    });
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
    expect(renderText(run)).toContain("appends");
    expect(renderMarkdown(run)).toContain("| budget |");
  });
});
