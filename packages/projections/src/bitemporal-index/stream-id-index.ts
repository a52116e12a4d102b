/** The bytes of `"`, `\`, `,`, `[` and `]`. */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN = 0x5b;
const CLOSE = 0x5d;

/** FNV-1a over character codes (a table's bytes and a looked-up id's code units hash alike when ASCII). */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * The places of an image's stream ids, looked up by id (the last place of an id listed twice, as a
 * `Map` filled in list order gives it), made from the ids' persisted JSON text without decoding it when
 * every id is printable ASCII without a quote or backslash (as a ledger's stream ids are): one pass
 * over the bytes records where each id lies and hashes it into an open-addressing table of places
 * (an `Int32Array`); a lookup hashes the id's code units and compares bytes. A reopened national index
 * (39,188 ids, 789 KB) looks up the few hundred streams an append touches: decoding every id and filling
 * a `Map` with them cost ~45 ms of CPU and ~6 MB of short-lived memory in every extension. Any other
 * text (an escape, a non-ASCII byte, a text not in `JSON.stringify`'s form) is decoded and mapped as before.
 *
 * @example
 * const bytes = new TextEncoder().encode(JSON.stringify(["coop-a", "coop-b", "coop-a"]));
 * const index = StreamIdIndex.of(bytes, () => ["coop-a", "coop-b", "coop-a"]);
 * console.log(index.length, index.indexOf("coop-b"), index.indexOf("coop-a"), index.indexOf("coop-c")); // 3 1 2 -1
 */
export class StreamIdIndex {
  private list: ReadonlyArray<string> | undefined = undefined;

  private constructor(
    /** Number of ids listed. */
    readonly length: number,
    private readonly decode: () => ReadonlyArray<string>,
    /** The ASCII table: the text, each id's first byte and end, and the slots (−1 empty, else a place). */
    private readonly bytes: Uint8Array | undefined,
    private readonly from: Int32Array | undefined,
    private readonly to: Int32Array | undefined,
    private readonly slots: Int32Array | undefined,
    /** Else: every id's place. */
    private readonly map: ReadonlyMap<string, number> | undefined,
  ) {}

  /**
   * The index of the ids whose JSON text is `bytes` (undefined when the source has none at hand);
   * `decode` gives the ids as a list (the text parsed), read only when the text is not the ASCII form or
   * when {@link ids} is asked for.
   */
  static of(bytes: Uint8Array | undefined, decode: () => ReadonlyArray<string>): StreamIdIndex {
    const spans = bytes === undefined ? undefined : asciiSpans(bytes);
    if (bytes === undefined || spans === undefined) {
      const list = decode();
      const map = new Map<string, number>();
      list.forEach((id, i) => {
        map.set(id, i);
      });
      const index = new StreamIdIndex(list.length, decode, undefined, undefined, undefined, undefined, map);
      index.list = list;
      return index;
    }
    const { from, to, hash, count } = spans;
    let size = 8;
    while (size < count * 2) size *= 2;
    const slots = new Int32Array(size).fill(-1);
    const mask = size - 1;
    for (let i = 0; i < count; i++) {
      const a = from[i] as number;
      const b = to[i] as number;
      let j = (hash[i] as number) & mask;
      for (;;) {
        const at = slots[j] as number;
        // An empty slot, or the same id listed earlier: its place is the later one.
        if (at === -1 || sameBytes(bytes, from[at] as number, to[at] as number, a, b)) break;
        j = (j + 1) & mask;
      }
      slots[j] = i;
    }
    return new StreamIdIndex(count, decode, bytes, from, to, slots, undefined);
  }

  /** The place of `id` (its last when listed twice), or −1 when it is not listed. */
  indexOf(id: string): number {
    if (this.map !== undefined) return this.map.get(id) ?? -1;
    const bytes = this.bytes as Uint8Array;
    const from = this.from as Int32Array;
    const to = this.to as Int32Array;
    const slots = this.slots as Int32Array;
    let h = FNV_OFFSET;
    for (let p = 0; p < id.length; p++) {
      const c = id.charCodeAt(p);
      // Every id of an ASCII table is printable ASCII without a quote or backslash: no other id is listed.
      if (c < 0x20 || c > 0x7e || c === QUOTE || c === BACKSLASH) return -1;
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    const mask = slots.length - 1;
    for (let j = h & mask; ; j = (j + 1) & mask) {
      const at = slots[j] as number;
      if (at === -1) return -1;
      const a = from[at] as number;
      if ((to[at] as number) - a !== id.length) continue;
      let p = 0;
      while (p < id.length && bytes[a + p] === id.charCodeAt(p)) p++;
      if (p === id.length) return at;
    }
  }

  /** The ids, in order (decoded when first asked for). */
  ids(): ReadonlyArray<string> {
    this.list ??= this.decode();
    return this.list;
  }
}

const sameBytes = (bytes: Uint8Array, a0: number, a1: number, b0: number, b1: number): boolean => {
  if (a1 - a0 !== b1 - b0) return false;
  for (let p = 0; p < a1 - a0; p++) if (bytes[a0 + p] !== bytes[b0 + p]) return false;
  return true;
};

/**
 * Where each id lies in the text `["id","id",…]` (no space, as `JSON.stringify` writes a list) and its
 * hash, in one pass over the bytes, when every id is printable ASCII without a quote or backslash;
 * undefined for any other text.
 */
const asciiSpans = (
  bytes: Uint8Array,
): { from: Int32Array; to: Int32Array; hash: Int32Array; count: number } | undefined => {
  const n = bytes.length;
  if (n < 2 || bytes[0] !== OPEN || bytes[n - 1] !== CLOSE) return undefined;
  // At most one id per 3 bytes (`"",`): sized for that, cut to the count.
  const from = new Int32Array(Math.floor(n / 3) + 1);
  const to = new Int32Array(from.length);
  const hash = new Int32Array(from.length);
  let count = 0;
  let p = 1;
  if (n > 2)
    for (;;) {
      if (bytes[p] !== QUOTE) return undefined;
      const a = ++p;
      let h = FNV_OFFSET;
      for (; p < n; p++) {
        const c = bytes[p] as number;
        if (c === QUOTE) break;
        if (c < 0x20 || c > 0x7e || c === BACKSLASH) return undefined;
        h = Math.imul(h ^ c, FNV_PRIME);
      }
      if (p >= n - 1) return undefined;
      from[count] = a;
      to[count] = p;
      hash[count] = h;
      count++;
      p++; // the closing quote
      if (p === n - 1) break;
      if (bytes[p] !== COMMA) return undefined;
      p++;
    }
  return { from: from.slice(0, count), to: to.slice(0, count), hash, count };
};
