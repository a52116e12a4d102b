import { DomainEvent, type RecordedEvent, StreamId } from "@coop-ledger/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildIndex } from "../bitemporal-index/projection-index.js";
import { indicatorValue } from "./snapshot.js";
import { snapshot } from "./snapshot-of-index.js";

/**
 * Member income "đồng/người/tháng" (seed 004) is per person: total paid ÷ members. The per-member
 * reading weights each co-op's reported average by its official members when the report took effect;
 * the per-co-op reading (default) is the plain mean of the averages. Both are recounted here from the
 * co-ops the test makes.
 */
interface Coop {
  readonly members: number;
  readonly income: number;
}

const recorded = (items: ReadonlyArray<[string, unknown]>): RecordedEvent[] =>
  items.map(([stream, json], position) => {
    const event = DomainEvent.decode(json);
    const streamId = StreamId.decode(stream);
    if (event._tag === "Left" || streamId._tag === "Left")
      throw new Error(`bad event ${JSON.stringify(json)}`);
    const effective = (json as { data: { effectiveDate: string } }).data.effectiveDate;
    return {
      eventId: `00000000-0000-4000-8000-${(position + 1).toString(16).padStart(12, "0")}`,
      streamId: streamId.right,
      revision: position % 3,
      position,
      event: event.right,
      metadata: { recordedAt: new Date(Date.parse(effective) + 86_400_000).toISOString() },
    } as RecordedEvent;
  });

const ledgerOf = (coops: ReadonlyArray<Coop>): RecordedEvent[] =>
  recorded(
    coops.flatMap((c, i): Array<[string, unknown]> => {
      const id = `htx-${i}`;
      return [
        [
          `coop-${id}`,
          {
            type: "CoopFounded",
            schemaVersion: 2,
            data: {
              coopId: id,
              effectiveDate: "2020-01-10",
              name: `HTX ${i}`,
              form: "cooperative",
              sector: "agriculture",
              location: { gazetteer: "2008-08-01", provinceCode: "06" },
              foundingMembers: 7,
              origin: { kind: "new" },
            },
          },
        ],
        [
          `coop-${id}`,
          {
            type: "MembershipReported",
            schemaVersion: 1,
            data: { coopId: id, effectiveDate: "2022-12-31", officialMembers: c.members },
          },
        ],
        [
          `coop-${id}`,
          {
            type: "AnnualReportFiled",
            schemaVersion: 1,
            data: {
              coopId: id,
              effectiveDate: "2023-03-15",
              fiscalYear: 2022,
              charterCapitalVnd: 1_000_000_000,
              totalAssetsVnd: 2_000_000_000,
              revenueVnd: 3_000_000_000,
              profitVnd: 100_000_000,
              memberMonthlyIncomeVnd: c.income,
            },
          },
        ],
      ];
    }),
  );

const memberIncome = (events: RecordedEvent[], incomeAverage: "perCoop" | "perMember") => {
  const s = snapshot(buildIndex(events), {
    validAt: "2023-06-30",
    scope: { province: "06" },
    geography: "2008-08-01",
    options: { fiscalYear: 2022, incomeAverage },
    indicators: ["income.memberMonthlyVnd"],
  });
  if (s._tag === "Left") throw new Error(s.left.message);
  const f = indicatorValue(s.right, "income.memberMonthlyVnd");
  return { numerator: f?.numerator, denominator: f?.denominator };
};

const coopArb = fc.record({
  members: fc.integer({ min: 1, max: 3000 }),
  income: fc.integer({ min: 1_000, max: 20_000 }).map((k) => k * 1000),
});

describe("member income, per member and per co-op", () => {
  it("law: per member = Σ income × members ÷ Σ members over the co-ops reporting", () => {
    fc.assert(
      fc.property(fc.array(coopArb, { minLength: 1, maxLength: 8 }), (coops) => {
        const f = memberIncome(ledgerOf(coops), "perMember");
        expect(f.numerator).toBe(coops.reduce((a, c) => a + c.income * c.members, 0));
        expect(f.denominator).toBe(coops.reduce((a, c) => a + c.members, 0));
      }),
      { numRuns: 40 },
    );
  });

  it("law: per co-op = Σ income ÷ co-ops reporting, whatever their size", () => {
    fc.assert(
      fc.property(fc.array(coopArb, { minLength: 1, maxLength: 8 }), (coops) => {
        const f = memberIncome(ledgerOf(coops), "perCoop");
        expect(f.numerator).toBe(coops.reduce((a, c) => a + c.income, 0));
        expect(f.denominator).toBe(coops.length);
      }),
      { numRuns: 40 },
    );
  });

  it("the two readings differ when a large co-op pays differently from small ones", () => {
    const events = ledgerOf([
      { members: 700, income: 4_000_000 },
      { members: 7, income: 9_000_000 },
    ]);
    const perMember = memberIncome(events, "perMember");
    const perCoop = memberIncome(events, "perCoop");
    const value = (f: { numerator?: number; denominator?: number }) =>
      (f.numerator as number) / (f.denominator as number);
    expect(value(perCoop)).toBe(6_500_000);
    expect(value(perMember)).toBeLessThan(4_100_000);
  });
});
