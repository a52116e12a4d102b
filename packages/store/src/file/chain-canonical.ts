/**
 * A checker of the format's strict-content rule (docs/ledger-format.md, "Strict content") that reads
 * the line's bytes once, without `JSON.parse` or re-serialising: what `verify` runs on every line at
 * hashing speed. It accepts exactly what `strictContent` (strict-content.ts) accepts (the law
 * `chain-canonical.prop.test.ts` checks both on the same inputs); a line it refuses is re-examined by
 * `strictContent` to name the reason, so the reasons stay those of the sequential verifier.
 *
 * Rules, on the bytes after the hash member with `{` put back in front (UTF-8 validity is checked
 * beforehand, on the whole line, by `isUtf8`): one JSON object, no whitespace, at most 16 levels of
 * objects and arrays, keys strictly increasing in UTF-16 code units (so no duplicate), no top-level
 * `hash` member, numbers in ECMAScript shortest form within the portable range (safe integers, or
 * fractions with 1e-6 ≤ |x| < 1e21, never `-0`), strings escaping exactly what `JSON.stringify`
 * escapes (`\"`, `\\`, `\b \f \n \r \t`, other control characters as lowercase `\u00xx`) and nothing
 * else. With `members` (sorted names of plain ASCII letters, as the envelope's are), the top-level keys
 * must be exactly those, and `spans` receives each member's value as [start, end) byte indices.
 *
 * It is written as one self-contained factory (no reference outside its own body, only built-ins
 * and its arguments) because the worker threads that check ranges of a ledger run its source text
 * (`chain-pool.ts`): that keeps it working from sources, from the compiled package and from a bundle.
 *
 * @example
 * const check = makeCanonicalChecker();
 * check(Buffer.from('{"a":1}'), 1, 7, undefined, undefined) // true: the content after "{"
 * check(Buffer.from('{"b":1,"a":2}'), 1, 13, undefined, undefined) // false: keys out of order
 */
