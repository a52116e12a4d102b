import type { RecordedEvent } from "@coop-ledger/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LedgerFacts } from "./ledger-facts.js";

// Only what LedgerFacts reads of an event: its type, effective date, recording instant and position.
const day = fc
  .integer({ min: 0, max: 3000 })
  .map((d) => new Date(Date.UTC(2018, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const event = fc.record({
  type: fc.constantFrom("CoopFounded", "CoopDissolved", "EventRetracted", "MembershipReported"),
  eff: day,
  lag: fc.integer({ min: 0, max: 90 }),
  part: fc.integer({ min: 0, max: 3 }),
});
const recorded = (x: { type: string; eff: string; lag: number }, position: number): RecordedEvent =>
  ({
    position,
    event: { type: x.type, data: { effectiveDate: x.eff } },
    metadata: { recordedAt: new Date(Date.parse(x.eff) + x.lag * 86_400_000).toISOString() },
  }) as unknown as RecordedEvent;

describe("LedgerFacts", () => {
  it("law: the merge of the facts of a ledger's partitions is the facts of the whole ledger", () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (xs) => {
        const whole = new LedgerFacts();
        const parts = [0, 1, 2, 3].map(() => new LedgerFacts());
        xs.forEach((x, position) => {
          const e = recorded(x, position);
          whole.observe(e);
          parts[x.part]?.observe(e);
        });
        expect(LedgerFacts.merge(parts.map((p) => p.data())).data()).toEqual(whole.data());
      }),
    );
  });

  it("law: the restating events are every retraction and every dissolution recorded over 30 days late", () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (xs) => {
        const facts = new LedgerFacts();
        xs.forEach((x, position) => {
          facts.observe(recorded(x, position));
        });
        const expected = xs.flatMap((x, position) =>
          x.type === "EventRetracted" || (x.type === "CoopDissolved" && x.lag > 30) ? [position] : [],
        );
        expect(facts.data().restating).toEqual(expected);
      }),
    );
  });
});
