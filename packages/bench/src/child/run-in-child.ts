import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Task, TaskResult } from "./protocol.js";

// The compiled entry beside this module; run from the TypeScript sources (a test, a TSDoc example),
// the package's compiled one (src/child/ and dist/child/ are at the same depth).
const beside = fileURLToPath(new URL("./entry.js", import.meta.url));
const entry = existsSync(beside)
  ? beside
  : fileURLToPath(new URL("../../dist/child/entry.js", import.meta.url));

/** Options of a child run. */
export interface ChildOptions {
  /** Extra node flags, e.g. `["--cpu-prof", "--cpu-prof-dir=.bench-out/prof"]` to profile one measurement. */
  readonly execArgv?: ReadonlyArray<string>;
  /** Heap limit of the child in MiB (default 4096: above the 2 GB budget so a miss is measured, not a crash). */
  readonly maxOldSpaceMiB?: number;
  /** Kill the child and report a failure after this long (default 15 min): a hang must not stall the run. */
  readonly timeoutMs?: number;
}

/**
 * Runs one measurement in a fresh Node process (compiled `dist/child/entry.js`, also when this module
 * is run from its sources) and resolves with its result. Never rejects: a crash or a non-zero exit
 * becomes `{ ok: false }`.
 *
 * @example
 * import { type DatasetRef, liveSubjects, need, runInChild } from "@coop-ledger/bench";
 * // A tiny dataset (the bench uses a province, 100 k and national ones).
 * const generate = need(liveSubjects.generate, "generate");
 * const made = await generate("province", 7, 300, "child.jsonl");
 * const dataset: DatasetRef = { label: "tiny", path: "child.jsonl", events: made.events };
 * // The child runs the compiled package (dist/child/entry.js): `pnpm --filter @coop-ledger/bench build`.
 * const r = await runInChild({ kind: "indexBuild", dataset }, { timeoutMs: 60_000 });
 * console.log(r.ok ? `${r.maxRssMiB} MiB peak, ${Object.keys(r.figures).length} figures` : r.error);
 */
export const runInChild = (task: Task, options: ChildOptions = {}): Promise<TaskResult> =>
  new Promise((resolve) => {
    const started = Date.now();
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const done = (r: TaskResult): void => {
      clearTimeout(timer);
      if (!settled) {
        settled = true;
        resolve(r);
      }
    };
    const child = fork(entry, [], {
      execArgv: [
        "--expose-gc",
        `--max-old-space-size=${options.maxOldSpaceMiB ?? 4096}`,
        ...(options.execArgv ?? []),
      ],
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const timeoutMs = options.timeoutMs ?? 15 * 60_000;
    timer = setTimeout(() => {
      done({
        ok: false,
        task,
        error: `timed out after ${Math.round(timeoutMs / 1000)} s`,
        wallMs: Date.now() - started,
      });
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("message", (m) => done(m as TaskResult));
    child.on("error", (e) => done({ ok: false, task, error: e.message, wallMs: Date.now() - started }));
    child.on("exit", (code, signal) =>
      done({
        ok: false,
        task,
        error: `child exited (${signal ?? code}) without a result`,
        wallMs: Date.now() - started,
      }),
    );
    child.send(task);
  });
