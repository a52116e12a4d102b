import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { canApplyEffect, decide } from "./ledger-decider.js";
import { deriveReorganisationEffects } from "./reorganisation-effects.js";
import { initialState } from "./stream-state.js";
import { cmd, found, given, on, outcome, refusal } from "./test-support/fixtures.js";

const successor = (coopId: string, members = 7) => ({
  coopId,
  name: `HTX ${coopId}`,
  form: "cooperative",
  sector: "agriculture",
  location: { gazetteer: "2008-08-01", provinceCode: "60" },
  members,
});
const reorg = (kind: string, sources: string[], newCoops: unknown[], extra: Record<string, unknown> = {}) =>
  cmd("DecideReorganisation", {
    reorganisationId: "r-1",
    effectiveDate: "2022-01-01",
    kind,
    sources,
    newCoops,
    ...extra,
  });

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
    it(`${name}: ${expected}`, () => expect(outcome(decide(command, initialState))).toBe(expected));
  }

  it("cites the law in force on the decision date", () => {
    expect(refusal(decide(reorg("split", ["a"], []), initialState)).message).toMatch(
      /23\/2012\/QH13 art\. 53/,
    );
    const later = cmd("DecideReorganisation", {
      ...reorg("split", ["a"], []).data,
      effectiveDate: "2024-07-01",
    });
    expect(refusal(decide(later, initialState)).message).toMatch(/17\/2023\/QH15 art\. 94/);
  });

  it("is decided once per stream", () => {
    const g = given([reorg("spinOff", ["a"], [successor("b")])]);
    expect(g.state._tag).toBe("Reorganisation");
    expect(outcome(decide(reorg("spinOff", ["a"], [successor("b")]), g.state))).toBe(
      "ReorganisationAlreadyDecided",
    );
  });
});

describe("reorganisation effects on co-op streams (canApplyEffect)", () => {
  const decision = (() => {
    const r = decide(
      reorg("merger", ["htx-1"], [], { absorbingCoopId: "htx-2", absorbedMembers: 7 }),
      initialState,
    );
    if (E.isLeft(r) || r.right[0]?.type !== "ReorganisationDecided") throw new Error("decision refused");
    return r.right[0].data;
  })();
  const [away, received] = deriveReorganisationEffects(decision);

  it("applies to active co-ops; the source then ends", () => {
    const source = given([found()]);
    const awayEvent = away?.events[0];
    if (awayEvent === undefined) throw new Error("no effect");
    expect(outcome(canApplyEffect(source.state, awayEvent))).toBe("accepted");
    const absorbing = given([found({ coopId: "htx-2" })]);
    const receivedEvent = received?.events[0];
    if (receivedEvent === undefined) throw new Error("no effect");
    expect(outcome(canApplyEffect(absorbing.state, receivedEvent))).toBe("accepted");
  });

  it("refuses a source that does not exist, is dissolved, or has later-effective events", () => {
    const awayEvent = away?.events[0];
    if (awayEvent === undefined) throw new Error("no effect");
    expect(outcome(canApplyEffect(initialState, awayEvent))).toBe("CoopNotFound");
    const dissolved = given([
      found(),
      on("DissolveCoop", { effectiveDate: "2021-01-01", mode: "voluntary" }),
    ]);
    expect(outcome(canApplyEffect(dissolved.state, awayEvent))).toBe("CoopTerminated");
    const busy = given([
      found(),
      on("ReportMembership", { effectiveDate: "2022-06-01", officialMembers: 9 }),
    ]);
    expect(outcome(canApplyEffect(busy.state, awayEvent))).toBe("BackdatedTermination");
  });

  it("a new co-op's stream must be empty", () => {
    const r = decide(reorg("spinOff", ["htx-1"], [successor("htx-7")]), initialState);
    if (E.isLeft(r) || r.right[0]?.type !== "ReorganisationDecided") throw new Error("decision refused");
    const effects = deriveReorganisationEffects(r.right[0].data);
    const founding = effects.find((e) => e.coopId === "htx-7")?.events[0];
    if (founding === undefined) throw new Error("no founding");
    expect(outcome(canApplyEffect(initialState, founding))).toBe("accepted");
    expect(outcome(canApplyEffect(given([found({ coopId: "htx-7" })]).state, founding))).toBe(
      "CoopAlreadyExists",
    );
  });
});
