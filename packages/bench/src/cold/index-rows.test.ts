import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { indexRows, type StepRunner } from "./index-rows.js";
import type { Run } from "./timed-run.js";

const ran = (what: string): Run => ({ what, status: "ok", ms: 10, cpuMs: 10, rssMiB: 50, code: 0 });
const timedOut = (what: string): Run => ({
  what,
  status: "timed out",
  ms: Number.NaN,
  cpuMs: Number.NaN,
  rssMiB: Number.NaN,
  code: -1,
  note: "timed out: killed after 1.0 s",
});

describe("rows that claim a current index start from it (cold-CLI bench)", () => {
  const dir = mkdtempSync(join(tmpdir(), "coop-rows-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const idx = join(dir, "l.jsonl.idx");
  const build = ["snapshot", "--ledger", join(dir, "l.jsonl")];
  const rows = [
    { what: "snapshot, current index, chain verified", args: build },
    { what: "snapshot, current index, --no-verify", args: [...build, "--no-verify"] },
  ];

  it("when the first build times out, the rows that need its index are not run and say why", () => {
    writeFileSync(idx, "stale");
    const calls: string[] = [];
    const run: StepRunner = (what) => {
      calls.push(what);
      return timedOut(what);
    };
    const r = indexRows(run, idx, build, false, rows);
    // The build row removed the old index before building: a stale one is never timed as current.
    expect(existsSync(idx)).toBe(false);
    expect(calls).toEqual(["snapshot, no index (first build, writes it)"]);
    expect(r.rows.map((x) => [x.what, x.status])).toEqual([
      ["snapshot, no index (first build, writes it)", "timed out"],
      ["snapshot, current index, chain verified", "not measured"],
      ["snapshot, current index, --no-verify", "not measured"],
    ]);
    expect(r.rows[1]?.note).toMatch(/first build timed out/);
    expect(Number.isNaN(r.rows[1]?.ms)).toBe(true);
  });

  it("when the first build writes the index, every row runs on it", () => {
    const calls: string[] = [];
    const run: StepRunner = (what) => {
      calls.push(what);
      if (what.startsWith("snapshot, no index")) writeFileSync(idx, "index");
      return ran(what);
    };
    const r = indexRows(run, idx, build, false, rows);
    expect(calls).toEqual([
      "snapshot, no index (first build, writes it)",
      "snapshot, current index, chain verified",
      "snapshot, current index, --no-verify",
    ]);
    expect(r.rows.every((x) => x.status === "ok")).toBe(true);
    expect(r.setup).toBeUndefined();
  });

  it("with the build row skipped, an untimed setup step makes the index first (not a row)", () => {
    rmSync(idx, { force: true });
    const calls: Array<{ what: string; args: ReadonlyArray<string> }> = [];
    const run: StepRunner = (what, args) => {
      calls.push({ what, args });
      if (what.startsWith("(setup")) writeFileSync(idx, "index");
      return ran(what);
    };
    const r = indexRows(run, idx, build, true, rows);
    expect(calls[0]?.what).toMatch(/^\(setup/);
    expect(calls[0]?.args).toContain("--no-verify");
    expect(r.setup?.status).toBe("ok");
    expect(r.rows.map((x) => x.what)).toEqual(rows.map((x) => x.what));
  });

  it("with the build row skipped and the setup timed out, the rows are not measured", () => {
    rmSync(idx, { force: true });
    const r = indexRows(timedOut, idx, build, true, rows);
    expect(r.rows.map((x) => x.status)).toEqual(["not measured", "not measured"]);
    expect(r.rows[0]?.note).toMatch(/setup step timed out/);
  });
});
