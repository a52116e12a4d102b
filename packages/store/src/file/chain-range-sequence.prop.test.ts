import { isUtf8 } from "node:buffer";
import { hash } from "node:crypto";
import { closeSync, readSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeCanonicalChecker } from "./chain-canonical.js";
import { checkChainRange } from "./chain-range.js";
import type { RangeResult } from "./chain-range-types.js";
import { openChain } from "./chain-scan.js";
import { idHash } from "./event-id-set.js";
import { useSampleLedger } from "./test-support/sample-ledger-fixture.js";
import { applyForgery, forgeryArbitrary } from "./test-support/tamper-edits.js";

const deps = { readSync, hash, isUtf8, canonical: makeCanonicalChecker(), idHash };

interface Line {
  readonly at: number;
  readonly streamId: string;
  readonly revision: number;
  readonly batchRemaining: number;
}

/**
 * What a range's lines say, read with JSON.parse, one line at a time: the first fault inside the
 * range (stage 7: a stream's revision not its previous one's in the range plus one; stage 8: an
 * append's `batchRemaining` not the previous line's less one) and the summary of the lines up to it
 * (streams in the order first met, with the line, offset and revision where they were first met; the
 * first line's position and grouping); with no fault, also each stream's last revision, the last
 * line's grouping and the last append started after the first line (what the join carries on).
 */
const expected = (lines: ReadonlyArray<Line>, firstPosition: number) => {
  const order: string[] = [];
  const met = new Map<string, { j: number; at: number; first: number; last: number }>();
  let failure: Record<string, number> | undefined;
  let batchLine = -1;
  let batchAt = -1;
  for (const [j, l] of lines.entries()) {
    const m = met.get(l.streamId);
    const before = lines[j - 1]?.batchRemaining ?? 0;
    if (m === undefined) {
      order.push(l.streamId);
      met.set(l.streamId, { j, at: l.at, first: l.revision, last: l.revision });
    } else if (l.revision !== m.last + 1) {
      failure = { j, stage: 7, byteOffset: l.at, revision: l.revision, expected: m.last + 1 };
    } else m.last = l.revision;
    // (a fault's line is counted: its stream, met first there, is in the summary)
    if (failure === undefined && j > 0 && before > 0 && l.batchRemaining !== before - 1)
      failure = { j, stage: 8, byteOffset: l.at, batch: l.batchRemaining, expected: before - 1 };
    if (failure !== undefined) break;
    if (j > 0 && before === 0) {
      batchLine = j;
      batchAt = l.at;
    }
  }
  const summary = {
    failure,
    streams: order,
    seen: order.flatMap((s) => {
      const m = met.get(s)!;
      return [m.j, m.at, m.first];
    }),
    firstPosition: lines.length > 0 ? firstPosition : -1,
    firstBatch: lines[0]?.batchRemaining ?? -1,
  };
  return failure !== undefined
    ? summary
    : {
        ...summary,
        last: order.map((s) => met.get(s)!.last),
        lastBatch: lines.at(-1)?.batchRemaining ?? -1,
        batchLine,
        batchAt,
      };
};

/** The same, as the range checker gave it (its fault's stream named). */
const actual = (r: RangeResult) => {
  const names = r.streams ?? [];
  const f = r.failure;
  const seen = Array.from(r.seen ?? []);
  const summary = {
    failure:
      f === undefined
        ? undefined
        : f.stage === 7
          ? { j: f.j, stage: 7, byteOffset: f.byteOffset, revision: f.revision, expected: f.expected }
          : { j: f.j, stage: f.stage, byteOffset: f.byteOffset, batch: f.batch, expected: f.expected },
    streams: Array.from(r.stream ?? [], (s) => names[s]),
    seen: seen.filter((_, x) => x % 4 !== 3),
    firstPosition: r.firstPosition,
    firstBatch: r.firstBatch,
  };
  return f !== undefined
    ? summary
    : {
        ...summary,
        last: seen.filter((_, x) => x % 4 === 3),
        lastBatch: r.lastBatch,
        batchLine: r.batchLine,
        batchAt: r.batchAt,
      };
};

describe("a strict range's sequence summary (chain-range-sequence.ts)", () => {
  const sample = useSampleLedger();

  it("law: every range of a forged ledger gives the streams, revisions, grouping and in-range revision or grouping fault its lines' JSON gives", async () => {
    const { dir, lines } = sample;
    let k = 0;
    let faults = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.option(forgeryArbitrary(lines.length), { freq: 3 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 0, maxLength: 4 }),
        async (forgery, cuts) => {
          const edited = forgery === null ? lines : applyForgery(lines, forgery);
          const path = join(dir, `sequence-${k++}.jsonl`);
          const whole = Buffer.from(edited.map((l) => `${l}\n`).join(""));
          await writeFile(path, whole);
          const o = openChain(path);
          if (o._tag === "Left") return;
          const { fd, size, bodyStart, headerHash } = o.right;
          try {
            const starts: number[] = [];
            for (let at = bodyStart; at < size; at = whole.indexOf(10, at) + 1) starts.push(at);
            const at = [...new Set(cuts.map((c) => bodyStart + Math.floor((size - bodyStart) * c)))]
              .filter((c) => c > bodyStart && c < size)
              .sort((a, b) => a - b);
            const bounds = [bodyStart, ...at, size];
            for (let b = 1; b < bounds.length; b++) {
              const job = {
                fd,
                size,
                link: true,
                strict: true,
                offsets: false,
                maxLineBytes: 1 << 20,
                idSeed: 7,
                from: bounds[b - 1]!,
                to: bounds[b]!,
                aligned: b === 1,
                prevHash: b === 1 ? headerHash : undefined,
              };
              const r = checkChainRange(deps, job, Buffer.allocUnsafe(1 << 16));
              // Faults of the earlier stages (content, ids, positions) are other laws' (chain-integrity.prop.test.ts).
              if (r.failure !== undefined && r.failure.stage < 7) continue;
              if (r.failure !== undefined) faults++;
              const mine = starts.filter((s) => s >= job.from && s < job.to);
              const parsed = mine.map((s) => {
                const e = JSON.parse(whole.toString("utf8", s, whole.indexOf(10, s))) as Line & {
                  position: number;
                };
                return { ...e, at: s };
              });
              const first = parsed[0] as { position: number } | undefined;
              expect(actual(r)).toEqual(expected(parsed, first?.position ?? -1));
            }
          } finally {
            closeSync(fd);
          }
        },
      ),
      { numRuns: Number(process.env.COOP_LEDGER_TAMPER_RUNS ?? 100) },
    );
    // The forgeries reach the faults this law is about.
    expect(faults).toBeGreaterThan(0);
  }, 120_000);
});
