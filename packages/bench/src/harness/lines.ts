import { open } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";

const CHUNK = 1 << 20;

/**
 * Reads a text file in 1 MiB chunks and yields the complete lines of each chunk as one array (one
 * await per chunk, not per line, so the JSON.parse ceiling is not understated by iteration overhead).
 * Empty lines are skipped; a line or a UTF-8 character split across chunks is joined (StringDecoder
 * keeps an incomplete character for the next chunk).
 *
 * @example
 * import { writeFile } from "node:fs/promises";
 * import { readLineBatches } from "@coop-ledger/bench";
 * await writeFile("batches.jsonl", '{"a":1}\n{"a":2}\n{"a":3}\n');
 * let sum = 0;
 * for await (const lines of readLineBatches("batches.jsonl")) for (const l of lines) sum += JSON.parse(l).a;
 * console.log(sum); // 6
 */
export async function* readLineBatches(path: string): AsyncGenerator<ReadonlyArray<string>, void, undefined> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    const decoder = new StringDecoder("utf8");
    let carry = "";
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      const parts = (carry + decoder.write(buffer.subarray(0, bytesRead))).split("\n");
      carry = parts.pop() ?? "";
      const lines = parts.filter((p) => p.length > 0);
      if (lines.length > 0) yield lines;
    }
    carry += decoder.end();
    if (carry.length > 0) yield [carry];
  } finally {
    await handle.close();
  }
}

/**
 * Reads a text file line by line (see {@link readLineBatches}).
 *
 * @example
 * import { writeFile } from "node:fs/promises";
 * import { readLines } from "@coop-ledger/bench";
 * await writeFile("lines.jsonl", "one\nthree\n");
 * for await (const line of readLines("lines.jsonl")) console.log(line.length); // 3, then 5
 */
export async function* readLines(path: string): AsyncGenerator<string, void, undefined> {
  for await (const batch of readLineBatches(path)) yield* batch;
}