export const makeCanonicalChecker = (): ((
  buf: Buffer,
  from: number,
  end: number,
  members: ReadonlyArray<Uint8Array> | undefined,
  spans: Int32Array | undefined,
) => boolean) => {
  const MAX_DEPTH = 16;
  // Per nesting level: container kind (1 object, 2 array), the previous key's bytes and whether it
  // held an escape, and (level 1) how many members were seen.
  const kind = new Uint8Array(MAX_DEPTH + 2);
  const prevStart = new Int32Array(MAX_DEPTH + 2);
  const prevEnd = new Int32Array(MAX_DEPTH + 2);
  const prevEsc = new Uint8Array(MAX_DEPTH + 2);
  let stringEsc = false;

  // A view of the buffer being checked, to read four bytes at once (made again only when the buffer
  // changes: a range checker passes the same read window on every line).
  let viewOf: Buffer | undefined;
  let view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
  const wordsOf = (buf: Buffer): DataView<ArrayBufferLike> => {
    if (buf !== viewOf) {
      viewOf = buf;
      view = new DataView(buf.buffer, buf.byteOffset, buf.length);
    }
    return view;
  };

  // The envelope's members as the words of their `"<name>":` bytes (little-endian), for the list last
  // seen (a range checker passes the same list on every line).
  // Whole words cover every byte: those at 0, 4, 8, … and the last four bytes as one more (overlapping).
  let wordsFor: ReadonlyArray<Uint8Array> | undefined;
  let nameWords: Int32Array[] = [];
  const memberWords = (members: ReadonlyArray<Uint8Array>): void => {
    wordsFor = members;
    nameWords = members.map((m) => {
      const bytes = Uint8Array.of(34, ...m, 34, 58);
      const dv = new DataView(bytes.buffer);
      const n = Math.ceil(bytes.length / 4);
      return Int32Array.from({ length: n }, (_, k) =>
        dv.getInt32(k < n - 1 ? 4 * k : bytes.length - 4, true),
      );
    });
  };

  /**
   * Index after the escape sequence at `k` (a backslash) inside a canonical string, or -1 (its own
   * function: the string scan stays small enough to be inlined where it is called).
   */
  const escapeEnd = (buf: Buffer, k: number, end: number): number => {
    const d = buf[k + 1];
    // \" \\ \b \f \n \r \t
    if (d === 34 || d === 92 || d === 98 || d === 102 || d === 110 || d === 114 || d === 116) return k + 2;
    if (d !== 117 || k + 6 > end || buf[k + 2] !== 48 || buf[k + 3] !== 48) return -1;
    const h1 = buf[k + 4] as number;
    const h2 = buf[k + 5] as number;
    const lo = h2 >= 48 && h2 <= 57 ? h2 - 48 : h2 >= 97 && h2 <= 102 ? h2 - 87 : -1;
    if ((h1 !== 48 && h1 !== 49) || lo < 0) return -1;
    const code = (h1 - 48) * 16 + lo;
    // JSON.stringify writes these five as \b \t \n \f \r.
    if (code === 8 || code === 9 || code === 10 || code === 12 || code === 13) return -1;
    return k + 6;
  };

  /** Index after the closing quote of a canonical string starting at `i` (the opening quote), or -1. */
  const scanString = (buf: Buffer, i: number, end: number): number => {
    stringEsc = false;
    const dv = view; // set for this buffer by the check (wordsOf)
    let k = i + 1;
    for (;;) {
      // Four bytes at a time while none is a quote, a backslash or a control character (the bit tricks
      // "has a byte below 0x20" and "has a zero byte" on the bytes xor'ed with `"` and `\`). The lowest
      // flagged byte of a word is exactly the first such byte (a borrow only runs upwards), so the scan
      // goes straight to it: the word is not tested again at each byte before it.
      while (k + 4 <= end) {
        const w = dv.getInt32(k, true);
        const q = w ^ 0x22222222;
        const b = w ^ 0x5c5c5c5c;
        const m = (((w - 0x20202020) & ~w) | ((q - 0x01010101) & ~q) | ((b - 0x01010101) & ~b)) & 0x80808080;
        if (m === 0) {
          k += 4;
          continue;
        }
        k += (31 - Math.clz32(m & -m)) >> 3;
        break;
      }
      if (k >= end) return -1;
      const c = buf[k] as number;
      if (c === 34) return k + 1;
      if (c < 0x20) return -1;
      if (c === 92) {
        stringEsc = true;
        k = escapeEnd(buf, k, end);
        if (k < 0) return -1;
        continue;
      }
      // Reached only in the last three bytes before `end` (the byte a word flags is a quote, a backslash
      // or a control byte, each handled above).
      k++;
    }
  };

  /** The sign of (key a − key b) in UTF-16 code-unit order; keys given as byte ranges inside quotes. */
  const compareKeys = (
    buf: Buffer,
    aS: number,
    aE: number,
    aEsc: boolean,
    bS: number,
    bE: number,
    bEsc: boolean,
  ): number => {
    if (!aEsc && !bEsc) {
      const n = Math.min(aE - aS, bE - bS);
      let k = 0;
      for (; k < n; k++) {
        const x = buf[aS + k] as number;
        const y = buf[bS + k] as number;
        if (x !== y) {
          // An ASCII byte against anything else: the same order in UTF-8 bytes and UTF-16 units.
          if (x < 0x80 || y < 0x80) return x - y;
          break;
        }
      }
      if (k === n) return aE - aS - (bE - bS);
    }
    // Escapes, or two non-ASCII characters (UTF-8 and UTF-16 order differ above U+FFFF): decode.
    const a = aEsc
      ? (JSON.parse(buf.toString("utf8", aS - 1, aE + 1)) as string)
      : buf.toString("utf8", aS, aE);
    const b = bEsc
      ? (JSON.parse(buf.toString("utf8", bS - 1, bE + 1)) as string)
      : buf.toString("utf8", bS, bE);
    return a < b ? -1 : a > b ? 1 : 0;
  };

  /** Whether the number token [i, j) is in the form `canonicalJson` writes. */
  const canonicalNumber = (buf: Buffer, i: number, j: number): boolean => {
    const len = j - i;
    let digits = true;
    for (let k = i; k < j; k++) {
      const c = buf[k] as number;
      if (c < 48 || c > 57) {
        digits = false;
        break;
      }
    }
    // A plain integer of at most 15 digits is a safe integer: canonical unless it has a leading zero.
    if (digits && len <= 15) return len === 1 || buf[i] !== 48;
    const t = buf.toString("latin1", i, j);
    const v = Number(t);
    if (!Number.isFinite(v) || Object.is(v, -0)) return false;
    const a = Math.abs(v);
    if (Number.isInteger(v) ? !Number.isSafeInteger(v) : a >= 1e21 || a < 1e-6) return false;
    return String(v) === t;
  };

  const isNumberByte = (c: number): boolean =>
    (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 43 || c === 101 || c === 69;

  const literal = (buf: Buffer, i: number, end: number, word: string): number => {
    if (i + word.length > end) return -1;
    for (let k = 0; k < word.length; k++) if (buf[i + k] !== word.charCodeAt(k)) return -1;
    return i + word.length;
  };

  /** The byte that closes the container open at `depth`. */
  const closer = (depth: number): number => (kind[depth] === 1 ? 125 : 93);

  // One turn of the loop a member or element: its key (in an object) and its value, then the "," or
  // the closes that follow it (rather than one turn, and one state test, a token).
  return (buf, from, end, members, spans) => {
    const dv = wordsOf(buf);
    if (members !== undefined && members !== wordsFor) memberWords(members);
    // The content is "{" + buf[from, end): level 1 is open, a key or "}" comes first.
    let depth = 1;
    kind[1] = 1;
    let memberCount = 0;
    let i = from;
    // Right after an opening bracket: the container may close at once, and its first key has no
    // predecessor to be compared with.
    let first = true;
    let valueStart = -1;
    for (;;) {
      if (i >= end) return false;
      let c = buf[i] as number;
      if (first && c === closer(depth)) {
        depth--;
        i++;
        if (depth === 0) return i === end && (members === undefined || memberCount === members.length);
      } else {
        if (kind[depth] === 1) {
          if (depth === 1 && members !== undefined) {
            // A member of the envelope: exactly `"<member>":` (the members are sorted, plain ASCII names,
            // so this is the scan, the order and the name check at once), compared four bytes at a
            // time with the member's `"<name>":` as words (made once a list).
            const m = members[memberCount];
            if (m === undefined || c !== 34 || i + m.length + 2 >= end) return false;
            const words = nameWords[memberCount]!;
            const last = words.length - 1;
            for (let k = 0; k < last; k++) if (dv.getInt32(i + 4 * k, true) !== words[k]) return false;
            if (dv.getInt32(i + m.length - 1, true) !== words[last]) return false;
            memberCount++;
            i += m.length + 3;
            valueStart = i;
          } else {
            if (c !== 34) return false;
            const j = scanString(buf, i, end);
            if (j < 0 || buf[j] !== 58) return false;
            const ks = i + 1;
            const ke = j - 1;
            const esc = stringEsc;
            if (
              !first &&
              compareKeys(buf, prevStart[depth]!, prevEnd[depth]!, prevEsc[depth] === 1, ks, ke, esc) >= 0
            )
              return false;
            prevStart[depth] = ks;
            prevEnd[depth] = ke;
            prevEsc[depth] = esc ? 1 : 0;
            if (depth === 1) {
              if (
                ke - ks === 4 &&
                buf[ks] === 104 &&
                buf[ks + 1] === 97 &&
                buf[ks + 2] === 115 &&
                buf[ks + 3] === 104
              )
                return false; // a second "hash" member
              memberCount++;
              valueStart = j + 1;
            }
            i = j + 1;
          }
          if (i >= end) return false;
          c = buf[i] as number;
        }
        first = false;
        if (c === 123 || c === 91) {
          if (++depth > MAX_DEPTH) return false;
          kind[depth] = c === 123 ? 1 : 2;
          i++;
          first = true;
          continue;
        }
        let j: number;
        if (c === 34) j = scanString(buf, i, end);
        else if (c >= 48 && c <= 57) {
          // Digits alone (most numbers): canonical at up to 15 digits without a leading zero.
          j = i + 1;
          while (j < end && (buf[j] as number) >= 48 && (buf[j] as number) <= 57) j++;
          const d = j < end ? (buf[j] as number) : 0;
          if (d === 46 || d === 101 || d === 69 || d === 43 || d === 45) {
            while (j < end && isNumberByte(buf[j] as number)) j++;
            if (!canonicalNumber(buf, i, j)) return false;
          } else if ((j - i > 15 || (c === 48 && j - i > 1)) && !canonicalNumber(buf, i, j)) return false;
        } else if (c === 116) j = literal(buf, i, end, "true");
        else if (c === 102) j = literal(buf, i, end, "false");
        else if (c === 110) j = literal(buf, i, end, "null");
        else if (c === 45) {
          j = i + 1;
          while (j < end && isNumberByte(buf[j] as number)) j++;
          if (!canonicalNumber(buf, i, j)) return false;
        } else return false;
        if (j < 0) return false;
        i = j;
      }
      // After a value (or an empty container): a "," or the close of its container, closes in a row.
      for (;;) {
        if (depth === 1 && spans !== undefined && memberCount > 0) {
          spans[2 * (memberCount - 1)] = valueStart;
          spans[2 * (memberCount - 1) + 1] = i;
        }
        if (i >= end) return false;
        const d = buf[i] as number;
        if (d === 44) {
          i++;
          first = false; // an empty container just closed left it set
          break;
        }
        if (d !== closer(depth)) return false;
        depth--;
        i++;
        if (depth === 0) return i === end && (members === undefined || memberCount === members.length);
      }
    }
  };
};
