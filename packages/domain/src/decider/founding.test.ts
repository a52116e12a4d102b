import { describe, expect, it } from "vitest";
import { given } from "../spec/given.js";
import { cmd, event, found, founded } from "./test-support/fixtures.js";

const foundOn = (effectiveDate: string, foundingMembers: number, form = "cooperative") =>
  given([]).when(found({ effectiveDate, foundingMembers, form }));

describe("founding (thành lập) — minimum founders by the law in force on the effective date", () => {
  it("co-op: ≥ 7 under Law 23/2012/QH13 (2013-07-01 … 2024-06-30), ≥ 5 under Law 17/2023/QH15", () => {
    foundOn("2013-07-01", 6).thenError("BelowMinimumFounders");
    foundOn("2013-07-01", 7).thenAccepted();
    foundOn("2024-06-30", 6).thenError("BelowMinimumFounders");
    foundOn("2024-07-01", 5).thenAccepted();
    foundOn("2024-07-01", 4).thenError("BelowMinimumFounders");
  });

  it("union: ≥ 4 co-ops (2012) / ≥ 3 (2023); group: ≥ 2", () => {
    foundOn("2020-01-01", 3, "union").thenError("BelowMinimumFounders");
    foundOn("2020-01-01", 4, "union").thenAccepted();
    foundOn("2024-07-01", 3, "union").thenAccepted();
    foundOn("2024-07-01", 2, "union").thenError("BelowMinimumFounders");
    foundOn("2020-01-01", 1, "group").thenError("BelowMinimumFounders");
    foundOn("2020-01-01", 2, "group").thenAccepted();
  });

  it("names the law and article in the refusal", () => {
    foundOn("2020-01-01", 6).thenError("BelowMinimumFounders", (e) => {
      expect(e).toMatchObject({ regime: "2012", required: 7, actual: 6, action: "FoundCoop" });
      expect(e.message).toMatch(/23\/2012\/QH13 art\. 3\(1\)/);
    });
    foundOn("2025-01-01", 4).thenError("BelowMinimumFounders", (e) =>
      expect(e.message).toMatch(/17\/2023\/QH15 art\. 4\(7\)/),
    );
  });

  it("accepts a 2003-era founding below the later minimum, with a warning (the rule came later)", () => {
    foundOn("2013-06-30", 3).thenWarnings([
      { _tag: "LaterRuleNotApplied", inForceFrom: "2013-07-01" } as never,
    ]);
    foundOn("2013-06-30", 9).thenWarnings([]);
  });

  it("records origin new; a second founding on the stream is refused", () => {
    given([]).when(found()).then([founded()]);
    given([founded()]).when(found()).thenError("CoopAlreadyExists");
  });

  it("registers a pre-existing co-op under the law it operates under; not a law not yet in force", () => {
    const { coopId, effectiveDate: _, ...base } = { ...found().data, foundingMembers: 3 };
    given([])
      .when(
        cmd("RegisterExistingCoop", {
          coopId,
          ...base,
          effectiveDate: "2014-01-01",
          lawRegime: "2003",
          originallyFoundedOn: "1998-05-01",
        }),
      )
      .then([
        event("CoopFounded", {
          coopId,
          ...base,
          effectiveDate: "2014-01-01",
          origin: { kind: "preExisting", lawRegime: "2003", originallyFoundedOn: "1998-05-01" },
        }),
      ]);
    given([])
      .when(cmd("RegisterExistingCoop", { coopId, ...base, effectiveDate: "2020-01-01", lawRegime: "2023" }))
      .thenError("LawNotInForce");
    given([])
      .when(
        cmd("RegisterExistingCoop", {
          coopId,
          ...base,
          effectiveDate: "2014-01-01",
          lawRegime: "2012",
          originallyFoundedOn: "2015-01-01",
        }),
      )
      .thenError("EffectiveDateBeforeStart");
  });

  it("founds by conversion only when the form changes", () => {
    const base = { ...found().data, coopId: "htx-9" };
    given([])
      .when(cmd("FoundCoopByConversion", { ...base, fromCoopId: "tht-1", fromForm: "group" }))
      .thenEvents((events) =>
        expect(events.map((e) => e.data)).toMatchObject([
          { coopId: "htx-9", origin: { kind: "conversion", fromCoopId: "tht-1", fromForm: "group" } },
        ]),
      );
    given([])
      .when(cmd("FoundCoopByConversion", { ...base, fromCoopId: "tht-1", fromForm: "cooperative" }))
      .thenError("SameForm");
  });

  it("the founding's regime follows its date: a 2010 co-op is under the 2003 law, a 2019 one under 2012", () => {
    const old = given([founded({ effectiveDate: "2010-05-01" })]).state;
    expect(old._tag === "Coop" && old.lawRegime).toBe("2003");
    const recent = given([founded()]).state;
    expect(recent._tag === "Coop" && recent.lawRegime).toBe("2012");
  });
});

describe("locations use the gazetteer in force on the effective date", () => {
  const at = (effectiveDate: string, gazetteer: string, provinceCode: string) =>
    given([]).when(found({ effectiveDate, location: { gazetteer, provinceCode } }));

  it("before 2025-07-01 the 63-province list, from then on the 34", () => {
    at("2025-06-30", "2008-08-01", "60").thenAccepted();
    at("2025-07-01", "2008-08-01", "60").thenError("WrongGazetteer", {
      expected: "2025-07-01",
      field: "location",
    } as never);
    at("2025-07-01", "2025-07-01", "68").thenAccepted();
    at("2025-06-30", "2025-07-01", "68").thenError("WrongGazetteer");
  });

  it("refuses a province code unknown in its gazetteer (old Bắc Ninh 27 after 2025; 03 never)", () => {
    at("2020-01-01", "2008-08-01", "27").thenAccepted();
    at("2025-08-01", "2025-07-01", "27").thenError("UnknownProvince");
    at("2019-03-01", "2008-08-01", "03").thenError("UnknownProvince");
  });
});
