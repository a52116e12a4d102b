import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The bundled sample ledger's path inside the repository. */
export const SAMPLE_LEDGER = "examples/sample-ledgers/province-60.jsonl";

/**
 * Finds the bundled sample ledger: relative to this package inside the repository (the bin runs from
 * `packages/cli/dist`), else relative to the working directory.
 *
 * @example defaultSampleLedger(process.cwd()) // "/repo/examples/sample-ledgers/province-60.jsonl"
 */
export const defaultSampleLedger = (cwd: string): string => {
  const fromPackage = fileURLToPath(new URL(`../../../../${SAMPLE_LEDGER}`, import.meta.url));
  return existsSync(fromPackage) ? fromPackage : join(cwd, SAMPLE_LEDGER);
};
