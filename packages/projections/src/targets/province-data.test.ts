import type { BusinessDate, ProvinceCode } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { buildIndex } from "../bitemporal-index/projection-index.js";
import { ev, founded, Ledger } from "../test-support/history.js";
import type { ProvinceRef } from "./figure-source.js";
import { indexHoldsProvince, officialProvinceName } from "./province-data.js";
import { targets } from "./targets.js";

const ref = (code: string, gazetteer: "2008-08-01" | "2025-07-01" = "2008-08-01") => ({
  code: code as ProvinceCode,
  gazetteer,
});

describe("every resolution on its own province", () => {
  const ledger = new Ledger();
  ledger.record(founded("a", "2020-03-01", { province: "60" }), "2020-03-02T00:00:00.000Z");
  // Re-recorded after the reform: still old Bình Thuận's, and not old Đắk Nông's.
  ledger.record(
    ev("HeadOfficeMoved", {
      coopId: "a",
      effectiveDate: "2025-07-02",
      location: { gazetteer: "2025-07-01", provinceCode: "68" },
    }),
    "2025-07-03T00:00:00.000Z",
  );
  const index = buildIndex(ledger.events);

  it("knows which provinces a ledger holds, in either geography", () => {
    expect(indexHoldsProvince(index, ref("60"))).toBe(true);
    expect(indexHoldsProvince(index, ref("68", "2025-07-01"))).toBe(true);
    expect(indexHoldsProvince(index, ref("67"))).toBe(false);
    expect(indexHoldsProvince(index, ref("06"))).toBe(false);
  });

  it("refuses a resolution whose province the ledger does not hold, naming it", () => {
    const r = targets(index, "004", { validAt: "2025-12-31" as BusinessDate });
    expect(E.isLeft(r) && r.left._tag).toBe("NoDataForProvince");
    if (E.isLeft(r) && r.left._tag === "NoDataForProvince") {
      expect(r.left.province).toEqual(ref("06"));
      expect(r.left.message).toContain("Bắc Kạn (06, gazetteer 2008-08-01)");
    }
  });

  it("evaluates it on another province as a labelled what-if", () => {
    const r = targets(index, "004", {
      validAt: "2025-12-31" as BusinessDate,
      whatIf: { province: ref("60") },
    });
    if (E.isLeft(r)) throw new Error(r.left._tag);
    expect(r.right.province).toEqual(ref("60"));
    expect(r.right.whatIf).toEqual({ province: ref("60"), resolutionProvince: ref("06") });
    const coops = r.right.targets.find((t) => t.targetId === "004.coops");
    expect(coops?.value).toBe(1);
    const own = targets(index, "000", { validAt: "2025-12-31" as BusinessDate });
    expect(E.isRight(own) && own.right.whatIf).toBe(undefined);
  });
});

describe("officialProvinceName", () => {
  it("spells Hòa Bình as official texts do and names Huế a province before 2025", () => {
    expect(officialProvinceName({ code: "17", gazetteer: "2008-08-01" } as ProvinceRef)).toBe(
      "Tỉnh Hòa Bình",
    );
    expect(officialProvinceName({ code: "46", gazetteer: "2008-08-01" } as ProvinceRef)).toContain(
      "Tỉnh Thừa Thiên Huế",
    );
    expect(officialProvinceName({ code: "67", gazetteer: "2008-08-01" } as ProvinceRef)).toBe(
      "Tỉnh Đắk Nông",
    );
  });
});
