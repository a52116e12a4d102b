import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDistrictGazetteer } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { generateLedger } from "./generate-ledger.js";
import { genProvince, genProvinces } from "./geography.js";

// Reference data is read at test time, never copied into the project (project brief).
const GEO_DIR =
  process.env.COOP_LEDGER_GEO_DIR || fileURLToPath(new URL("../../../../shared/geo", import.meta.url));
const FILE = join(GEO_DIR, "gazetteer-2025-03-01-provinces-districts.json");
const gazetteer = existsSync(FILE)
  ? E.getOrElseW(() => undefined)(parseDistrictGazetteer(readFileSync(FILE, "utf8")))
  : undefined;
const WITH = "with the GSO district list, every 2008 location's district is a district of its province";
if (gazetteer === undefined)
  console.warn(`SKIPPED "generator geography > ${WITH}": no valid district gazetteer at ${FILE}`);

const locations = (events: Iterable<{ event: unknown }>) =>
  [...events].flatMap((e) => {
    const d = (e.event as { data?: { location?: Record<string, string> } }).data?.location;
    return d === undefined ? [] : [d];
  });

describe("generator geography", () => {
  it("province facts come from the domain: 63 provinces in code order, short names, 2025 successors", () => {
    const all = genProvinces();
    expect(all).toHaveLength(63);
    expect(all.map((p) => p.code)).toEqual([...all.map((p) => p.code)].sort());
    expect(genProvince("60")).toMatchObject({
      name: "Bình Thuận",
      successorCode: "68",
      successorName: "Lâm Đồng",
    });
  });

  it("without districts, generated locations carry no district code and the history is still valid", () => {
    const locs = locations(generateLedger({ preset: "province", seed: 5, to: "2014-12-31" }));
    expect(locs.length).toBeGreaterThan(0);
    for (const l of locs) expect(l.districtCode).toBeUndefined();
  });

  it.skipIf(gazetteer === undefined)(WITH, () => {
    if (gazetteer === undefined) return;
    expect(genProvinces(gazetteer).reduce((n, p) => n + p.districts.length, 0)).toBe(
      gazetteer.districts.length,
    );
    const locs = locations(
      generateLedger({ preset: "province", seed: 5, to: "2014-12-31", districts: gazetteer }),
    ).filter((l) => l.gazetteer === "2008-08-01");
    expect(locs.length).toBeGreaterThan(0);
    for (const l of locs)
      expect(gazetteer.hasDistrict(l.provinceCode ?? "", l.districtCode ?? "")).toBe(true);
  });
});
