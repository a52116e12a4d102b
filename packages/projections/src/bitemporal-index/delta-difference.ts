import type { Deltas } from "../model/stream-sweep.js";
import type { DeltaSink } from "./column-layout.js";

/**
 * Emits `now` minus `old[cut..]` (both in day order) into `sink`, netting equal (series, cell, day)
 * entries so that an unchanged delta costs nothing in the columns: what a stream's contribution
 * changed by when it received an event.
 *
 * @example
 * const pushed: number[] = [];
 * const sink = { push: (_key: number, _cell: string, _day: number, amount: number) => pushed.push(amount) };
 * const d = (amount: number) => ({ keys: [1], cells: ["c"], days: [10], amounts: [amount], causes: [0] });
 * emitDifference(sink, d(2), 0, d(5), 0);
 * pushed // [3]
 */
export const emitDifference = (sink: DeltaSink, old: Deltas, cut: number, now: Deltas, rec: number): void => {
  const oldEnd = old.keys.length;
  const nowEnd = now.keys.length;
  if (cut === oldEnd) {
    for (let i = 0; i < nowEnd; i++)
      sink.push(
        now.keys[i] as number,
        now.cells[i] as string,
        now.days[i] as number,
        now.amounts[i] as number,
        rec,
      );
    return;
  }
  // Day by day (both lists are in day order): within one day, pair equal (series, cell) entries.
  let a = cut;
  let b = 0;
  while (a < oldEnd || b < nowEnd) {
    const day = Math.min(
      a < oldEnd ? (old.days[a] as number) : Number.POSITIVE_INFINITY,
      b < nowEnd ? (now.days[b] as number) : Number.POSITIVE_INFINITY,
    );
    let a1 = a;
    while (a1 < oldEnd && old.days[a1] === day) a1++;
    let b1 = b;
    while (b1 < nowEnd && now.days[b1] === day) b1++;
    emitDay(sink, old, a, a1, now, b, b1, day, rec);
    a = a1;
    b = b1;
  }
};

const netScratch: number[] = [];

const emitDay = (
  sink: DeltaSink,
  old: Deltas,
  a0: number,
  a1: number,
  now: Deltas,
  b0: number,
  b1: number,
  day: number,
  rec: number,
): void => {
  if (a0 === a1) {
    for (let i = b0; i < b1; i++)
      sink.push(now.keys[i] as number, now.cells[i] as string, day, now.amounts[i] as number, rec);
    return;
  }
  if (b0 === b1) {
    for (let i = a0; i < a1; i++)
      sink.push(old.keys[i] as number, old.cells[i] as string, day, -(old.amounts[i] as number), rec);
    return;
  }
  if ((a1 - a0) * (b1 - b0) > 4096) {
    // A day with hundreds of entries on both sides (an organisation moving with years of annual
    // figures): net through a map.
    const net = new Map<string, { key: number; cell: string; amount: number }>();
    const add = (key: number, cell: string, amount: number): void => {
      const id = `${key}|${cell}`;
      const cur = net.get(id);
      if (cur === undefined) net.set(id, { key, cell, amount });
      else cur.amount += amount;
    };
    for (let i = a0; i < a1; i++)
      add(old.keys[i] as number, old.cells[i] as string, -(old.amounts[i] as number));
    for (let i = b0; i < b1; i++)
      add(now.keys[i] as number, now.cells[i] as string, now.amounts[i] as number);
    for (const d of net.values()) if (d.amount !== 0) sink.push(d.key, d.cell, day, d.amount, rec);
    return;
  }
  netScratch.length = 0;
  for (let i = b0; i < b1; i++) netScratch.push(now.amounts[i] as number);
  for (let j = a0; j < a1; j++) {
    let amount = -(old.amounts[j] as number);
    const key = old.keys[j] as number;
    const cell = old.cells[j] as string;
    for (let i = b0; i < b1 && amount !== 0; i++) {
      if (now.keys[i] === key && now.cells[i] === cell && netScratch[i - b0] !== 0) {
        amount += netScratch[i - b0] as number;
        netScratch[i - b0] = 0;
      }
    }
    if (amount !== 0) sink.push(key, cell, day, amount, rec);
  }
  for (let i = b0; i < b1; i++) {
    const amount = netScratch[i - b0] as number;
    if (amount !== 0) sink.push(now.keys[i] as number, now.cells[i] as string, day, amount, rec);
  }
};
