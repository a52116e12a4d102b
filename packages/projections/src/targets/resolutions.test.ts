import { existsSync, readFileSync } from "node:fs";
import type { ProvinceCode } from "@coop-ledger/domain";
import { isLeft, isRight } from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { findResolution, RESOLUTIONS } from "./bundled-resolutions.js";
import { decodeResolution, Resolution, withProvince } from "./resolution.js";
import { resolution000Json } from "./resolutions/resolution-000.js";
import { resolution001Json } from "./resolutions/resolution-001.js";
import { resolution002Json } from "./resolutions/resolution-002.js";
import { BAC_KAN, resolution004, resolution004Json } from "./resolutions/resolution-004.js";

/** The Vietnamese source texts; override with COOP_LEDGER_SOURCES when the checkout lives elsewhere. */
const SOURCES = process.env.COOP_LEDGER_SOURCES ?? "/work/shared/domain/sources";
const all = [...RESOLUTIONS.values()];

describe("bundled resolutions", () => {
  it("are the five seeds of the brief, by id", () => {
    expect([...RESOLUTIONS.keys()].sort()).toEqual(["000", "001", "002", "003", "004"]);
    expect(isLeft(findResolution("009"))).toBe(true);
  });

  it("decode from their JSON form and encode back to it", () => {
    for (const json of [resolution000Json, resolution001Json, resolution002Json, resolution004Json()]) {
      const decoded = decodeResolution(JSON.parse(JSON.stringify(json)));
      expect(isRight(decoded)).toBe(true);
      if (isRight(decoded)) expect(Resolution.encode(decoded.right)).toEqual(json);
    }
  });

  it("give every target a unique id", () => {
    for (const r of all) {
      const ids = [...r.baseline, ...r.targets].map((t) => t.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id.startsWith(`${r.id}.`)).toBe(true);
    }
  });

  it("keep the targets the brief lists", () => {
    const ids = (id: string) => RESOLUTIONS.get(id)?.targets.map((t) => t.id) ?? [];
    expect(ids("004")).toEqual([
      "004.unions",
      "004.coops",
      "004.agriculturalShare",
      "004.fairOrGoodShare",
      "004.memberIncome",
      "004.membersPerCoop",
      "004.farmHouseholdShare",
    ]);
    expect(ids("000")).toHaveLength(18);
    expect(ids("001")).toContain("001.fundCapital");
    expect(ids("002")).toContain("002.newCoops2019");
  });

  it.skipIf(!existsSync(SOURCES))("quote their source texts verbatim", () => {
    for (const r of all) {
      const text = readFileSync(`${SOURCES}/${r.sourceFile}`, "utf8");
      for (const t of [...r.baseline, ...r.targets]) {
        expect(t.source.file).toBe(r.sourceFile);
        expect(text.includes(t.source.quote), `${t.id}: «${t.source.quote}»`).toBe(true);
      }
    }
  });

  it("are all documented in docs/resolutions.md, target by target", () => {
    const doc = readFileSync(new URL("../../../../docs/resolutions.md", import.meta.url), "utf8");
    for (const r of all)
      for (const t of [...r.baseline, ...r.targets]) expect(doc, t.id).toContain(`\`${t.id}\``);
  });

  it("state resolution 004's thresholds exactly (counts, basis points, VND)", () => {
    const th = Object.fromEntries(
      resolution004().targets.map((t) => [
        t.id,
        t.measure.kind === "indicator" ? t.measure.threshold : undefined,
      ]),
    );
    expect(th["004.unions"]).toEqual({ unit: "count", value: 2 });
    expect(th["004.coops"]).toEqual({ unit: "count", value: 350 });
    expect(th["004.agriculturalShare"]).toEqual({ unit: "basisPoints", value: 7000, tolerance: 500 });
    expect(th["004.fairOrGoodShare"]).toEqual({ unit: "basisPoints", value: 7500 });
    expect(th["004.memberIncome"]).toEqual({ unit: "vnd", value: 6_000_000 });
    expect(th["004.membersPerCoop"]).toEqual({ unit: "count", value: 15 });
    expect(th["004.farmHouseholdShare"]).toEqual({ unit: "basisPoints", value: 2000 });
  });
});

describe("the province of resolution 004", () => {
  it("defaults to Bắc Kạn (06) and is a parameter", () => {
    expect(resolution004().province).toEqual(BAC_KAN);
    const binhThuan = { code: "60" as ProvinceCode, gazetteer: "2008-08-01" as const };
    expect(resolution004(binhThuan).province).toEqual(binhThuan);
    expect(withProvince(resolution004(), binhThuan)).toEqual(resolution004(binhThuan));
  });
});

describe("decodeResolution", () => {
  it("returns a typed error on invalid input instead of throwing", () => {
    for (const input of [null, 42, "x", {}, [], { ...resolution004Json(), adoptedOn: "2021-02-30" }]) {
      const r = decodeResolution(input);
      expect(isLeft(r)).toBe(true);
      if (isLeft(r)) expect(r.left._tag).toBe("ResolutionDecodeError");
    }
  });

  it("rejects an 'about' (~) target without a tolerance", () => {
    const json = resolution004Json();
    const broken = {
      ...json,
      targets: json.targets.map((t) =>
        t.measure.kind === "indicator" && t.measure.comparator === "~"
          ? { ...t, measure: { ...t.measure, threshold: { unit: "basisPoints", value: 7000 } } }
          : t,
      ),
    };
    expect(isLeft(decodeResolution(broken))).toBe(true);
  });
});
