/**
 * The indexes `0 … n` of gathered entries grouped by event: ascending by position, and in the order
 * gathered within an event (a stable sort: one typed sort of `position × n + index` when that is exact,
 * an index sort otherwise). Gathering into typed columns and grouping them so costs no object per
 * event, where a map of per-event objects was most of an unscoped `explain` on a national ledger.
 * @example
 * const order = byEvent(Int32Array.of(7, 3, 7, 5), 4);
 * console.log(Array.from(order)); // [1, 3, 0, 2]: position 3, then 5, then 7's two entries in order
 */
export const byEvent = (positions: Int32Array, n: number): Float64Array | Int32Array => {
  let maxP = 0;
  for (let i = 0; i < n; i++) maxP = Math.max(maxP, positions[i] as number);
  if (Number.isSafeInteger((maxP + 1) * n)) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = (positions[i] as number) * n + i;
    packed.sort();
    for (let i = 0; i < n; i++) packed[i] = (packed[i] as number) % n;
    return packed;
  }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  return order.sort((a, b) => (positions[a] as number) - (positions[b] as number) || a - b);
};

/**
 * Visits each event of entries grouped by {@link byEvent}: its position and its entries `order[from … to)`.
 * @example
 * const positions = Int32Array.of(7, 3, 7, 5);
 * const seen: string[] = [];
 * eachEvent(positions, byEvent(positions, 4), 4, (p, from, to) => seen.push(`${p}: ${to - from}`));
 * seen // ["3: 1", "5: 1", "7: 2"] (each position once, with its count of entries)
 */
export const eachEvent = (
  positions: Int32Array,
  order: ArrayLike<number>,
  n: number,
  visit: (position: number, from: number, to: number) => void,
): void => {
  for (let from = 0; from < n; ) {
    const p = positions[order[from] as number] as number;
    let to = from + 1;
    while (to < n && positions[order[to] as number] === p) to++;
    visit(p, from, to);
    from = to;
  }
};
