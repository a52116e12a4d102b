import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RecordedEvent } from "@coop-ledger/domain";
import { generateLedger } from "@coop-ledger/generator";
import { openFileLedger, readLedger, verifyLedger } from "@coop-ledger/store";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureFastCheckFromEnv } from "../config/fast-check-env.js";

configureFastCheckFromEnv();

// Fuzzes the file-ledger reader with damaged files: flipped bytes, truncations, lines removed,
// duplicated, swapped or inserted. The reader must never throw, must report a typed issue, and must
// lose nothing: every event before the first damaged line is still read, and no damaged line is read
// as a (different) event.
describe("fuzz: the file-ledger reader on damaged files", () => {
  let dir = "";
  let original = "";
  let events: RecordedEvent[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "coop-ledger-fuzz-"));
    const path = join(dir, "ledger.jsonl");
    const opened = await openFileLedger(path, { now: () => new Date("2026-01-01T00:00:00.000Z") })();
    if (E.isLeft(opened)) throw new Error(opened.left.message);
    const ledger = opened.right;
    let n = 0;
    for (const e of generateLedger({ preset: "province", seed: 11, from: "2025-01-01" })) {
      const r = await ledger.append(e.streamId, [e], { expectedRevision: "any" })();
      if (E.isLeft(r)) throw new Error(r.left.message);
      if (++n >= 30) break;
    }
    await ledger.close();
    original = await readFile(path, "utf8");
    events = await readAll(path);
    expect(events.length).toBe(30);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const readAll = async (path: string): Promise<RecordedEvent[]> => {
    const out: RecordedEvent[] = [];
    for await (const r of readLedger(path)) if (E.isRight(r)) out.push(r.right);
    return out;
  };

  const damage = fc.oneof(
    fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
    fc.record({
      kind: fc.constantFrom("remove" as const, "duplicate" as const, "swap" as const),
      line: fc.integer({ min: 1, max: 30 }),
    }),
    fc.record({
      kind: fc.constant("insert" as const),
      line: fc.integer({ min: 1, max: 30 }),
      text: fc.oneof(fc.json(), fc.string()),
    }),
  );

  /** Applies a damage; returns the new text and the 0-based index of the first line that differs. */
  const apply = (d: { kind: string; at?: number; byte?: number; line?: number; text?: string }) => {
    const lines = original.split("\n");
    if (d.kind === "flip" || d.kind === "truncate") {
      const buf = Buffer.from(original, "utf8");
      const at = (d.at ?? 0) % buf.length;
      const changed = d.kind === "flip" ? Buffer.from(buf) : buf.subarray(0, at);
      if (d.kind === "flip") changed[at] = d.byte ?? 0;
      return { bytes: changed, firstBadLine: buf.subarray(0, at).toString("utf8").split("\n").length - 1 };
    }
    const i = d.line ?? 1;
    if (d.kind === "remove") lines.splice(i, 1);
    else if (d.kind === "duplicate") lines.splice(i, 0, lines[i] ?? "");
    else if (d.kind === "swap") [lines[i], lines[i + 1]] = [lines[i + 1] ?? "", lines[i] ?? ""];
    else lines.splice(i, 0, (d.text ?? "").replace(/\n/g, " "));
    return { bytes: Buffer.from(lines.join("\n"), "utf8"), firstBadLine: i };
  };

  it("never throws, reports a typed issue for any change, and loses no event before the damage", async () => {
    await fc.assert(
      fc.asyncProperty(damage, async (d) => {
        const { bytes, firstBadLine } = apply(d);
        const path = join(dir, "damaged.jsonl");
        await writeFile(path, bytes);
        const rights: RecordedEvent[] = [];
        const issues: string[] = [];
        // With the chain recomputed (the reader's default skips it: verifyLedger does it once).
        for await (const r of readLedger(path, { verifyChain: true })) {
          if (E.isRight(r)) rights.push(r.right);
          else issues.push(r.left._tag);
        }
        const verified = await verifyLedger(path)();
        const unchanged = bytes.equals(Buffer.from(original, "utf8"));
        if (unchanged) {
          expect(issues).toEqual([]);
          return;
        }
        // Every event read is an original event at its place: damage is never read as data.
        rights.forEach((e, k) => {
          expect(e).toEqual(events[k]);
        });
        // Nothing before the first damaged line (line 0 is the header) is lost.
        expect(rights.length).toBeGreaterThanOrEqual(Math.max(0, firstBadLine - 1));
        // The damage is reported (by the reader or by verify), as a typed issue.
        const reported = issues.length > 0 || E.isLeft(verified) || rights.length < events.length;
        expect(reported).toBe(true);
      }),
      { numRuns: 120 },
    );
  });
});
