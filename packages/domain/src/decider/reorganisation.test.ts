import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { DomainEvent } from "../events/domain-event.js";
import { given } from "../spec/given.js";
import { canApplyEffect } from "./ledger-decider.js";
import { deriveReorganisationEffects } from "./reorganisation-effects.js";
import { cmd, event, founded, happened } from "./test-support/fixtures.js";

const successor = (coopId: string, members = 7) => ({
  coopId,
  name: `HTX ${coopId}`,
  form: "cooperative",
  sector: "agriculture",
  location: { gazetteer: "2008-08-01", provinceCode: "60" },
  members,
});
const decisionData = (
  kind: string,
  sources: string[],
  newCoops: unknown[],
  extra: Record<string, unknown> = {},
) => ({ reorganisationId: "r-1", effectiveDate: "2022-01-01", kind, sources, newCoops, ...extra });
const reorg = (kind: string, sources: string[], newCoops: unknown[], extra: Record<string, unknown> = {}) =>
  cmd("DecideReorganisation", decisionData(kind, sources, newCoops, extra));

describe("reorganisation decisions (tổ chức lại): shape", () => {
  const cases: Array<[string, ReturnType<typeof reorg>, string]> = [
    ["split 1 → 2", reorg("split", ["a"], [successor("b"), successor("c")]), "accepted"],
    ["split 1 → 1", reorg("split", ["a"], [successor("b")]), "InvalidReorganisation"],
    ["split 2 → 2", reorg("split", ["a", "x"], [successor("b"), successor("c")]), "InvalidReorganisation"],
    ["spin-off 1 → 1", reorg("spinOff", ["a"], [successor("b")]), "accepted"],
    ["spin-off 1 → 0", reorg("spinOff", ["a"], []), "InvalidReorganisation"],
    ["consolidation 2 → 1", reorg("consolidation", ["a", "x"], [successor("b")]), "accepted"],
    ["consolidation 1 → 1", reorg("consolidation", ["a"], [successor("b")]), "InvalidReorganisation"],
    [
      "consolidation 2 → 2",
      reorg("consolidation", ["a", "x"], [successor("b"), successor("c")]),
      "InvalidReorganisation",
    ],
    [
      "merger 1 → absorbing",
      reorg("merger", ["a"], [], { absorbingCoopId: "z", absorbedMembers: 12 }),
      "accepted",
    ],
    ["merger without absorbing", reorg("merger", ["a"], []), "InvalidReorganisation"],
    [
      "merger with new co-op",
      reorg("merger", ["a"], [successor("b")], { absorbingCoopId: "z" }),
      "InvalidReorganisation",
    ],
    [
      "merger absorbing a source",
      reorg("merger", ["a", "z"], [], { absorbingCoopId: "z" }),
      "InvalidReorganisation",
    ],
    [
      "split with an absorbing co-op",
      reorg("split", ["a"], [successor("b"), successor("c")], { absorbingCoopId: "z" }),
      "InvalidReorganisation",
    ],
    ["repeated id", reorg("split", ["a"], [successor("b"), successor("b")]), "InvalidReorganisation"],
    [
      "successor below minimum founders",
      reorg("spinOff", ["a"], [successor("b", 6)]),
      "BelowMinimumFounders",
    ],
  ];
  for (const [name, command, expected] of cases) {
    it(`${name}: ${expected}`, () => {
      if (expected === "accepted")
        given([])
          .when(command)
          .then([event("ReorganisationDecided", command.data as never)]);
      else
        given([])
          .when(command)
          .thenError(expected as never);
    });
  }

  it("cites the law in force on the decision date", () => {
    given([])
      .when(reorg("split", ["a"], []))
      .thenError("InvalidReorganisation", (e) => expect(e.message).toMatch(/23\/2012\/QH13 art\. 53/));
    given([])
      .when(cmd("DecideReorganisation", { ...decisionData("split", ["a"], []), effectiveDate: "2024-07-01" }))
      .thenError("InvalidReorganisation", (e) => expect(e.message).toMatch(/17\/2023\/QH15 art\. 94/));
  });

  it("is decided once per stream", () => {
    const decided = event("ReorganisationDecided", decisionData("spinOff", ["a"], [successor("b")]));
    given([decided])
      .when(reorg("spinOff", ["a"], [successor("b")]))
      .thenError("ReorganisationAlreadyDecided");
  });
});

describe("reorganisation effects on co-op streams (canApplyEffect)", () => {
  /** The first event of the effect on this co-op of a decision the decider accepts. */
  const effectOn = (command: ReturnType<typeof reorg>, coopId: string): DomainEvent => {
    const r = given([]).when(command).result;
    if (E.isLeft(r) || r.right[0]?.type !== "ReorganisationDecided") throw new Error("decision refused");
    const effect = deriveReorganisationEffects(r.right[0].data).find((e) => e.coopId === coopId)?.events[0];
    if (effect === undefined) throw new Error(`no effect on ${coopId}`);
    return effect;
  };
  const merger = reorg("merger", ["htx-1"], [], { absorbingCoopId: "htx-2", absorbedMembers: 7 });
  const away = effectOn(merger, "htx-1");
  const received = effectOn(merger, "htx-2");
  const outcome = (r: E.Either<{ _tag: string }, unknown>) => (E.isLeft(r) ? r.left._tag : "accepted");

  it("applies to active co-ops; the source then ends", () => {
    expect(outcome(canApplyEffect(given([founded()]).state, away))).toBe("accepted");
    expect(outcome(canApplyEffect(given([founded({ coopId: "htx-2" })]).state, received))).toBe("accepted");
  });

  it("refuses a source that does not exist, is dissolved, or has later-effective events", () => {
    expect(outcome(canApplyEffect(given([]).state, away))).toBe("CoopNotFound");
    const dissolved = given([
      founded(),
      happened("CoopDissolved", { effectiveDate: "2021-01-01", mode: "voluntary" }),
    ]);
    expect(outcome(canApplyEffect(dissolved.state, away))).toBe("CoopTerminated");
    const busy = given([
      founded(),
      happened("MembershipReported", { effectiveDate: "2022-06-01", officialMembers: 9 }),
    ]);
    expect(outcome(canApplyEffect(busy.state, away))).toBe("BackdatedTermination");
  });

  it("a new co-op's stream must be empty", () => {
    const founding = effectOn(reorg("spinOff", ["htx-1"], [successor("htx-7")]), "htx-7");
    expect(outcome(canApplyEffect(given([]).state, founding))).toBe("accepted");
    expect(outcome(canApplyEffect(given([founded({ coopId: "htx-7" })]).state, founding))).toBe(
      "CoopAlreadyExists",
    );
  });
});
