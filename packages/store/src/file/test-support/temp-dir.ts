import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A fresh temporary directory and its removal, for file-ledger tests. */
export const tempDir = async (): Promise<{ dir: string; remove: () => Promise<void> }> => {
  const dir = await mkdtemp(join(tmpdir(), "coop-ledger-"));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
};
