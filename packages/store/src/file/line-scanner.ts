import type { FileHandle } from "node:fs/promises";
import { MAX_LINE_BYTES } from "./ledger-format.js";

/**
 * What {@link scanLines} yields: runs of complete lines in a shared buffer (valid only until the next
 * iteration: decode or copy before resuming), then possibly one problem at the end.
 * @example
 * import { open, writeFile } from "node:fs/promises";
 * await writeFile("scan-items.txt", "one\ntwo\nthr");
 * const handle = await open("scan-items.txt", "r");
 * const tags: string[] = [];
 * for await (const item of scanLines(handle)) tags.push(item._tag === "TornTail" ? `TornTail at ${item.byteOffset}` : item._tag);
 * await handle.close();
 * console.log(tags); // ["Lines", "TornTail at 8", "End"]
 */
export type ScanItem =
  | {
      readonly _tag: "Lines";
      readonly buf: Buffer;
      /** File offset of `buf[0]`. */
      readonly base: number;
      /** 1-based line number of the first line in this run. */
      readonly firstLine: number;
      /** Start (inclusive) and end (exclusive, at the newline) of each line, as indices in `buf`. */
      readonly starts: ReadonlyArray<number>;
      readonly ends: ReadonlyArray<number>;
    }
  | { readonly _tag: "TornTail"; readonly byteOffset: number; readonly line: number; readonly length: number }
  | { readonly _tag: "TooLong"; readonly byteOffset: number; readonly line: number }
  | { readonly _tag: "End"; readonly bytes: number; readonly lines: number };

/**
 * Splits a file into newline-terminated lines, reading large chunks (8 MiB by default) into one reused
 * buffer: no per-line allocation. Bytes after the last newline are a torn tail; a line longer than
 * `maxLineBytes` stops the scan (it is never buffered whole).
 *
 * @example
 * import { open, writeFile } from "node:fs/promises";
 * await writeFile("scan-lines.txt", "one\ntwo\nthree\n");
 * const handle = await open("scan-lines.txt", "r");
 * let count = 0;
 * for await (const item of scanLines(handle)) if (item._tag === "Lines") count += item.starts.length;
 * await handle.close();
 * console.log(count); // 3
 */
export async function* scanLines(
  handle: FileHandle,
  options: {
    readonly maxLineBytes?: number;
    readonly chunkBytes?: number;
    readonly from?: number;
    /** The 1-based line number of the line at `from` (default 1). */
    readonly firstLine?: number;
  } = {},
): AsyncGenerator<ScanItem, void, undefined> {
  const max = options.maxLineBytes ?? MAX_LINE_BYTES;
  const buf = Buffer.allocUnsafe(Math.max(options.chunkBytes ?? 8 * 1024 * 1024, 2 * (max + 1)));
  let base = options.from ?? 0;
  let filled = 0;
  let line = options.firstLine ?? 1;
  for (;;) {
    const { bytesRead } = await handle.read(buf, filled, buf.length - filled, base + filled);
    filled += bytesRead;
    const eof = bytesRead === 0;
    const view = buf.subarray(0, filled);
    const starts: number[] = [];
    const ends: number[] = [];
    let s = 0;
    for (;;) {
      const nl = view.indexOf(10, s);
      if (nl === -1) break;
      if (nl - s > max) {
        if (starts.length > 0) yield { _tag: "Lines", buf, base, firstLine: line, starts, ends };
        yield { _tag: "TooLong", byteOffset: base + s, line: line + starts.length };
        return;
      }
      starts.push(s);
      ends.push(nl);
      s = nl + 1;
    }
    if (starts.length > 0) {
      yield { _tag: "Lines", buf, base, firstLine: line, starts, ends };
      line += starts.length;
    }
    const rest = filled - s;
    if (rest > max) {
      yield { _tag: "TooLong", byteOffset: base + s, line };
      return;
    }
    if (eof) {
      if (rest > 0) yield { _tag: "TornTail", byteOffset: base + s, line, length: rest };
      yield { _tag: "End", bytes: base + s, lines: line - 1 };
      return;
    }
    buf.copy(buf, 0, s, filled);
    base += s;
    filled = rest;
  }
}
