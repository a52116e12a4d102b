import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { districtGazetteer, parseDistrictGazetteer } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { generateLedger } from "./generate-ledger.js";
import { genProvince, genProvinces } from "./geography.js";

// The reference file, read at test time as an independent check of the shipped list.
const GEO_DIR =
  process.env.COOP_LEDGER_GEO_DIR || fileURLToPath(new URL("../../../../shared/geo", import.meta.url));
const FILE = join(GEO_DIR, "gazetteer-2025-03-01-provinces-districts.json");
const gazetteer = existsSync(FILE)
  ? E.getOrElseW(() => undefined)(parseDistrictGazetteer(readFileSync(FILE, "utf8")))
  : undefined;
const WITH =
  "the GSO district list read from the reference file gives the same events as the shipped default";
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

  it("by default every 2008 location's district is a district of its province in the shipped list", () => {
    const shipped = districtGazetteer();
    expect(genProvinces().reduce((n, p) => n + p.districts.length, 0)).toBe(shipped.districts.length);
    const locs = locations(generateLedger({ preset: "province", seed: 5, to: "2014-12-31" })).filter(
      (l) => l.gazetteer === "2008-08-01",
    );
    expect(locs.length).toBeGreaterThan(0);
    for (const l of locs) expect(shipped.hasDistrict(l.provinceCode ?? "", l.districtCode ?? "")).toBe(true);
  });

  it.skipIf(gazetteer === undefined)(WITH, () => {
    if (gazetteer === undefined) return;
    const opts = { preset: "province", seed: 5, to: "2014-12-31" } as const;
    expect([...generateLedger({ ...opts, districts: gazetteer })]).toEqual([...generateLedger(opts)]);
  });
});
