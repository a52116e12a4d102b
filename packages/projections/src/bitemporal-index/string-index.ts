/** A string's hash for {@link StringIndex} (FNV-1a over its UTF-16 code units). */
const hashOf = (s: string): number => {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
};

/**
 * The places of a list's strings, looked up by value (the last place of a string listed twice, as a
 * `Map` filled in list order gives it): one open-addressing table of places (an `Int32Array` of at least
 * twice as many slots as strings, probed linearly). A reopened national index looks up a few thousand of
 * its ~39,000 stream ids: filling a `Map` with all of them allocated ~3.5 MB (its tables as it grew) and
 * cost 19 ms of CPU, this table 10 ms, once in a command.
 *
 * @example
 * const index = StringIndex.of(["coop-htx-1", "coop-htx-2", "coop-htx-1"]);
 * console.log(index.indexOf("coop-htx-2"), index.indexOf("coop-htx-1"), index.indexOf("coop-htx-3")); // 1 2 -1
 */
export class StringIndex {
  private constructor(
    private readonly list: ReadonlyArray<string>,
    private readonly slots: Int32Array,
    private readonly mask: number,
  ) {}

  /** Hashes every string of `list` (kept, not copied: it must not change afterwards). */
  static of(list: ReadonlyArray<string>): StringIndex {
    let size = 8;
    while (size < list.length * 2) size *= 2;
    const slots = new Int32Array(size).fill(-1);
    const mask = size - 1;
    for (let i = 0; i < list.length; i++) {
      const s = list[i] as string;
      let j = hashOf(s) & mask;
      for (;;) {
        const at = slots[j] as number;
        // An empty slot, or the same string listed earlier: its place is the later one.
        if (at === -1 || list[at] === s) break;
        j = (j + 1) & mask;
      }
      slots[j] = i;
    }
    return new StringIndex(list, slots, mask);
  }

  /** The place of `s` in the list (its last when listed twice), or −1 when it is not listed. */
  indexOf(s: string): number {
    let j = hashOf(s) & this.mask;
    for (;;) {
      const at = this.slots[j] as number;
      if (at === -1 || this.list[at] === s) return at;
      j = (j + 1) & this.mask;
    }
  }
}
