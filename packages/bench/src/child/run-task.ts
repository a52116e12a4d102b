import { match } from "ts-pattern";
import { appends } from "../measures/appends.js";
import { emmett } from "../measures/emmett.js";
import { indexBuild } from "../measures/index-build.js";
import { need } from "../measures/not-available.js";
import { parseVsReplay } from "../measures/parse-vs-replay.js";
import { queries } from "../measures/queries.js";
import type { Subjects } from "../subjects.js";
import type { Figures, Task } from "./protocol.js";

/**
 * Runs one task in this process (the child entry calls it; the smoke test calls it directly).
 *
 * @example
 * import { type DatasetRef, liveSubjects, need, runTask } from "@coop-ledger/bench";
 * // A tiny dataset (the bench uses a province, 100 k and national ones).
 * const generate = need(liveSubjects.generate, "generate");
 * const made = await generate("province", 7, 300, "run-task.jsonl");
 * const dataset: DatasetRef = { label: "tiny", path: "run-task.jsonl", events: made.events };
 * const figures = await runTask(liveSubjects, { kind: "parseVsReplay", dataset, reps: 1 }); // in this process
 * console.log(made.events, "parseMs" in figures); // 300 true
 */
export const runTask = (subjects: Subjects, task: Task): Promise<Figures> =>
  match(task)
    .with({ kind: "generate" }, async (t) => {
      const generate = need(subjects.generate, "generateLedger (testing) + file ledger import (store)");
      const g = await generate(t.preset, t.seed, t.maxEvents, t.path);
      return { events: g.events, streams: g.streams, bytes: g.bytes };
    })
    .with({ kind: "parseVsReplay" }, (t) => parseVsReplay(subjects, t.dataset, t.reps, t.light ?? false))
    .with({ kind: "indexBuild" }, (t) => indexBuild(subjects, t.dataset, t.memoryOnly ?? false))
    .with({ kind: "queries" }, (t) =>
      queries(subjects, t.dataset, t.seed, t.queries, t.reps, t.replayQueries),
    )
    .with({ kind: "appends" }, (t) =>
      appends(subjects, t.dataset, t.dir, t.single, t.batched, t.batchSize, t.reps),
    )
    .with({ kind: "emmett" }, (t) => emmett(subjects, t.dataset, t.reps, t.streamsPerStore))
    .exhaustive();
