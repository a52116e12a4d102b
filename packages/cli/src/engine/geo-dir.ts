import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type DistrictGazetteer, parseDistrictGazetteer } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import type { CliError } from "../errors/cli-error.js";

/** The GSO district list (63 provinces, 696 districts as recorded on 2025-03-01) inside a geo dir. */
export const DISTRICT_GAZETTEER_FILE = "gazetteer-2025-03-01-provinces-districts.json";

/** Environment variable naming the reference-data directory when `--geo-dir` is not given. */
export const GEO_DIR_ENV = "COOP_LEDGER_GEO_DIR";

/**
 * The reference-data directory to use: `--geo-dir`, else `$COOP_LEDGER_GEO_DIR`, else `../shared/geo`
 * beside the repository (found from this file: the bin runs from `packages/cli/dist`) when it exists;
 * `undefined` when none is found. The reference data is read at run time, never copied into the project.
 *
 * @example locateGeoDir(undefined, process.env) // "/work/shared/geo" when the repo is /work/main
 */
export const locateGeoDir = (
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined => {
  if (flag !== undefined && flag !== "") return flag;
  const fromEnv = env[GEO_DIR_ENV];
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  const beside = fileURLToPath(new URL("../../../../../shared/geo", import.meta.url));
  return existsSync(beside) ? beside : undefined;
};

/**
 * Reads and parses the district gazetteer from a geo dir with the domain's parser.
 *
 * @example const g = loadDistricts("/work/shared/geo"); // Right(DistrictGazetteer)
 */
export const loadDistricts = (geoDir: string): E.Either<CliError, DistrictGazetteer> => {
  const path = join(geoDir, DISTRICT_GAZETTEER_FILE);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    return E.left({
      _tag: "FileError",
      path,
      message: `${path}: cannot read the district gazetteer`,
      hint: `point --geo-dir (or ${GEO_DIR_ENV}) at the directory holding ${DISTRICT_GAZETTEER_FILE}`,
      cause,
    });
  }
  return E.mapLeft(
    (e: { readonly _tag: string }): CliError => ({
      _tag: "FileError",
      path,
      message: `${path}: not a valid district gazetteer (${e._tag})`,
      hint: "use the GSO list from the shared reference data, unmodified",
      cause: e,
    }),
  )(parseDistrictGazetteer(text));
};
