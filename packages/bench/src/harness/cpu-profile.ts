/** The parts of a V8 `.cpuprofile` (node --cpu-prof) that self time needs. */
export interface CpuProfile {
  readonly nodes: ReadonlyArray<{
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  }>;
  readonly samples: ReadonlyArray<number>;
  readonly timeDeltas: ReadonlyArray<number>;
}

/**
 * Self time per function (name, last three path segments, line), largest first.
 *
 * @example
 * import { type CpuProfile, selfTimes } from "@coop-ledger/bench";
 * // The parts of a node --cpu-prof file that self time needs: nodes, samples and their time deltas (µs).
 * const profile: CpuProfile = {
 *   nodes: [
 *     { id: 1, callFrame: { functionName: "sweepStream", url: "file:///app/dist/model/stream-sweep.js", lineNumber: 12 } },
 *     { id: 2, callFrame: { functionName: "parse", url: "file:///app/dist/io/read.js", lineNumber: 4 } },
 *   ],
 *   samples: [1, 1, 2],
 *   timeDeltas: [400_000, 198_000, 50_000],
 * };
 * console.log(selfTimes(profile).rows[0]); // { frame: "sweepStream dist/model/stream-sweep.js:13", ms: 598 }
 */
export const selfTimes = (
  profile: CpuProfile,
): {
  readonly totalMs: number;
  readonly rows: ReadonlyArray<{ readonly frame: string; readonly ms: number }>;
} => {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const us = profile.timeDeltas[i] ?? 0;
    total += us;
    if (n === undefined) return;
    const f = n.callFrame;
    const frame = `${f.functionName || "(anonymous)"} ${f.url.split("/").slice(-3).join("/")}:${f.lineNumber + 1}`;
    self.set(frame, (self.get(frame) ?? 0) + us);
  });
  const rows = [...self].map(([frame, us]) => ({ frame, ms: us / 1000 })).sort((a, b) => b.ms - a.ms);
  return { totalMs: total / 1000, rows };
};
