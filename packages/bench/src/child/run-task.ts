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
 * @example const figures = await runTask(subjects, { kind: "parseVsReplay", dataset, reps: 1 });
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
    .with({ kind: "emmett" }, (t) => emmett(subjects, t.dataset, t.reps))
    .exhaustive();
