import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { timedNode } from "./timed-run.js";

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("a timed step (cold-CLI bench)", () => {
  const dir = mkdtempSync(join(tmpdir(), "coop-timed-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a step that runs to its end has its wall time, CPU time, peak RSS and exit code", () => {
    const r = timedNode("prints", "-e", ["console.log('hi'); console.error('noise on stderr')"], {
      keepStdout: true,
      timeoutMs: 60_000,
    });
    expect(r.status).toBe("ok");
    expect(r.code).toBe(0);
    expect(r.ms).toBeGreaterThan(0);
    expect(Number.isFinite(r.cpuMs)).toBe(true);
    expect(r.rssMiB).toBeGreaterThan(1);
    expect(r.stdout).toBe("hi\n");
  });

  it("a step that fails is reported failed with its exit code, not judged as a figure", () => {
    const r = timedNode("exits 4", "-e", ["process.exit(4)"], { timeoutMs: 60_000 });
    expect(r).toMatchObject({ status: "failed", code: 4 });
  });

  it("a step past its timeout is reported timed out with no figures, and its process is killed (not left doing the next step's work)", () => {
    const pidFile = join(dir, "pid");
    const marker = join(dir, "finished");
    // Writes its pid, then would write a marker after 8 s: the work a killed step must not finish.
    const script = `require("node:fs").writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setTimeout(() => require("node:fs").writeFileSync(${JSON.stringify(marker)}, "done"), 8000);`;
    const t = Date.now();
    const r = timedNode("hangs", "-e", [script], { timeoutMs: 1500 });
    expect(Date.now() - t).toBeLessThan(8000);
    expect(r.status).toBe("timed out");
    expect(r.code).toBe(-1);
    expect(Number.isNaN(r.ms)).toBe(true);
    expect(Number.isNaN(r.rssMiB)).toBe(true);
    expect(r.note).toMatch(/timed out/);
    const pid = Number(readFileSync(pidFile, "utf8"));
    const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    // The signal is sent as the step returns; the process is gone (reaped) within moments.
    for (let k = 0; k < 50 && alive(pid); k++) sleep(100);
    expect(alive(pid)).toBe(false);
    // Had it survived /usr/bin/time's death, it would have finished its work by now.
    while (Date.now() < t + 8500) sleep(100);
    expect(existsSync(marker)).toBe(false);
  }, 30_000);
});
