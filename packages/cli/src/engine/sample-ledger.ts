import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PACKAGE_ROOT } from "../package-root.js";

/**
 * The bundled sample ledger's path inside the repository.
 * @example
 * SAMPLE_LEDGER.endsWith("province-60.jsonl") // true (Bình Thuận, GSO code 60)
 */
export const SAMPLE_LEDGER = "examples/sample-ledgers/province-60.jsonl";

/** The sample ledger's path inside the published package (copied there by the package's `prepack`). */
const PACKED_SAMPLE_LEDGER = "sample-ledgers/province-60.jsonl";

/**
 * Finds the bundled sample ledger: inside the installed package (`sample-ledgers/`, beside `dist/`),
 * else relative to this package inside the repository (`packages/cli`), else
 * relative to the working directory.
 *
 * @example defaultSampleLedger(process.cwd()).endsWith("/examples/sample-ledgers/province-60.jsonl") // true (e.g. "/repo/examples/sample-ledgers/province-60.jsonl" in the repository)
 */
export const defaultSampleLedger = (cwd: string): string => {
  const packed = fileURLToPath(new URL(PACKED_SAMPLE_LEDGER, PACKAGE_ROOT));
  if (existsSync(packed)) return packed;
  const fromRepo = fileURLToPath(new URL(`../../${SAMPLE_LEDGER}`, PACKAGE_ROOT));
  return existsSync(fromRepo) ? fromRepo : join(cwd, SAMPLE_LEDGER);
};
