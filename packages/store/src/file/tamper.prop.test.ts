import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanChain } from "./chain-scan.js";
import type { LedgerInfo } from "./file-ledger.js";
import { writeSampleLedger } from "./test-support/sample-ledger.js";
import { tempDir } from "./test-support/temp-dir.js";
import { verifyLedger } from "./verify-ledger.js";

/** One edit of a ledger's lines, and the 1-based line that verification must name as the first bad one. */
type Edit =
  | { kind: "byte"; line: number; at: number; value: number }
  | { kind: "field"; line: number; field: "revision" | "position" | "effectiveDate" | "recordedBy" }
  | { kind: "remove"; line: number }
  | { kind: "insert"; line: number; copyOf: number }
  | { kind: "garbage"; line: number; text: string }
  | { kind: "reorder"; line: number; other: number }
  | { kind: "duplicate"; line: number };

const apply = (lines: string[], e: Edit): { lines: string[]; bytes?: Buffer; firstBad: number } => {
  const out = [...lines];
  const i = e.line - 1;
  switch (e.kind) {
    case "byte": {
      // Edits one byte of the line or of the newline ending it (merging it with the next line, or
      // leaving a torn final line): the file is rebuilt from bytes.
      const file = Buffer.from(out.map((l) => `${l}\n`).join(""), "utf8");
      const start = Buffer.byteLength(
        out
          .slice(0, i)
          .map((l) => `${l}\n`)
          .join(""),
        "utf8",
      );
      const at = start + (e.at % (Buffer.byteLength(out[i]!, "utf8") + 1));
      file[at] = file[at] === e.value ? (e.value === 0x41 ? 0x42 : 0x41) : e.value;
      return { lines: out, bytes: file, firstBad: e.line };
    }
    case "field": {
      const rec = JSON.parse(out[i]!);
      if (e.field === "effectiveDate") rec.data.effectiveDate = "1999-12-31";
      else if (e.field === "recordedBy") rec.metadata.recordedBy = "someone else";
      else rec[e.field] = rec[e.field] + 1;
      const { hash, ...rest } = rec;
      out[i] = `{"hash":"${hash}",${JSON.stringify(rest).slice(1)}`;
      return { lines: out, firstBad: e.line };
    }
    case "remove":
      out.splice(i, 1);
      return { lines: out, firstBad: e.line };
    case "insert":
      out.splice(i, 0, lines[e.copyOf - 1]!);
      // A copy of line k inserted at line k leaves line k intact: the copy that follows is the bad one.
      return { lines: out, firstBad: e.copyOf === e.line ? e.line + 1 : e.line };
    case "garbage":
      out.splice(i, 0, e.text);
      return { lines: out, firstBad: e.line };
    case "reorder":
      [out[i], out[e.other - 1]] = [out[e.other - 1]!, out[i]!];
      return { lines: out, firstBad: Math.min(e.line, e.other) };
    case "duplicate":
      out.splice(i + 1, 0, out[i]!);
      return { lines: out, firstBad: e.line + 1 };
  }
};

describe("hash chain tamper detection", () => {
  let dir: { dir: string; remove: () => Promise<void> };
  let info: LedgerInfo;
  let lines: string[];
  beforeAll(async () => {
    dir = await tempDir();
    info = await writeSampleLedger(dir.dir);
    lines = (await readFile(info.path, "utf8")).split("\n").slice(0, -1);
  });
  afterAll(() => dir.remove());

  it("the untouched sample verifies against its own anchor", async () => {
    const r = await verifyLedger(info.path, { anchor: { events: info.events, lastHash: info.lastHash } })();
    expect(r).toEqual(E.right(expect.objectContaining({ events: 13 - 1, lastHash: info.lastHash })));
  });

  it("the raw pass agrees with verify on an intact ledger: events, last hash, line offsets", async () => {
    const r = await scanChain(info.path, { offsets: true, hashAfter: info.events })();
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect({ events: r.right.events, lastHash: r.right.lastHash, at: r.right.hashAfter }).toEqual({
      events: info.events,
      lastHash: info.lastHash,
      at: info.lastHash,
    });
    const file = await readFile(info.path);
    const offsets = [...(r.right.offsets ?? [])];
    expect(offsets.map((o) => JSON.parse(file.subarray(o, file.indexOf(10, o)).toString()).position)).toEqual(
      offsets.map((_, i) => i),
    );
  });

  it("law 7: any changed, removed, inserted, reordered or duplicated line makes verify name the first bad line", async () => {
    const n = 13; // header + 12 events
    const line = fc.integer({ min: 1, max: n });
    const edit: fc.Arbitrary<Edit> = fc.oneof(
      fc.record({
        kind: fc.constant("byte" as const),
        line,
        at: fc.nat(),
        value: fc.integer({ min: 0x20, max: 0x7e }),
      }),
      fc.record({
        kind: fc.constant("field" as const),
        line: fc.integer({ min: 2, max: n }),
        field: fc.constantFrom(
          "revision" as const,
          "position" as const,
          "effectiveDate" as const,
          "recordedBy" as const,
        ),
      }),
      fc.record({ kind: fc.constant("remove" as const), line }),
      fc.record({
        kind: fc.constant("insert" as const),
        line: fc.integer({ min: 1, max: n + 1 }),
        copyOf: line,
      }),
      fc.record({
        kind: fc.constant("garbage" as const),
        line: fc.integer({ min: 1, max: n + 1 }),
        text: fc.string({ maxLength: 40 }).map((s) => s.replaceAll("\n", " ")),
      }),
      fc
        .record({ kind: fc.constant("reorder" as const), line, other: line })
        .filter((e) => e.line !== e.other),
      fc.record({ kind: fc.constant("duplicate" as const), line }),
    );
    let k = 0;
    await fc.assert(
      fc.asyncProperty(edit, async (e) => {
        const { lines: edited, bytes, firstBad } = apply(lines, e);
        const path = join(dir.dir, `edited-${k++}.jsonl`);
        await writeFile(path, bytes ?? edited.map((l) => `${l}\n`).join(""));
        const r = await verifyLedger(path, { anchor: { events: info.events, lastHash: info.lastHash } })();
        expect(E.isLeft(r)).toBe(true);
        if (E.isLeft(r)) {
          // An append cut short is reported from its first line (where a repair would cut); the line
          // after its present lines is the first missing one.
          const named = r.left._tag === "IncompleteAppend" ? r.left.line + r.left.lines : r.left.line;
          expect({ named, tag: r.left._tag }).toEqual({ named: firstBad, tag: r.left._tag });
        }
        // The raw pass (integrity only, no JSON): it names the same first bad line, or the file no longer
        // holds the anchored state (lines removed from the end, or a sequence edit that kept every link:
        // only the anchor or the validity checks can see those).
        const raw = await scanChain(path, { hashAfter: info.events })();
        if (E.isLeft(raw)) {
          const named = raw.left.line;
          expect(named === firstBad, `${raw.left._tag} at ${named}, expected ${firstBad}`).toBe(true);
        } else {
          expect(raw.right.hashAfter !== info.lastHash || raw.right.events !== info.events).toBe(true);
        }
      }),
      { numRuns: Number(process.env.COOP_LEDGER_TAMPER_RUNS ?? 200) },
    );
  });
});
