import { link, open, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import type { Instant } from "@coop-ledger/domain";
import { headerLine } from "./ledger-format.js";

/**
 * Creates a new, empty ledger (its header line only) atomically: the header is written and fsynced in a
 * temporary file, then hard-linked into place (which fails if a file is already there, so an existing
 * ledger is never replaced), and the directory is fsynced. A crash leaves either no ledger or a whole one.
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
  const tmp = `${path}.${process.pid}.${Date.now()}.creating`;
  const fh = await open(tmp, "wx", 0o644);
  try {
    await fh.writeFile(`${headerLine(createdAt).line}\n`);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await link(tmp, path);
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
  const dir = await open(dirname(path), "r");
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
};
