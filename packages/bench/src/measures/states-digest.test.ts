import { describe, expect, it } from "vitest";
import { statesDigest } from "./states-digest.js";

describe("statesDigest", () => {
  const coop = (loans: Map<string, number>, applications: Set<string>, events: ReadonlyArray<object>) => ({
    _tag: "Coop",
    loans,
    applications,
    history: { last: events, length: events.length, retracted: new Set<string>() },
  });

  it("tells apart states that differ only inside a Map or a Set", () => {
    const base = statesDigest([coop(new Map([["l1", 5]]), new Set(["a"]), [])]);
    expect(statesDigest([coop(new Map([["l1", 6]]), new Set(["a"]), [])])).not.toBe(base);
    expect(statesDigest([coop(new Map([["l1", 5]]), new Set(["b"]), [])])).not.toBe(base);
    expect(statesDigest([coop(new Map([["l1", 5]]), new Set(["a"]), [])])).toBe(base);
  });

  it("counts a history by its length and retractions, not by its events", () => {
    const one = statesDigest([coop(new Map(), new Set(), [{ id: 1 }])]);
    expect(statesDigest([coop(new Map(), new Set(), [{ id: 2 }])])).toBe(one);
    expect(statesDigest([coop(new Map(), new Set(), [{ id: 1 }, { id: 2 }])])).not.toBe(one);
  });

  it("depends on the order of the states", () => {
    const a = { _tag: "Empty" };
    const b = { _tag: "Fund" };
    expect(statesDigest([a, b])).not.toBe(statesDigest([b, a]));
  });
});
