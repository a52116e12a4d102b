import { districtGazetteer } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { parseScope } from "./scope.js";

describe("parseScope: districts checked against the shipped gazetteer", () => {
  const g = districtGazetteer();
  const known = g.districts[0];
  const other = g.districts.find((d) => d.provinceCode !== known?.provinceCode);

  it("refuses a district code that is no district (exit-5 query error naming it)", () => {
    const unused = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, "0")).find(
      (c) => g.district(c) === undefined,
    );
    expect(unused).toBeDefined();
    const r = parseScope({ district: unused as string });
    expect(E.isLeft(r) && r.left._tag === "QueryError" && r.left.message).toContain(`--district ${unused}`);
  });

  it("accepts every district of the gazetteer, alone and with its own province", () => {
    for (const d of g.districts) {
      expect(E.isRight(parseScope({ district: d.code })), d.code).toBe(true);
      expect(E.isRight(parseScope({ district: d.code, province: d.provinceCode })), d.code).toBe(true);
    }
  });

  it("refuses a district with another province, naming the district's own province", () => {
    if (known === undefined || other === undefined) throw new Error("gazetteer has fewer than two provinces");
    const r = parseScope({ district: known.code, province: other.provinceCode });
    expect(E.isLeft(r) && r.left._tag === "QueryError" && r.left.message).toContain(
      `is in province ${known.provinceCode}, not in --province ${other.provinceCode}`,
    );
  });

  it("keeps shape errors as usage errors", () => {
    const r = parseScope({ district: "12" });
    expect(E.isLeft(r) && r.left._tag).toBe("UsageError");
  });
});
