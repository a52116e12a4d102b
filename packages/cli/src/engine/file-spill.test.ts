import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fileSpill, provenanceSpill, SPILL_FROM_EVENTS } from "./file-spill.js";

const dirs: string[] = [];
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), "coop-spill-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("the first build's provenance spill file (issue #12)", () => {
  it("is gone from its directory from the start, reads back what was appended, and closes once", () => {
    const d = dir();
    const spill = fileSpill(d);
    if (spill === undefined) throw new Error("no spill");
    expect(readdirSync(d)).toEqual([]);
    const a = spill.append(new Uint8Array([1, 2, 3]));
    const b = spill.append(new Uint8Array(new Float64Array([0.5, -0]).buffer));
    const back = new Float64Array(2);
    spill.read(b, new Uint8Array(back.buffer));
    const first = new Uint8Array(3);
    spill.read(a, first);
    expect([...first]).toEqual([1, 2, 3]);
    expect(Object.is(back[1], -0) && back[0] === 0.5).toBe(true);
    expect(() => spill.read(b + 16, new Uint8Array(1))).toThrow(/past its end/);
    spill.close();
    spill.close();
    expect(readdirSync(d)).toEqual([]);
  });

  it("is none where no file can be made, and none for a small ledger (its entries stay in memory)", () => {
    expect(fileSpill(join(dir(), "missing"))).toBeUndefined();
    expect(provenanceSpill(join(dir(), "l.jsonl"), SPILL_FROM_EVENTS - 1)).toBeUndefined();
    const d = dir();
    const big = provenanceSpill(join(d, "l.jsonl"), SPILL_FROM_EVENTS);
    expect(big).toBeDefined();
    big?.close();
    expect(readdirSync(d)).toEqual([]);
  });
});
