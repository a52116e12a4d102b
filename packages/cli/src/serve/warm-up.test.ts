import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it, vi } from "vitest";
import { type LoadedLedger, loadLedger } from "../engine/load-ledger.js";
import { quietContext } from "../test-support/quiet-context.js";
import { REPO_ROOT } from "../test-support/run-bin.js";
import { snapshotAnswer } from "./snapshot-answer.js";
import { warmUp, warmUpSteps } from "./warm-up.js";

const dir = mkdtempSync(join(tmpdir(), "coop-warm-"));
const ledger = join(dir, "province-60.jsonl");
copyFileSync(join(REPO_ROOT, "examples/sample-ledgers/province-60.jsonl"), ledger);

const open = async (): Promise<LoadedLedger> => {
  const ctx = quietContext({ now: () => 0 });
  const r = await loadLedger(ctx, ledger, { verify: false });
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};

const asked = [
  "validAt=2022-12-31",
  "validAt=2022-12-31&knownAt=2022-06-30T00:00:00.000Z",
  "validAt=2021-12-31&knownAt=2021-03-31T00:00:00.000Z&province=60",
];
const answers = (l: LoadedLedger) =>
  asked.map((q) => {
    const a = snapshotAnswer(l, new URLSearchParams(q), "en");
    return E.isRight(a) ? { ...a.right, ledger: undefined } : a;
  });

describe("serve's warm-up (what the page's first questions read, read ahead while idle)", () => {
  it("reads the full-detail level whole in slices, every persisted whole-ledger column and the provenance table's event columns, one step each, then the province level whole in slices, and changes no answer", async () => {
    await open(); // builds the index and the provenance table beside the copy
    const cold = await open(); // reopens them: nothing read yet
    const warm = await open();
    const columns = warm.index.persistedColumns("ledger");
    expect(columns).toBeGreaterThan(0);
    expect(warm.provenance).toBeDefined();
    const prepared = vi.spyOn(warm.index, "prepareColumn");
    const recs = vi.spyOn(warm.provenance as NonNullable<LoadedLedger["provenance"]>, "eventRecs");
    const levels = vi.spyOn(warm.index, "readAhead");
    let steps = 0;
    for (const _ of warmUpSteps(warm)) steps++;
    expect(steps).toBeGreaterThan(columns + 6);
    expect(prepared.mock.calls).toEqual(Array.from({ length: columns }, (_, c) => ["ledger", c]));
    expect(recs).toHaveBeenCalledTimes(1);
    expect(levels.mock.calls).toEqual([["detail"], ["province"]]); // the two large levels, first and last
    expect(answers(warm)).toEqual(answers(cold));
  });

  it("stops when told to (the ledger reopened, the server closing), and finishes otherwise", async () => {
    const l = await open();
    let polls = 0;
    await warmUp(l, () => {
      polls++;
      return true;
    });
    expect(polls).toBe(1);
    await expect(warmUp(l, () => false)).resolves.toBeUndefined();
  });
});
