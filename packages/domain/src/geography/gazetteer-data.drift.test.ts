import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { communeOriginsOf } from "./commune-origin.js";
import { parseCommuneTransfers } from "./commune-transfers.js";
import { parseCommunes } from "./communes.js";
import { parseDistrictGazetteer } from "./district-gazetteer.js";
import {
  communeGazetteer,
  communeTransfers,
  districtGazetteer,
  GAZETTEER_SOURCES,
  shippedCommuneOrigins,
} from "./gazetteer.js";
import { GEO_DIR, GEO_FILES, readGeo, withGeoFiles } from "./test-support/geo-files.js";

// The shipped gazetteer against the GSO reference files, read independently: the derivation script
// re-run on them gives the committed module byte for byte, and the shipped lookups hold exactly what
// the domain's own parsers read from the files.

const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(`parse failed: ${JSON.stringify(e.left)}`);
  return e.right;
};
const SCRIPT = fileURLToPath(new URL("../../../../scripts/derive-gazetteer.mjs", import.meta.url));
const GENERATED = fileURLToPath(new URL("./gazetteer-data.generated.ts", import.meta.url));

describe("shipped gazetteer = GSO reference files (drift test)", () => {
  withGeoFiles(["districts", "communes", "transfers"], () => {
    it("re-deriving from the reference files gives the committed generated module, byte for byte", () => {
      const derived = execFileSync(process.execPath, [SCRIPT, "--stdout", GEO_DIR], { encoding: "utf8" });
      // If this fails: run `node scripts/derive-gazetteer.mjs` and commit the result.
      expect(derived === readFileSync(GENERATED, "utf8")).toBe(true);
    });

    it("records each source file's SHA-256 and size", () => {
      for (const s of GAZETTEER_SOURCES.files) {
        const bytes = readFileSync(join(GEO_DIR, s.file));
        expect([s.file, s.bytes, s.sha256]).toEqual([
          s.file,
          bytes.length,
          createHash("sha256").update(bytes).digest("hex"),
        ]);
      }
    });

    it("districts: same list, order and record date as parseDistrictGazetteer on the file", () => {
      const parsed = right(parseDistrictGazetteer(readGeo("districts")));
      expect(districtGazetteer().districts).toEqual(parsed.districts);
      expect(districtGazetteer().asRecordedOn).toBe(parsed.asRecordedOn);
    });

    it("communes 2008-08-01: same list and order as parseCommunes on the file", () => {
      const parsed = right(parseCommunes(readGeo("communes")));
      expect(communeGazetteer().communes).toEqual(parsed.communes);
    });

    it("communes 2025-07-01 and the transfer table: same as parseCommuneTransfers on the file", () => {
      const parsed = right(parseCommuneTransfers(readGeo("transfers")));
      expect(communeTransfers().transfers).toEqual(parsed.transfers);
      expect(communeTransfers().communes).toEqual(parsed.communes);
    });

    it("commune origins: the shipped lookup agrees with one built from the files for every 2025 commune", () => {
      const d = right(parseDistrictGazetteer(readGeo("districts")));
      const c = right(parseCommunes(readGeo("communes")));
      const t = right(parseCommuneTransfers(readGeo("transfers")));
      const fromFiles = communeOriginsOf(t, (code, level) =>
        level === "commune" ? c.commune(code)?.provinceCode : d.provinceOfDistrict(code),
      );
      const codes = t.communes.map((n) => n.code);
      expect(codes.map(shippedCommuneOrigins)).toEqual(codes.map(fromFiles));
      expect(codes.filter((k) => shippedCommuneOrigins(k) === undefined)).toEqual([]);
    });
  });
  it("names the files it compares", () => {
    expect(GAZETTEER_SOURCES.files.map((f) => f.file).sort()).toEqual(
      [GEO_FILES.districts, GEO_FILES.communes, GEO_FILES.transfers].sort(),
    );
  });
});
