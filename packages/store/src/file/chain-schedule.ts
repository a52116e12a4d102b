/**
 * How the chain check's pool cuts a ledger's body into ranges (`chain-pool.ts`): guided
 * self-scheduling. Each range is cut when a worker asks for it, a share of what is left: large while
 * much is left (few ranges, few per-range costs), shrinking as the body is used up, so that the last
 * ranges are small and no worker idles long while the other finishes a large one (with ranges cut
 * equal up front, the last range decided the wall time: at national scale one of two workers idled
 * ~1 s of a 2.8 s `verify`).
 */

/**
 * The pool's range cutter over a body [from, size): `next()` gives the next range's end, or undefined
 * once the body is cut. A fixed `rangeBytes` cuts equal ranges (tests, callers that ask); else each
 * range is `left / (workers × share)` bytes, within [`min`, `max`], and a rest smaller than `min` is
 * not cut off on its own.
 * @example
 * const cut = rangeCutter(0, 100, { workers: 2, share: 2, min: 10, max: 40 });
 * const ends: number[] = [];
 * for (let e = cut.next(); e !== undefined; e = cut.next()) ends.push(e);
 * console.log(ends.join(" ")); // "25 44 58 69 79 89 100"
 */
export interface RangeCutter {
  /** The end of the next range (it starts where the last ended), or undefined: the body is cut. */
  next(): number | undefined;
  /** How many ranges at most (the pool starts no more workers than that). */
  readonly most: number;
}

/**
 * The shape of a guided schedule (see {@link rangeCutter}), or a fixed range size.
 * @example const s: RangeSchedule = { workers: 2, share: 2, min: 16 << 20, max: 256 << 20 };
 */
export type RangeSchedule =
  | { readonly workers: number; readonly share: number; readonly min: number; readonly max: number }
  | { readonly rangeBytes: number };

/**
 * A {@link RangeCutter} for the body [from, size).
 * @example
 * const fixed = rangeCutter(0, 10, { rangeBytes: 4 });
 * console.log(fixed.next(), fixed.next(), fixed.next(), fixed.next(), fixed.most); // 4 8 10 undefined 3
 */
export const rangeCutter = (from: number, size: number, schedule: RangeSchedule): RangeCutter => {
  let at = from;
  const body = Math.max(0, size - from);
  if ("rangeBytes" in schedule) {
    const step = Math.max(1, Math.floor(schedule.rangeBytes));
    return {
      most: Math.ceil(body / step),
      next: () => {
        if (at >= size) return undefined;
        at = Math.min(size, at + step);
        return at;
      },
    };
  }
  const min = Math.max(1, Math.floor(schedule.min));
  const max = Math.max(min, Math.floor(schedule.max));
  const parts = Math.max(1, schedule.workers * schedule.share);
  return {
    // Every range but a body's only one is at least `min` long (a rest under `min` is not cut off).
    most: body === 0 ? 0 : Math.max(1, Math.floor(body / min)),
    next: () => {
      if (at >= size) return undefined;
      const left = size - at;
      let step = Math.min(max, Math.max(min, Math.ceil(left / parts)));
      if (left - step < min) step = left;
      at += step;
      return at;
    },
  };
};
