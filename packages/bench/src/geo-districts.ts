import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type DistrictGazetteer, parseDistrictGazetteer } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";

/** The GSO district list the generator takes its district codes from (read at run time, never copied). */
const DISTRICT_GAZETTEER_FILE = "gazetteer-2025-03-01-provinces-districts.json";

let cached: { readonly districts: DistrictGazetteer | undefined } | undefined;

/**
 * The district gazetteer for generated datasets: from `$COOP_LEDGER_GEO_DIR`, else `../shared/geo`
 * beside the repository, parsed by the domain's parser; `undefined` (with a one-line warning on stderr)
 * when neither exists, so datasets still generate but without district codes.
 *
 * @example benchDistricts()?.districts.length // 696 when ../shared/geo is there
 */
export const benchDistricts = (): DistrictGazetteer | undefined => {
  if (cached !== undefined) return cached.districts;
  const fromEnv = process.env.COOP_LEDGER_GEO_DIR;
  const dir =
    fromEnv !== undefined && fromEnv !== ""
      ? fromEnv
      : fileURLToPath(new URL("../../../../shared/geo", import.meta.url));
  const path = join(dir, DISTRICT_GAZETTEER_FILE);
  if (!existsSync(path)) {
    process.stderr.write(`warning: ${path} not found: generated datasets carry no district codes\n`);
    cached = { districts: undefined };
    return undefined;
  }
  const parsed = parseDistrictGazetteer(readFileSync(path, "utf8"));
  if (E.isLeft(parsed)) throw new Error(`${path}: not a valid district gazetteer (${parsed.left._tag})`);
  cached = { districts: parsed.right };
  return parsed.right;
};

/**
 * `{ districts }` for `generateLedger` options when the gazetteer is available, else `{}`.
 *
 * @example generateLedger({ preset: "national", seed: 7, ...districtsOption() })
 */
export const districtsOption = (): { readonly districts?: DistrictGazetteer } => {
  const districts = benchDistricts();
  return districts === undefined ? {} : { districts };
};
