// The package has no DOM or Node typings (it does no I/O); the UTF-8 codecs are standard globals.
const { TextEncoder, TextDecoder } = globalThis as unknown as {
  TextEncoder: new () => {
    encodeInto: (s: string, into: Uint8Array) => { read: number; written: number };
  };
  TextDecoder: new () => { decode: (b: Uint8Array) => string };
};
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A resizable `ArrayBuffer` (ES2024; the package's typings are ES2022). */
interface Resizable extends ArrayBuffer {
  readonly maxByteLength: number;
  resize(length: number): void;
}
const resizable = (length: number, max: number): Resizable => {
  const Rab = ArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => Resizable;
  try {
    return new Rab(length, { maxByteLength: max });
  } catch {
    // No address space to reserve (a process limit): no room to grow in place, then (grown by copy).
    return new Rab(length, { maxByteLength: length });
  }
};

/**
 * The address space a release's store reserves (2 GiB; a national ledger's folds are ~100 MB): its
 * pages are committed only as they are written, and it grows in place (no copy, no old array left for
 * the collector) up to there; past it, it is copied into a larger one.
 */
const RESERVE = 2 ** 31;

/**
 * Encoded stream folds packed end to end as UTF-8 in one byte array, in the order added (an empty text
 * for a stream without a fold): the image's `streamFoldStart` / `streamFoldBytes` (see
 * `packStreamFolds`), and what a released index keeps of its streams' folds. A release packs every
 * stream's fold here rather than into a string a stream: the strings (97 MB at national scale) stayed
 * on the heap to the end of a first build, and writing the index copied them all into the image's byte
 * array beside them; the image now takes this array as it is ({@link imageArrays}: a view, no copy).
 * The array is a resizable `ArrayBuffer` that doubles in place as it fills: a doubling by copy left
 * each smaller array (all its pages written) for the collector, ~100 MB more resident at national
 * scale until a full collection, where the image's copy had been.
 *
 * @example
 * const folds = new FoldBytes();
 * const at = folds.add("[1,2]");
 * folds.add(""); // a stream without a fold
 * console.log(folds.text(at), folds.text(at + 1), folds.count); // "[1,2]" undefined 2
 */
export class FoldBytes {
  private buffer: Resizable;
  /** The whole buffer (tracks its length as it grows). */
  private bytes: Uint8Array;
  /** Where each fold starts, then where the last ends (the image's `streamFoldStart`). */
  private readonly starts: number[] = [0];

  /**
   * An empty store with room for `capacity` bytes at first, growing in place up to `reserve` bytes
   * (the address space it takes; a store sized for what it will hold reserves no more).
   */
  constructor(capacity = 1 << 16, reserve = RESERVE) {
    // Whole words: the image stores the bytes four to an i32 word.
    const n = 4 * Math.ceil(Math.max(capacity, 4) / 4);
    this.buffer = resizable(n, Math.max(n, reserve));
    this.bytes = new Uint8Array(this.buffer);
  }

  /** Number of folds added. */
  get count(): number {
    return this.starts.length - 1;
  }

  /** Appends a fold's text (UTF-8); returns its place (its number among those added). */
  add(text: string): number {
    const n = this.starts[this.starts.length - 1] as number;
    let r = encoder.encodeInto(text, this.bytes.subarray(n));
    while (r.read < text.length) {
      // Room for this text at three bytes a UTF-16 unit; it is then encoded again from `n` whole,
      // over what the cut-short encoding wrote (a prefix of it): the bytes past the end stay 0.
      this.grow(n + 3 * text.length);
      r = encoder.encodeInto(text, this.bytes.subarray(n));
    }
    this.starts.push(n + r.written);
    return this.starts.length - 2;
  }

  /** The text of the fold at place `k`, undefined when it was empty. */
  text(k: number): string | undefined {
    const from = this.starts[k] as number;
    const to = this.starts[k + 1] as number;
    return to === from ? undefined : decoder.decode(this.bytes.subarray(from, to));
  }

  /**
   * The two image arrays: where each fold starts (f64, one more than the folds) and the bytes four to
   * an i32 word (little-endian, the last word's unused bytes 0): a view of this store's array, not a
   * copy, unless `exact` asks for an array of its own cut to size (when the store grew past it).
   */
  imageArrays(exact = false): { readonly start: Float64Array; readonly words: Int32Array } {
    const n = this.starts[this.starts.length - 1] as number;
    const size = 4 * Math.ceil(n / 4);
    const words =
      exact && this.bytes.length !== size
        ? new Int32Array(this.bytes.slice(0, size).buffer)
        : new Int32Array(this.buffer, 0, size / 4);
    return { start: Float64Array.from(this.starts), words };
  }

  /** At least `need` bytes (doubling), in place while the reserve lasts. */
  private grow(need: number): void {
    const size = 4 * Math.ceil(Math.max(need, 2 * this.bytes.length) / 4);
    if (size <= this.buffer.maxByteLength) {
      this.buffer.resize(size);
      return;
    }
    const n = this.starts[this.starts.length - 1] as number;
    const bigger = resizable(size, 2 * size);
    new Uint8Array(bigger).set(this.bytes.subarray(0, n));
    this.buffer = bigger;
    this.bytes = new Uint8Array(bigger);
  }
}
