import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { decodeEvent, encodeEvent } from "./decode.js";

describe("decodeEvent", () => {
  it("upcasts a v1 CoopFounded to v2, inferring the gazetteer from the effective date", () => {
    const r = decodeEvent({
      type: "CoopFounded",
      schemaVersion: 1,
      data: {
        coopId: "htx-1",
        effectiveDate: "2019-03-01",
        name: "HTX Thanh Long",
        form: "cooperative",
        sector: "agriculture",
        provinceCode: "60",
        districtCode: "593",
        foundingMembers: 7,
      },
    });
    expect(E.isRight(r) && r.right.type === "CoopFounded" && r.right.schemaVersion === 2).toBe(true);
    if (E.isRight(r) && r.right.type === "CoopFounded") {
      expect(r.right.data.location).toEqual({
        gazetteer: "2008-08-01",
        provinceCode: "60",
        districtCode: "593",
      });
      expect(r.right.data.origin).toEqual({ kind: "new" });
      expect(encodeEvent(r.right).schemaVersion).toBe(2);
    }
  });

  it("names an unknown type and a too-new version", () => {
    const unknown = decodeEvent({ type: "Nope", schemaVersion: 1, data: {} });
    expect(E.isLeft(unknown) && unknown.left._tag).toBe("UnknownEventType");
    const newer = decodeEvent({ type: "CoopResumed", schemaVersion: 9, data: {} });
    expect(E.isLeft(newer) && newer.left._tag).toBe("UnsupportedSchemaVersion");
  });

  it("names the offending field of invalid data", () => {
    const r = decodeEvent({
      type: "LoanRepaid",
      schemaVersion: 1,
      data: { coopId: "htx-1", effectiveDate: "2023-02-30", loanId: "l-1", principalVnd: 1.5 },
    });
    expect(E.isLeft(r) && r.left._tag === "InvalidEventData" && r.left.problems.join("|")).toMatch(
      /effectiveDate.*BusinessDate.*\|.*principalVnd.*Vnd/,
    );
  });
});
