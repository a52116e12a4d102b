// The child process of one measurement: receives a Task over IPC, runs it, sends back a TaskResult
// with its own peak RSS, and exits (so the next measurement starts from a clean heap).
import { liveSubjects } from "../subjects-live.js";
import type { Task, TaskResult } from "./protocol.js";
import { runTask } from "./run-task.js";

process.once("message", async (message) => {
  const task = message as Task;
  const started = Date.now();
  let result: TaskResult;
  try {
    const figures = await runTask(liveSubjects, task);
    result = {
      ok: true,
      task,
      figures,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      wallMs: Date.now() - started,
    };
  } catch (e) {
    result = {
      ok: false,
      task,
      error: e instanceof Error ? e.message : String(e),
      wallMs: Date.now() - started,
    };
  }
  process.send?.(result, () => process.exit(0));
});
