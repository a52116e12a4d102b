import { closeSync } from "node:fs";
import { Worker } from "node:worker_threads";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChainCheckOptions, ChainWorkerFailed, checkRanges } from "./chain-pool.js";
import { openChain } from "./chain-scan.js";
import { MAX_LINE_BYTES } from "./ledger-format.js";
import { unreadableMessage } from "./open-ledger-file.js";
import { writeSampleLedger } from "./test-support/sample-ledger.js";
import { useSampleLedger } from "./test-support/sample-ledger-fixture.js";
import { tempDir } from "./test-support/temp-dir.js";

/** Runs a parallel check of the sample ledger (tiny ranges: many jobs per worker) to its end. */
const checkAll = async (
  path: string,
  startWorker?: ChainCheckOptions["startWorker"],
  workers = 2,
): Promise<number> => {
  const o = openChain(path);
  if (E.isLeft(o)) throw new Error(o.left.message);
  try {
    let lines = 0;
    for await (const r of checkRanges(o.right.fd, o.right.size, o.right.bodyStart, o.right.headerHash, {
      link: true,
      strict: false,
      offsets: false,
      maxLineBytes: MAX_LINE_BYTES,
      workers,
      rangeBytes: 300,
      ...(startWorker === undefined ? {} : { startWorker }),
    }))
      lines += r.lines;
    return lines;
  } finally {
    closeSync(o.right.fd);
  }
};

/** The promise's rejection, or a failure if it settles otherwise or not within `ms` (the old hang). */
const rejection = (p: Promise<unknown>, ms = 10_000): Promise<unknown> =>
  Promise.race([
    p.then(
      () => {
        throw new Error("the check succeeded although a worker died");
      },
      (e: unknown) => e,
    ),
    new Promise((_r, reject) =>
      setTimeout(() => reject(new Error(`still waiting after ${ms} ms: a dead worker hangs the check`)), ms),
    ),
  ]);

describe("the chain check's worker pool when a worker dies", () => {
  let dir: { dir: string; remove: () => Promise<void> };
  let path: string;
  let events: number;
  beforeAll(async () => {
    dir = await tempDir();
    const info = await writeSampleLedger(dir.dir);
    path = info.path;
    events = info.events;
  });
  afterAll(() => dir.remove());

  it("with healthy workers every line is checked (the harness below is the same check)", async () => {
    expect(await checkAll(path, (src) => new Worker(src, { eval: true }))).toBe(events);
  });

  it("a worker that exits without posting a message fails the check with ChainWorkerFailed (exit), not a wait forever", async () => {
    const e = await rejection(checkAll(path, () => new Worker("process.exit(0)", { eval: true })));
    expect(e).toBeInstanceOf(ChainWorkerFailed);
    expect(e).toMatchObject({ _tag: "ChainWorkerFailed", reason: "exit", exitCode: 0 });
  });

  it("a worker that crashes in the middle of the check (after answering a range) fails it", async () => {
    // The real checker, which answers its first range and exits (code 3) on the second: a crash
    // mid-check. One worker, so the second range is certainly sent to it.
    const listener = 'parentPort.on("message", (m) => {';
    const crashing = (src: string): string => {
      expect(src).toContain(listener);
      return src.replace(listener, `let seen = 0;\n${listener}\n  if (++seen === 2) process.exit(3);`);
    };
    const e = await rejection(checkAll(path, (src) => new Worker(crashing(src), { eval: true }), 1));
    expect(e).toMatchObject({ _tag: "ChainWorkerFailed", reason: "exit", exitCode: 3 });
  });

  it("a worker out of memory fails the check with ChainWorkerFailed (error, ERR_WORKER_OUT_OF_MEMORY)", async () => {
    const e = await rejection(
      checkAll(
        path,
        () =>
          new Worker("const a = []; for (;;) a.push(new Array(1e5).fill(a.length));", {
            eval: true,
            resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
          }),
      ),
      30_000,
    );
    expect(e).toMatchObject({
      _tag: "ChainWorkerFailed",
      reason: "error",
      detail: "ERR_WORKER_OUT_OF_MEMORY",
    });
  }, 40_000);

  it("the readers report it as a check not done, naming the file and what to try", () => {
    const m = unreadableMessage("l.jsonl", new ChainWorkerFailed("exit", 134, undefined));
    expect(m).toMatch(/^l\.jsonl: a chain-check worker thread exited \(code 134\) before answering/);
    expect(m).toContain("workers: 0");
  });
});

describe("the calling thread helping the pool (callerHelps)", () => {
  const sample = useSampleLedger();

  /** Every range's result, in order, of a check with `extra` options. */
  const results = async (strict: boolean, extra: Partial<ChainCheckOptions>) => {
    const o = openChain(sample.info.path);
    if (E.isLeft(o)) throw new Error(o.left.message);
    try {
      const out = [];
      for await (const r of checkRanges(o.right.fd, o.right.size, o.right.bodyStart, o.right.headerHash, {
        link: true,
        strict,
        offsets: true,
        maxLineBytes: MAX_LINE_BYTES,
        idSeed: 7,
        ...extra,
      }))
        out.push(r);
      return out;
    } finally {
      closeSync(o.right.fd);
    }
  };
  /** What a range says about the ledger, whoever checked it (the stream table's number aside). */
  const lines = (rs: Awaited<ReturnType<typeof results>>) => ({
    lines: rs.reduce((n, r) => n + r.lines, 0),
    last: rs.filter((r) => r.lastHash !== undefined).at(-1)?.lastHash,
    offsets: rs.flatMap((r) => [...(r.offsets ?? [])]),
    ids: rs.flatMap((r) => [...(r.ids ?? [])]),
    failures: rs.filter((r) => r.failure !== undefined).length,
  });

  for (const strict of [false, true])
    it(`${strict ? "strict" : "link-only"}: once asked, the calling thread checks ranges too, with the same results as one thread's check`, async () => {
      const one = await results(strict, { workers: 0 });
      const helped = await results(strict, { workers: 1, rangeBytes: 300, callerHelps: Promise.resolve() });
      expect(lines(helped)).toEqual(lines(one));
      expect(lines(helped).lines).toBe(sample.info.events);
      // The calling thread's ranges name its own stream table, after the one worker's (0).
      expect(helped.some((r) => r.table === 1)).toBe(true);
      expect(helped.some((r) => r.table === 0)).toBe(true);
    });

  it("a small body (under PARALLEL_MIN_BYTES) is checked on the calling thread alone, helping or not: no worker is started", async () => {
    let started = 0;
    const startWorker = (src: string) => {
      started++;
      return new Worker(src, { eval: true });
    };
    const rs = await results(true, { callerHelps: Promise.resolve(), startWorker });
    expect(started).toBe(0);
    expect(lines(rs)).toEqual(lines(await results(true, { workers: 0 })));
  });

  it("never asked (a promise that does not settle, or fails), the calling thread checks no range", async () => {
    // Made as each check starts (a rejection left waiting would be reported unhandled).
    for (const never of [() => new Promise<void>(() => undefined), () => Promise.reject(new Error("no"))]) {
      const rs = await results(false, { workers: 1, rangeBytes: 300, callerHelps: never() });
      expect(rs.every((r) => r.table === 0)).toBe(true);
      expect(lines(rs).lines).toBe(sample.info.events);
    }
  });
});
