import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { decide, decideWithWarnings } from "./ledger-decider.js";
import { initialState } from "./stream-state.js";
import { cmd, found, given, outcome, refusal } from "./test-support/fixtures.js";

const foundOn = (effectiveDate: string, foundingMembers: number, form = "cooperative") =>
  decideWithWarnings(found({ effectiveDate, foundingMembers, form }), initialState);

describe("founding (thành lập) — minimum founders by the law in force on the effective date", () => {
  it("co-op: ≥ 7 under Law 23/2012/QH13 (2013-07-01 … 2024-06-30), ≥ 5 under Law 17/2023/QH15", () => {
    expect(outcome(foundOn("2013-07-01", 6))).toBe("BelowMinimumFounders");
    expect(outcome(foundOn("2013-07-01", 7))).toBe("accepted");
    expect(outcome(foundOn("2024-06-30", 6))).toBe("BelowMinimumFounders");
    expect(outcome(foundOn("2024-07-01", 5))).toBe("accepted");
    expect(outcome(foundOn("2024-07-01", 4))).toBe("BelowMinimumFounders");
  });

  it("union: ≥ 4 co-ops (2012) / ≥ 3 (2023); group: ≥ 2", () => {
    expect(outcome(foundOn("2020-01-01", 3, "union"))).toBe("BelowMinimumFounders");
    expect(outcome(foundOn("2020-01-01", 4, "union"))).toBe("accepted");
    expect(outcome(foundOn("2024-07-01", 3, "union"))).toBe("accepted");
    expect(outcome(foundOn("2024-07-01", 2, "union"))).toBe("BelowMinimumFounders");
    expect(outcome(foundOn("2020-01-01", 1, "group"))).toBe("BelowMinimumFounders");
    expect(outcome(foundOn("2020-01-01", 2, "group"))).toBe("accepted");
  });

  it("names the law and article in the refusal", () => {
    const e = refusal(foundOn("2020-01-01", 6));
    expect(e).toMatchObject({
      _tag: "BelowMinimumFounders",
      regime: "2012",
      required: 7,
      actual: 6,
      action: "FoundCoop",
    });
    expect(e.message).toMatch(/23\/2012\/QH13 art\. 3\(1\)/);
    expect(refusal(foundOn("2025-01-01", 4)).message).toMatch(/17\/2023\/QH15 art\. 4\(7\)/);
  });

  it("accepts a 2003-era founding below the later minimum, with a warning (the rule came later)", () => {
    const r = foundOn("2013-06-30", 3);
    expect(E.isRight(r)).toBe(true);
    if (E.isRight(r)) {
      expect(r.right.warnings).toHaveLength(1);
      expect(r.right.warnings[0]).toMatchObject({ _tag: "LaterRuleNotApplied", inForceFrom: "2013-07-01" });
    }
    const fine = foundOn("2013-06-30", 9);
    expect(E.isRight(fine) && fine.right.warnings).toEqual([]);
  });

  it("records origin new and the regime; a second founding on the stream is refused", () => {
    const g = given([found()]);
    expect(g.recorded[0]?.event).toMatchObject({
      type: "CoopFounded",
      schemaVersion: 2,
      data: { origin: { kind: "new" } },
    });
    expect(g.state._tag === "Coop" && g.state.lawRegime).toBe("2012");
    expect(outcome(decide(found(), g.state))).toBe("CoopAlreadyExists");
  });

  it("registers a pre-existing co-op under the law it operates under; not a law not yet in force", () => {
    const base = { ...found().data, foundingMembers: 3 };
    const ok = decide(
      cmd("RegisterExistingCoop", {
        ...base,
        effectiveDate: "2014-01-01",
        lawRegime: "2003",
        originallyFoundedOn: "1998-05-01",
      }),
      initialState,
    );
    expect(outcome(ok)).toBe("accepted");
    expect(E.isRight(ok) && ok.right[0]?.data).toMatchObject({
      origin: { kind: "preExisting", lawRegime: "2003", originallyFoundedOn: "1998-05-01" },
    });
    expect(
      outcome(
        decide(
          cmd("RegisterExistingCoop", { ...base, effectiveDate: "2020-01-01", lawRegime: "2023" }),
          initialState,
        ),
      ),
    ).toBe("LawNotInForce");
    expect(
      outcome(
        decide(
          cmd("RegisterExistingCoop", {
            ...base,
            effectiveDate: "2014-01-01",
            lawRegime: "2012",
            originallyFoundedOn: "2015-01-01",
          }),
          initialState,
        ),
      ),
    ).toBe("EffectiveDateBeforeStart");
  });

  it("founds by conversion only when the form changes", () => {
    const base = { ...found().data, coopId: "htx-9" };
    expect(
      outcome(
        decide(
          cmd("FoundCoopByConversion", { ...base, fromCoopId: "tht-1", fromForm: "group" }),
          initialState,
        ),
      ),
    ).toBe("accepted");
    expect(
      outcome(
        decide(
          cmd("FoundCoopByConversion", { ...base, fromCoopId: "tht-1", fromForm: "cooperative" }),
          initialState,
        ),
      ),
    ).toBe("SameForm");
  });
});

describe("locations use the gazetteer in force on the effective date", () => {
  it("before 2025-07-01 the 63-province list, from then on the 34", () => {
    expect(
      outcome(
        decide(
          found({ effectiveDate: "2025-06-30", location: { gazetteer: "2008-08-01", provinceCode: "60" } }),
          initialState,
        ),
      ),
    ).toBe("accepted");
    const wrong = refusal(
      decide(
        found({ effectiveDate: "2025-07-01", location: { gazetteer: "2008-08-01", provinceCode: "60" } }),
        initialState,
      ),
    );
    expect(wrong).toMatchObject({ _tag: "WrongGazetteer", expected: "2025-07-01", field: "location" });
    expect(
      outcome(
        decide(
          found({ effectiveDate: "2025-07-01", location: { gazetteer: "2025-07-01", provinceCode: "68" } }),
          initialState,
        ),
      ),
    ).toBe("accepted");
    expect(
      outcome(
        decide(
          found({ effectiveDate: "2025-06-30", location: { gazetteer: "2025-07-01", provinceCode: "68" } }),
          initialState,
        ),
      ),
    ).toBe("WrongGazetteer");
  });

  it("refuses a province code unknown in its gazetteer (old Bắc Ninh 27 after 2025; 03 never)", () => {
    expect(
      outcome(
        decide(
          found({ effectiveDate: "2020-01-01", location: { gazetteer: "2008-08-01", provinceCode: "27" } }),
          initialState,
        ),
      ),
    ).toBe("accepted");
    expect(
      outcome(
        decide(
          found({ effectiveDate: "2025-08-01", location: { gazetteer: "2025-07-01", provinceCode: "27" } }),
          initialState,
        ),
      ),
    ).toBe("UnknownProvince");
    expect(
      outcome(decide(found({ location: { gazetteer: "2008-08-01", provinceCode: "03" } }), initialState)),
    ).toBe("UnknownProvince");
  });
});
