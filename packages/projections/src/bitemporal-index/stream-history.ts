import { liveEvents, type TimedEvent } from "../model/live-events.js";
import { sweepStream } from "../model/stream-sweep.js";

/**
 * One change of a stream's contribution over transaction time: at recording instant `rec`, the
 * series `key` in `cell` on valid day `day` changed by `amount`.
 * @example const h: HistoryDelta = { key: 1, cell: "|||*|cooperative", day: 19_000, amount: 1, rec: 0 };
 */
export interface HistoryDelta {
  readonly key: number;
  readonly cell: string;
  readonly day: number;
  readonly amount: number;
  readonly rec: number;
}

/**
 * A stream's whole contribution over transaction time: at each distinct recording instant, the change
 * of its contribution. Used when events arrive out of recording order (the index then withdraws the
 * history a stream contributed and adds the one it contributes now).
 * @example streamHistory([]) // []
 */
export const streamHistory = (events: ReadonlyArray<TimedEvent>): HistoryDelta[] => {
  const ordered = [...events].sort(
    (a, b) => a.recordedMs - b.recordedMs || a.recorded.position - b.recorded.position,
  );
  const out: HistoryDelta[] = [];
  let previous = new Map<string, HistoryDelta>();
  let i = 0;
  while (i < ordered.length) {
    const rec = (ordered[i] as TimedEvent).recordedMs;
    while (i < ordered.length && (ordered[i] as TimedEvent).recordedMs === rec) i++;
    const d = sweepStream(liveEvents(ordered.slice(0, i)), Number.NEGATIVE_INFINITY).deltas;
    const current = new Map<string, HistoryDelta>();
    for (let j = 0; j < d.keys.length; j++) {
      const id = `${d.keys[j]}|${d.days[j]}|${d.cells[j]}`;
      const c = current.get(id);
      const amount = (c?.amount ?? 0) + (d.amounts[j] as number);
      current.set(id, {
        key: d.keys[j] as number,
        cell: d.cells[j] as string,
        day: d.days[j] as number,
        amount,
        rec,
      });
    }
    for (const [id, c] of current) {
      const diff = c.amount - (previous.get(id)?.amount ?? 0);
      if (diff !== 0) out.push({ ...c, amount: diff });
    }
    for (const [id, p] of previous) if (!current.has(id)) out.push({ ...p, amount: -p.amount, rec });
    previous = current;
  }
  return out;
};
