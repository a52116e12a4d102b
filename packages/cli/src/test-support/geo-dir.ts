import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type DistrictGazetteer, parseDistrictGazetteer } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import { DISTRICT_GAZETTEER_FILE, GEO_DIR_ENV } from "../engine/geo-dir.js";
import { REPO_ROOT } from "./run-bin.js";

/** The reference-data directory the tests read: `$COOP_LEDGER_GEO_DIR`, else `../shared/geo` beside the repo. */
export const TEST_GEO_DIR = process.env[GEO_DIR_ENV] || join(REPO_ROOT, "../shared/geo");

/**
 * The district gazetteer for tests that regenerate committed ledgers, or `undefined` when the reference
 * data is absent (the caller skips, loudly).
 *
 * @example const districts = testDistricts(); // DistrictGazetteer | undefined
 */
export const testDistricts = (): DistrictGazetteer | undefined => {
  const path = join(TEST_GEO_DIR, DISTRICT_GAZETTEER_FILE);
  if (!existsSync(path)) return undefined;
  const parsed = parseDistrictGazetteer(readFileSync(path, "utf8"));
  if (E.isLeft(parsed)) throw new Error(`${path}: not a valid district gazetteer (${parsed.left._tag})`);
  return parsed.right;
};
