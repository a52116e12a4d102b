import { describe, expect, it } from "vitest";
import { defaultDomainConfig } from "../config/domain-config.js";
import { specFor } from "../spec/decider-spec.js";
import { given } from "../spec/given.js";
import { makeLedgerDecider } from "./ledger-decider.js";
import { found } from "./test-support/fixtures.js";

/**
 * A cooperative group's (tổ hợp tác) minimum members by the rule in force on its founding day: none
 * enforced before 2006; ≥ 3 under the Civil Code 2005 (art. 111) and Decree 151/2007/NĐ-CP until Decree
 * 77/2019/NĐ-CP took over on 2019-11-25; ≥ 2 from then on, and under Law 17/2023/QH15 (the figures and dates are
 * configuration, `groupFounders`; docs/resolutions.md and the config's TSDoc give their sources).
 */
const group = (effectiveDate: string, foundingMembers: number) =>
  found({ coopId: "tht-1", form: "group", effectiveDate, foundingMembers, name: "Tổ hợp tác rau sạch" });

describe("cooperative groups: minimum members by the rule in force on the founding day", () => {
  it("given the Civil Code 2005 and Decree 151/2007 (2015), when a group is founded by 2 members, then it is refused citing them", () => {
    given([])
      .when(group("2015-05-04", 2))
      .thenError("BelowMinimumFounders", (e) => {
        expect(e).toMatchObject({ required: 3, actual: 2 });
        expect(e.message).toContain("Civil Code 2005");
        expect(e.message).toContain("151/2007");
      });
  });

  it("given the same rule on its last day (2019-11-24), when a group is founded by 2 members, then it is refused; by 3, accepted", () => {
    given([])
      .when(group("2019-11-24", 2))
      .thenError("BelowMinimumFounders", { required: 3 } as never);
    given([]).when(group("2019-11-24", 3)).thenAccepted();
  });

  // Decree 77/2019/NĐ-CP "có hiệu lực thi hành từ ngày 25 tháng 11 năm 2019 và thay thế Nghị định số
  // 151/2007/NĐ-CP" (stp.thuathienhue.gov.vn; luatvietnam.vn): its ≥ 2 applies from that day itself.
  it("given Decree 77/2019 (in force 2019-11-25), when a group is founded by 2 members on that day or later, then it is accepted", () => {
    given([]).when(group("2019-11-25", 2)).thenAccepted();
    given([]).when(group("2019-11-26", 2)).thenAccepted();
    given([]).when(group("2024-08-01", 2)).thenAccepted();
  });

  it("given the 2023 law, when a group is founded by 1 member, then it is refused under Law 17/2023/QH15", () => {
    given([])
      .when(group("2024-08-01", 1))
      .thenError("BelowMinimumFounders", { required: 2 } as never);
  });

  it("given no numeric rule before 2006, when a group of 2 is recorded for 2004, then it is accepted", () => {
    given([]).when(group("2004-03-01", 2)).thenAccepted();
  });

  it("given a configuration without the civil-law period, when a 2015 group of 2 is founded, then the co-op law's figure applies", () => {
    const { groupFounders: _, ...rest } = defaultDomainConfig;
    specFor(makeLedgerDecider(rest))([]).when(group("2015-05-04", 2)).thenAccepted();
  });
});
