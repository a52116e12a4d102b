/**
 * Where a provenance builder puts its entries' full chunks while a first build feeds it, to read each
 * back once when it lays the table out (`ProvenanceBuilder.image`): at national scale the entries are
 * ~190 MB that would otherwise sit beside the feed's heap at the build's peak. Appends only; the CLI
 * gives a temporary file (removed as soon as it is opened), a test an array.
 *
 * @example
 * const spill = memorySpill();
 * const at = spill.append(new Uint8Array([1, 2, 3]));
 * const back = new Uint8Array(3);
 * spill.read(at, back);
 * console.log([...back]); // [1, 2, 3]
 */
export interface EntrySpill {
  /** Appends `bytes`; returns the offset they start at. */
  append(bytes: Uint8Array): number;
  /** Fills `into` with the bytes from `offset` (appended before). */
  read(offset: number, into: Uint8Array): void;
  /** Lets go of everything appended (the builder calls it once its image is laid out). */
  close(): void;
}

/**
 * An {@link EntrySpill} in memory (for tests: what the builder writes and reads back, without a file).
 * @example memorySpill().append(new Uint8Array(8)) // 0
 */
export const memorySpill = (): EntrySpill => {
  const parts: Uint8Array[] = [];
  const starts: number[] = [];
  let end = 0;
  return {
    append: (bytes) => {
      parts.push(bytes.slice());
      starts.push(end);
      end += bytes.length;
      return end - bytes.length;
    },
    read: (offset, into) => {
      let done = 0;
      for (let k = 0; k < parts.length && done < into.length; k++) {
        const p = parts[k] as Uint8Array;
        const s = starts[k] as number;
        const from = Math.max(offset + done - s, 0);
        if (s + p.length <= offset + done || from >= p.length) continue;
        const n = Math.min(p.length - from, into.length - done);
        into.set(p.subarray(from, from + n), done);
        done += n;
      }
      if (done < into.length) throw new Error(`memorySpill: ${into.length - done} bytes past the end`);
    },
    close: () => {
      parts.length = 0;
      starts.length = 0;
    },
  };
};
