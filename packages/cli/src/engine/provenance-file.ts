import { closeSync, fstatSync, openSync } from "node:fs";
import { encodeIndexImage, openIndexImage, ProvenanceTable } from "@coop-ledger/projections";
import { guardedSource, readAt, writeCacheFile } from "./cache-file.js";

/**
 * Where the provenance table of a ledger lives: beside its index, `<ledger>.prov` (a cache, like the
 * index: deleting it changes no answer, `explain` then re-folds the streams).
 * @example provenancePathOf("l.jsonl") // "l.jsonl.prov"
 */
export const provenancePathOf = (ledgerPath: string): string => `${ledgerPath}.prov`;

/** The ledger prefix a provenance table describes (the same identity as the index's). */
export interface ProvenanceCovers {
  readonly headerHash: string;
  /** Ledger positions described (0 … events − 1). */
  readonly events: number;
  /** Stored hash of the last event described (empty when none). */
  readonly lastHash: string;
}

/**
 * The provenance model's version: a table written under another one is not read (it is rebuilt with
 * the index). Raise it when what an entry means changes (see docs/index-format.md, "Provenance").
 */
const PROVENANCE_VERSION = 1;

interface Extra {
  readonly kind: "coop-ledger-provenance";
  readonly version: number;
  readonly ledger: ProvenanceCovers;
  readonly types: ReadonlyArray<string>;
}

const isExtra = (x: unknown): x is Extra =>
  typeof x === "object" &&
  x !== null &&
  (x as Extra).kind === "coop-ledger-provenance" &&
  (x as Extra).version === PROVENANCE_VERSION &&
  typeof (x as Extra).ledger?.headerHash === "string" &&
  typeof (x as Extra).ledger?.events === "number" &&
  typeof (x as Extra).ledger?.lastHash === "string" &&
  Array.isArray((x as Extra).types) &&
  (x as Extra).types.every((t) => typeof t === "string");

/**
 * Opens a provenance file by its headers (the rest is read, block-checked, when a query needs it; a
 * damaged block throws `DamagedIndexFile`, see {@link guardedSource}, and the command runs again
 * without the caches). Undefined when the file is missing, damaged in its headers or of another format: `explain` then
 * re-folds the streams.
 *
 * @example const p = readProvenanceFile("l.jsonl.prov"); p?.covers.events
 */
export const readProvenanceFile = (
  path: string,
): { readonly table: ProvenanceTable; readonly covers: ProvenanceCovers } | undefined => {
  let fd: number;
  let size: number;
  try {
    fd = openSync(path, "r");
    size = fstatSync(fd).size;
  } catch {
    return undefined;
  }
  const opened = openIndexImage((p, n, into) => readAt(fd, p, n, into), size);
  if (opened._tag === "Left" || !isExtra(opened.right.extra)) {
    closeSync(fd);
    return undefined;
  }
  const extra = opened.right.extra;
  const table = ProvenanceTable.fromImage(guardedSource(path, opened.right.source), extra.types);
  if (table.covered !== extra.ledger.events) {
    closeSync(fd);
    return undefined;
  }
  return { table, covers: extra.ledger };
};

/**
 * Writes a provenance file safely (temporary file, flushed, renamed over the old one). False when it
 * could not be written (a read-only directory): it is a cache, the command goes on without it.
 *
 * @example
 * const events = asRecorded(generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }));
 * const index = buildIndex(events);
 * const table = ProvenanceTable.build(index.size, index.streamIds(), (id) => index.streamEvents(id));
 * // The ledger prefix it describes is read from the ledger file; made up here.
 * const covers = { headerHash: "a1".repeat(32), events: events.length, lastHash: "0d".repeat(32) };
 * console.log(await writeProvenanceFile("year.jsonl.prov", table, covers)); // true
 * console.log(readProvenanceFile("year.jsonl.prov")?.covers.events); // 525
 */
export const writeProvenanceFile = (
  path: string,
  table: ProvenanceTable,
  covers: ProvenanceCovers,
): Promise<boolean> => {
  const extra: Extra = {
    kind: "coop-ledger-provenance",
    version: PROVENANCE_VERSION,
    ledger: covers,
    types: table.types,
  };
  return writeCacheFile(path, encodeIndexImage(table.toImage(), extra));
};
