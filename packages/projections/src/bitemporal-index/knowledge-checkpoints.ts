/** Widest span of days a column's slot table covers (~180 years); a wider column searches instead. */
const MAX_TABLE_DAYS = 1 << 16;

/**
 * Fills a column's knowledge checkpoints: after every `stride` of its deltas (`a …`, in recording
 * order), the running sum up to each of its distinct days `sumDays[s0 … s1)`; checkpoint `j` (from 0)
 * at `out[j * u + i]`, `u = s1 - s0`. A delta's day finds its slot (the last distinct day not after it)
 * in a table over the column's span of days, one array read, where a binary search over its distinct
 * days was most of the cost (the national whole-ledger level's checkpoints, the web view's first
 * warm-up step: ~0.6 s of CPU, 7.8 million searches). A column whose days span wider searches. Same
 * sums, added in the same order, either way.
 * @example
 * const out = new Array<number>(6).fill(0);
 * // deltas (day, amount): (5, 1) (3, 2) | (5, 4) (9, 8); distinct days 3, 5, 9; a checkpoint every 2
 * fillCheckpoints(out, Int32Array.of(5, 3, 5, 9), Float64Array.of(1, 2, 4, 8), 0, 2, 2, Int32Array.of(3, 5, 9), 0, 3);
 * console.log(out.join(" ")); // "2 3 3 2 7 15"
 */
export const fillCheckpoints = (
  out: number[],
  days: ArrayLike<number>,
  amounts: ArrayLike<number>,
  a: number,
  count: number,
  stride: number,
  sumDays: ArrayLike<number>,
  s0: number,
  s1: number,
): void => {
  const u = s1 - s0;
  const first = sumDays[s0] as number;
  const last = sumDays[s1 - 1] as number;
  const span = last - first + 1;
  const table = span <= MAX_TABLE_DAYS ? slotTable(sumDays, s0, s1, span) : undefined;
  const running = new Float64Array(u);
  for (let j = 0; j < count; j++) {
    for (let x = a + j * stride; x < a + (j + 1) * stride; x++) {
      const d = days[x] as number;
      // Before the first distinct day: in no slot (cannot happen: the distinct days are the deltas').
      if (d < first) continue;
      const i =
        d >= last
          ? u - 1
          : table !== undefined
            ? (table[d - first] as number)
            : upperBound(sumDays, s0, s1, d) - 1 - s0;
      running[i] = (running[i] as number) + (amounts[x] as number);
    }
    let acc = 0;
    const base = j * u;
    for (let i = 0; i < u; i++) {
      acc += running[i] as number;
      out[base + i] = acc;
    }
  }
};

/** For each day of a column's span, the slot of the last distinct day not after it. */
const slotTable = (sumDays: ArrayLike<number>, s0: number, s1: number, span: number): Int32Array => {
  const first = sumDays[s0] as number;
  const table = new Int32Array(span);
  for (let k = s0; k < s1; k++) {
    const to = k + 1 < s1 ? (sumDays[k + 1] as number) - first : span;
    table.fill(k - s0, (sumDays[k] as number) - first, to);
  }
  return table;
};

/**
 * Index of the first element of `a[from..to)` greater than `x` (sorted ascending there).
 * @example
 * upperBound([1, 2, 2, 5], 0, 4, 2) // 3
 * upperBound([1, 2, 2, 5], 0, 2, 9) // 2 (the end of the range: nothing there is greater)
 */
export const upperBound = (a: ArrayLike<number>, from: number, to: number, x: number): number => {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};
