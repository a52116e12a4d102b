import { appendFileSync, existsSync, mkdtempSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { explain, snapshot } from "@coop-ledger/projections";
import { chainHash } from "@coop-ledger/store/internal";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { quietContext } from "../test-support/quiet-context.js";
import { hasBin, REPO_ROOT, runBin } from "../test-support/run-bin.js";
import { DamagedIndexFile, distrustIndexFile, indexPathOf, readIndexFile } from "./index-file.js";
import { type LoadedLedger, type LoadOptions, loadLedger } from "./load-ledger.js";

const sample = join(REPO_ROOT, "examples/sample-ledgers/province-60.jsonl");
const lines = readFileSync(sample, "utf8").split("\n").slice(0, -1);
const dir = mkdtempSync(join(tmpdir(), "coop-index-"));

const stderr: string[] = [];
const ctx = () => quietContext({ stderr: (s) => stderr.push(s), now: () => 0 });

const load = async (path: string, options: LoadOptions = {}): Promise<LoadedLedger> => {
  const r = await loadLedger(ctx(), path, options);
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};

/** A few questions whose answers must not depend on how the index was obtained. */
const answers = (l: LoadedLedger, audits = false): string =>
  JSON.stringify([
    audits ? explain(l.index, "coops.dissolved", { validAt: "2024-12-31" }) : null,
    snapshot(l.index, { validAt: "2022-12-31" }),
    snapshot(l.index, { validAt: "2019-06-30", knownAt: "2020-01-15T00:00:00.000Z" }),
    snapshot(l.index, { validAt: "2025-12-31", scope: { sector: "agriculture" } }),
    l.identity,
    l.restating,
    [l.firstEffective, l.lastEffective, l.firstRecordedAt, l.lastRecordedAt],
  ]);

/** The last line index (0-based, in `lines`) ≤ `near` that ends an append (`batchRemaining` 0). */
const appendBoundary = (near: number): number => {
  for (let i = near; i > 0; i--) if ((lines[i] as string).includes('"batchRemaining":0,')) return i;
  return 0;
};

const write = (name: string, ls: ReadonlyArray<string>): string => {
  const path = join(dir, name);
  writeFileSync(path, ls.map((l) => `${l}\n`).join(""));
  return path;
};

/** Re-chains lines from `from` on (an edit that keeps the chain intact: a rewritten history). */
const rechain = (ls: string[], from: number): void => {
  let prev = (ls[from - 1] as string).slice(9, 73);
  for (let i = from; i < ls.length; i++) {
    const rest = (ls[i] as string).slice(75);
    const hash = chainHash(prev, `{${rest}`);
    ls[i] = `{"hash":"${hash}",${rest}`;
    prev = hash;
  }
};

describe("the persisted index beside a ledger (issue #12)", () => {
  it("is built and written on the first read, reopened on the next: same answers, no events held", async () => {
    const path = write("whole.jsonl", lines);
    const first = await load(path);
    expect(first.indexOrigin).toBe("built");
    expect(existsSync(indexPathOf(path))).toBe(true);
    const second = await load(path);
    expect(second.indexOrigin).toBe("reopened");
    expect(second.index.holdsEvents).toBe(false);
    expect(first.index.holdsEvents).toBe(false);
    expect(answers(second, true)).toBe(answers(first, true));
    const unverified = await load(path, { verify: false });
    expect(unverified.indexOrigin).toBe("reopened");
    expect(unverified.identity.verified).toBe(false);
    expect({ ...unverified.identity, verified: true }).toEqual(first.identity);
    // Deleting it changes no answer.
    unlinkSync(indexPathOf(path));
    const rebuilt = await load(path);
    expect(rebuilt.indexOrigin).toBe("built");
    expect(answers(rebuilt)).toBe(answers(first));
    const none = await load(path, { persist: false });
    expect(answers(none)).toBe(answers(first));
  });

  it.each([true, false])(
    "a ledger that grew is read from where its index stops (verify: %s)",
    async (verify) => {
      const cut = appendBoundary(Math.floor(lines.length * 0.6));
      const path = write(`grown-${verify}.jsonl`, lines.slice(0, cut + 1));
      expect((await load(path, { verify })).indexOrigin).toBe("built");
      appendFileSync(
        path,
        lines
          .slice(cut + 1)
          .map((l) => `${l}\n`)
          .join(""),
      );
      const extended = await load(path, { verify });
      expect(extended.indexOrigin).toBe("extended");
      expect(extended.events).toBe(lines.length - 1);
      const reopened = await load(path, { verify });
      expect(reopened.indexOrigin).toBe("reopened");
      const fresh = await load(write(`fresh-${verify}.jsonl`, lines), { verify, persist: false });
      const strip = (l: LoadedLedger) => answers(l).replaceAll(l.path, "L");
      expect(strip(extended)).toBe(strip(fresh));
      expect(strip(reopened)).toBe(strip(fresh));
    },
  );

  it("an extension is appended to the index file (a torn one left out and replaced), and the file compacted once extensions add up to a quarter of it", async () => {
    // The sample's appends end at lines 5,000 and 10,000: a base, then two extensions.
    const [cut1, cut2] = [0.45, 0.9].map((f) => appendBoundary(Math.floor(lines.length * f))) as [
      number,
      number,
    ];
    expect(cut1).toBeLessThan(cut2);
    const path = write("appended.jsonl", lines.slice(0, cut1 + 1));
    const grow = (from: number, to: number) =>
      appendFileSync(
        path,
        lines
          .slice(from + 1, to + 1)
          .map((l) => `${l}\n`)
          .join(""),
      );
    const layers = () => {
      const r = readIndexFile(indexPathOf(path));
      if (E.isLeft(r)) throw new Error(r.left.message);
      return r.right.layers;
    };
    expect((await load(path, { verify: false })).indexOrigin).toBe("built");
    const idx = indexPathOf(path);
    const base = readFileSync(idx);
    appendFileSync(idx, Buffer.from("a torn extension: not an index image at all"));
    expect(layers()).toBe(1);
    grow(cut1, cut2);
    const first = await load(path, { verify: true });
    expect(first.indexOrigin).toBe("extended");
    const appended = readFileSync(idx);
    // What was written before is untouched: the extension image follows it (the torn bytes replaced).
    expect(appended.length).toBeGreaterThan(base.length);
    expect(Buffer.compare(appended.subarray(0, base.length), base)).toBe(0);
    expect(layers()).toBe(2);
    // One event's offset is read from the layer holding it, as the joined table gives it.
    const two = readIndexFile(idx);
    if (E.isLeft(two)) throw new Error(two.left.message);
    const byOne = Array.from({ length: cut2 }, (_, p) => two.right.offsetAt(p));
    expect(() => two.right.offsetAt(cut2)).toThrow(DamagedIndexFile);
    expect(byOne).toEqual(Array.from(two.right.offsets()));
    expect((await load(path, { verify: false })).indexOrigin).toBe("reopened");
    // The first extension is as large as the base: the next one rewrites the file whole, one image.
    grow(cut2, lines.length - 1);
    expect((await load(path, { verify: false })).indexOrigin).toBe("extended");
    expect(layers()).toBe(1);
    const fresh = await load(write("appended-fresh.jsonl", lines), { verify: false, persist: false });
    const strip = (l: LoadedLedger) => answers(l, true).replaceAll(l.path, "L");
    const reopened = await load(path, { verify: false });
    expect(reopened.indexOrigin).toBe("reopened");
    expect(strip(reopened)).toBe(strip(fresh));
    // And the state in between (base + one extension) answered as a fresh build of its lines does.
    const mid = write("appended-mid.jsonl", lines.slice(0, cut2 + 1));
    expect(strip(first)).toBe(strip(await load(mid, { verify: true, persist: false })));
  });

  it.each([true, false])(
    "a ledger whose indexed history was rewritten (chain re-hashed) is refused, or re-indexed on --reindex (verify: %s)",
    async (verify) => {
      const path = write(`rewritten-${verify}.jsonl`, lines);
      await load(path);
      const edited = [...lines];
      const k = 900;
      edited[k] = (edited[k] as string).replace(
        /"effectiveDate":"(\d{4})/,
        (_m, y: string) => `"effectiveDate":"${Number(y) - 1}`,
      );
      rechain(edited, k);
      write(`rewritten-${verify}.jsonl`, edited);
      const refused = await loadLedger(ctx(), path, { verify });
      expect(E.isLeft(refused) && refused.left).toMatchObject({
        _tag: "LedgerCorrupt",
        message: expect.stringContaining("differs from the one its index was built from"),
      });
      const again = await load(path, { verify, reindex: true });
      expect(again.indexOrigin).toBe("built");
      const fresh = await load(write(`rewritten-fresh-${verify}.jsonl`, edited), { persist: false });
      expect(JSON.stringify(snapshot(again.index, { validAt: "2022-12-31" }))).toBe(
        JSON.stringify(snapshot(fresh.index, { validAt: "2022-12-31" })),
      );
    },
  );

  it("a damaged or foreign index file is rebuilt, never read", async () => {
    const path = write("damaged.jsonl", lines);
    const first = await load(path);
    const idx = readFileSync(indexPathOf(path));
    // Damage in the headers is found on open; damage in the data area when the 64 KiB block holding it
    // is first read (a reopened index reads lazily): the file is then distrusted and rebuilt.
    for (const at of [3, 40, Math.floor(idx.length / 2), idx.length - 1]) {
      const bad = Buffer.from(idx);
      bad[at] = (bad[at] as number) ^ 0x5a;
      writeFileSync(indexPathOf(path), bad);
      const r = await load(path);
      if (r.indexOrigin === "reopened") {
        expect(at).toBeGreaterThan(40);
        expect(() => r.index.toImage()).toThrow(DamagedIndexFile);
        distrustIndexFile(indexPathOf(path));
        const rebuilt = await load(path);
        expect(rebuilt.indexOrigin).toBe("built");
        expect(answers(rebuilt)).toBe(answers(first));
        continue;
      }
      expect(r.indexOrigin).toBe("built");
      expect(answers(r)).toBe(answers(first));
    }
    writeFileSync(indexPathOf(path), idx.subarray(0, idx.length - 8));
    expect((await load(path)).indexOrigin).toBe("built");
    // The index of another ledger copied beside this one: its header differs.
    const other = write("other.jsonl", lines.slice(0, appendBoundary(500) + 1));
    await load(other);
    writeFileSync(indexPathOf(path), readFileSync(indexPathOf(other)));
    const foreign = await loadLedger(ctx(), path);
    // A prefix of the same ledger is a legitimate index to extend; another ledger's is refused.
    expect(E.isRight(foreign) && foreign.right.indexOrigin).toBe("extended");
  });

  it.skipIf(!hasBin())(
    "a command meeting a damaged block answers all the same (index rebuilt, a warning)",
    () => {
      const path = write("damaged-bin.jsonl", lines);
      const args = ["snapshot", "--ledger", path, "--valid-at", "2022-12-31", "--format", "json"];
      const good = runBin(args);
      expect(good.code).toBe(0);
      const idx = readFileSync(indexPathOf(path));
      // The whole-ledger columns an unscoped snapshot reads lie in the data area: damage every block's
      // last byte after the headers, so whichever block the query reads first is damaged.
      const bad = Buffer.from(idx);
      for (let at = bad.length - 1; at > bad.length / 2; at -= 4096) bad[at] = (bad[at] as number) ^ 0x5a;
      writeFileSync(indexPathOf(path), bad);
      const r = runBin(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(good.stdout);
      expect(r.stderr).toMatch(/does not match its checksum.*rebuilding the index/);
      // Rebuilt and written back: the next run reopens it silently.
      const again = runBin(args);
      expect(again.stderr).toBe("");
      expect(again.stdout).toBe(good.stdout);
    },
  );
});
