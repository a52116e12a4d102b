import type { Instant } from "@coop-ledger/domain";
import { headerLine } from "./ledger-format.js";
import { replaceFile } from "./replace-file.js";

/**
 * Creates a new, empty ledger (its header line only) atomically with {@link replaceFile} without
 * overwriting: the header is written and fsynced in a temporary file, then hard-linked into place (which
 * fails if a file is already there, so an existing ledger is never replaced), and the directory is
 * fsynced. A crash leaves either no ledger or a whole one.
 *
 * @example
 * import { readFile } from "node:fs/promises";
 * import type { Instant } from "@coop-ledger/domain";
 * await createLedgerFile("created.jsonl", "2026-01-01T00:00:00.000Z" as Instant);
 * console.log((await readFile("created.jsonl", "utf8")).split("\n").length); // 2 (the header line and its newline)
 * const again = await createLedgerFile("created.jsonl", "2026-01-02T00:00:00.000Z" as Instant).catch((e) => e.code);
 * console.log(again); // "EEXIST" (an existing ledger is never replaced)
 */
export const createLedgerFile = async (path: string, createdAt: Instant): Promise<void> => {
  await replaceFile(path, `${headerLine(createdAt).line}\n`, { overwrite: false });
};
