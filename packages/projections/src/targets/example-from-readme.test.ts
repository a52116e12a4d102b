import type { BusinessDate, ProvinceCode, RecordedEvent } from "@coop-ledger/domain";
import { expect, it } from "vitest";
import { buildIndex } from "../bitemporal-index/projection-index.js";
import { founded, Ledger } from "../test-support/history.js";
import { decodeResolution, targets, targetsMet } from "./index.js";

it("runs the README's example", () => {
  const events: RecordedEvent[] = [];
  const empty = targets(buildIndex(events), "004", { validAt: "2025-12-31" as BusinessDate });
  expect(empty._tag === "Left" && empty.left._tag).toBe("NoDataForProvince");
  // The README's other branch: a ledger with one Bắc Kạn co-op and one Bình Thuận co-op.
  const ledger = new Ledger();
  ledger.record(founded("bk", "2022-01-10", { province: "06" }), "2022-01-11T00:00:00.000Z");
  ledger.record(founded("bt", "2022-01-10", { province: "60" }), "2022-01-11T00:00:00.000Z");
  const index = buildIndex(ledger.events);
  const report = targets(index, "004", {
    validAt: "2025-12-31" as BusinessDate,
    inputs: { farmHouseholds: 41_000 },
  });
  expect(report._tag).toBe("Right");
  const whatIf = targets(index, "004", {
    validAt: "2025-12-31" as BusinessDate,
    whatIf: { province: { code: "60" as ProvinceCode, gazetteer: "2008-08-01" } },
  });
  expect(whatIf._tag === "Right" && whatIf.right.whatIf?.province.code).toBe("60");
  if (report._tag === "Right") {
    expect(report.right.summary.label).toBe("0 of 7 met");
    expect(targetsMet(report.right)).toMatchObject({
      indicatorId: "targets.met",
      numerator: 0,
      denominator: 7,
    });
  }
  const mine = decodeResolution({
    id: "my-district-2024",
    title: { en: "District plan 2024", vi: "Kế hoạch huyện năm 2024" },
    body: "allianceExecutiveCommittee",
    adoptedOn: "2024-01-15",
    term: { from: "2024-01-01", to: "2024-12-31" },
    province: { code: "60", gazetteer: "2008-08-01" },
    sourceFile: "plan-2024.txt",
    baseline: [],
    targets: [
      {
        id: "my.newCoops",
        role: "goal",
        label: { en: "New co-ops in 2024", vi: "HTX thành lập mới năm 2024" },
        source: { file: "plan-2024.txt", quote: "thành lập mới ít nhất 10 HTX" },
        timing: { kind: "period", from: "2024-01-01", to: "2024-12-31" },
        measure: {
          kind: "indicator",
          indicator: { id: "coops.founded", basis: "period" },
          comparator: ">=",
          threshold: { unit: "count", value: 10 },
        },
      },
    ],
  });
  expect(mine._tag).toBe("Right");
  if (mine._tag === "Right") {
    const r = targets(index, mine.right, { validAt: "2024-12-31" as BusinessDate });
    expect(r._tag === "Right" && r.right.targets[0]?.status._tag).toBe("notMet");
  }
});
