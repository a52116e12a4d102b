import type { SeriesReader } from "../evaluate/series-reader.js";
import {
  type CellInfo,
  cellInPopulation,
  cellInScope,
  parseCell,
  type ResolvedScope,
} from "../model/cells.js";
import type { Deltas } from "../model/stream-sweep.js";

/**
 * A series reader over some deltas of one stream (those of one event, or all of them): indicator
 * arithmetic is linear in series sums, so evaluating an indicator on a part of the deltas gives that
 * part's contribution to the numerator and denominator.
 * @example
 * import { evaluateIndicator } from "../src/evaluate/evaluate-indicators.js";
 * import { liveEvents, timed } from "../src/model/live-events.js";
 * import { sweepStream } from "../src/model/stream-sweep.js";
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const q = resolveQuery({ validAt: "2022-12-31", indicators: ["coops.active"] });
 * if (E.isLeft(q)) throw new Error(q.left.message);
 * const first = events[0]?.streamId; // a co-op's stream
 * const { deltas } = sweepStream(liveEvents(events.filter((e) => e.streamId === first).map(timed)), Number.NEGATIVE_INFINITY);
 * // All of the stream's deltas, then none of them: the co-op's whole contribution, then nothing.
 * const whole = evaluateIndicator("coops.active", q.right, deltasReader(deltas, () => true, q.right.scope));
 * const none = evaluateIndicator("coops.active", q.right, deltasReader(deltas, () => false, q.right.scope));
 * console.log(E.isRight(whole) && whole.right.value, E.isRight(none) && none.right.value); // 1 0
 */
export const deltasReader = (
  deltas: Deltas,
  include: (i: number) => boolean,
  scope: ResolvedScope,
): SeriesReader => {
  const cells = new Map<string, { info: CellInfo; inScope: boolean }>();
  const cellOf = (key: string) => {
    let c = cells.get(key);
    if (c === undefined) {
      const info = parseCell(key);
      c = { info, inScope: cellInScope(info, scope) };
      cells.set(key, c);
    }
    return c;
  };
  const sum = (
    key: number,
    day: number,
    population: Parameters<SeriesReader["value"]>[2],
    district?: string,
  ): number => {
    let s = 0;
    for (let i = 0; i < deltas.keys.length; i++) {
      if (deltas.keys[i] !== key || (deltas.days[i] as number) > day || !include(i)) continue;
      const c = cellOf(deltas.cells[i] as string);
      if (!c.inScope || !cellInPopulation(c.info, population)) continue;
      if (district !== undefined && c.info.district !== district) continue;
      s += deltas.amounts[i] as number;
    }
    return s;
  };
  return {
    value: (key, day, population) => sum(key, day, population),
    positiveDistricts: (key, day, population) => {
      const districts = new Set<string>();
      for (let i = 0; i < deltas.keys.length; i++) {
        if (deltas.keys[i] === key && include(i))
          districts.add(cellOf(deltas.cells[i] as string).info.district);
      }
      let n = 0;
      for (const d of districts) if (d !== "" && sum(key, day, population, d) > 0) n++;
      return n;
    },
  };
};
