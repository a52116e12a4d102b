import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { it } from "vitest";

/**
 * Where the gazetteer reference files live: `COOP_LEDGER_GEO_DIR`, or `${repoRoot}/../shared/geo`.
 * Test support only (never built nor published).
 */
export const GEO_DIR =
  process.env.COOP_LEDGER_GEO_DIR ?? fileURLToPath(new URL("../../../../../../shared/geo/", import.meta.url));

/** The reference files of /work/shared/geo. */
export const GEO_FILES = {
  districts: "gazetteer-2025-03-01-provinces-districts.json",
  provinces2025: "gazetteer-2025-07-01-provinces.json",
  communes: "communes-2025-03-01.csv",
  transfers: "communes-2025-07-01-from-old.csv",
} as const;
export type GeoFile = keyof typeof GEO_FILES;

const cache = new Map<GeoFile, string>();

/** Reads a reference file (cached: the commune files are ~1 MB and several suites read them). */
export const readGeo = (f: GeoFile): string => {
  let text = cache.get(f);
  if (text === undefined) {
    text = readFileSync(join(GEO_DIR, GEO_FILES[f]), "utf8");
    cache.set(f, text);
  }
  return text;
};

/**
 * Runs `body` (which declares tests) when every file is present; otherwise warns LOUDLY and declares
 * one skipped test naming the missing paths, so a missing data directory never passes silently.
 */
export const withGeoFiles = (files: ReadonlyArray<GeoFile>, body: () => void): void => {
  const missing = files.map((f) => join(GEO_DIR, GEO_FILES[f])).filter((p) => !existsSync(p));
  if (missing.length > 0) {
    console.warn(
      `\n[coop-ledger/domain] SKIPPING gazetteer-file tests: missing ${missing.join(", ")}. ` +
        "Set COOP_LEDGER_GEO_DIR to the directory holding the /work/shared/geo files.\n",
    );
    it.skip(`gazetteer files missing: ${missing.join(", ")}`, () => {});
    return;
  }
  body();
};
