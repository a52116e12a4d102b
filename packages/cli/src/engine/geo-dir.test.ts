import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { DISTRICT_GAZETTEER_FILE, loadDistricts, locateGeoDir } from "./geo-dir.js";

describe("locateGeoDir / loadDistricts", () => {
  it("--geo-dir wins over COOP_LEDGER_GEO_DIR, which wins over the default beside the repo", () => {
    expect(locateGeoDir("/a", { COOP_LEDGER_GEO_DIR: "/b" })).toBe("/a");
    expect(locateGeoDir(undefined, { COOP_LEDGER_GEO_DIR: "/b" })).toBe("/b");
    const fallback = locateGeoDir(undefined, {});
    if (fallback !== undefined) expect(fallback).toMatch(/shared[/\\]geo$/);
  });

  it("a geo dir without the district list, or with a broken one, is a FileError naming the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "geo-"));
    const missing = loadDistricts(dir);
    expect(E.isLeft(missing) && missing.left._tag === "FileError" && missing.left.message).toContain(
      DISTRICT_GAZETTEER_FILE,
    );
    writeFileSync(join(dir, DISTRICT_GAZETTEER_FILE), "{ not json");
    const broken = loadDistricts(dir);
    expect(E.isLeft(broken) && broken.left.message).toMatch(/not a valid district gazetteer/);
  });
});
