/**
 * Annual figures by series key, in the order each key was first added, each with the cell it is
 * counted in: parallel arrays and an index by key. A sweep compares the annual figures before and after
 * each breakpoint that touches them (a million times in a national build); in a `Map<number, number>`
 * every money amount (beyond the small-integer range) was a boxed number and each visit of its entries
 * an array, and emptying a map allocates a new table. Here nothing is allocated once the arrays have
 * grown: `n` counts the entries (the arrays keep their length), and an index entry is stale unless it
 * points below `n` at its own key (so the index is never emptied; it holds at most every key seen).
 *
 * @example
 * const t = annualTally();
 * addToTally(t, 7, 100, "c");
 * addToTally(t, 7, 5, "d");
 * console.log(t.n, t.values[0], t.cells[0], tallyIndexOf(t, 7)); // 1 105 "d" 0
 */
export interface AnnualTally {
  /** Number of entries (the arrays may be longer: only their first `n` elements count). */
  n: number;
  readonly keys: number[];
  readonly values: number[];
  readonly cells: string[];
  /** Where each key is (stale when not below `n` or not pointing at its own key). */
  readonly at: Map<number, number>;
}

/**
 * An empty tally.
 * @example annualTally().n // 0
 */
export const annualTally = (): AnnualTally => ({ n: 0, keys: [], values: [], cells: [], at: new Map() });

/**
 * Where `key` is in the tally, or −1.
 * @example tallyIndexOf(annualTally(), 7) // -1
 */
export const tallyIndexOf = (t: AnnualTally, key: number): number => {
  const i = t.at.get(key);
  return i !== undefined && i < t.n && t.keys[i] === key ? i : -1;
};

/**
 * Adds `amount` to `key`'s figure (a new entry at the end when the key is not there) and counts it in
 * `cell` (the last cell given wins, as the figure's cell is its fiscal year's last day's).
 * @example
 * const t = annualTally();
 * addToTally(t, 7, 100, "c");
 * t.values[0] // 100
 */
export const addToTally = (t: AnnualTally, key: number, amount: number, cell: string): void => {
  let i = tallyIndexOf(t, key);
  if (i < 0) {
    i = t.n++;
    t.keys[i] = key;
    t.values[i] = amount;
    t.at.set(key, i);
  } else t.values[i] = (t.values[i] as number) + amount;
  t.cells[i] = cell;
};
