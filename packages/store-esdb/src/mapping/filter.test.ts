import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { LEDGER_STREAM_PREFIXES, planFilter } from "./filter.js";

describe("planFilter (server-side filter)", () => {
  it("no filter → the ledger's stream prefixes, which leave out every $ system stream", () => {
    const p = planFilter(undefined, 1);
    expect(E.isRight(p) && p.right.server).toEqual({
      filterOn: "streamName",
      prefixes: [...LEDGER_STREAM_PREFIXES],
      checkpointInterval: 1,
    });
  });
  it("stream prefixes → a stream-name prefix filter", () => {
    const p = planFilter({ streamPrefixes: ["coop-htx-1", "fund-"] }, 3);
    expect(E.isRight(p) && p.right.server).toEqual({
      filterOn: "streamName",
      prefixes: ["coop-htx-1", "fund-"],
      checkpointInterval: 3,
    });
  });
  it("event types only → an anchored event-type regex", () => {
    const p = planFilter({ eventTypes: ["CoopFounded", "CoopDissolved"] }, 1);
    expect(E.isRight(p) && p.right.server).toEqual({
      filterOn: "eventType",
      regex: "^(?:CoopFounded|CoopDissolved)$",
      checkpointInterval: 1,
    });
    if (E.isRight(p) && "regex" in p.right.server) {
      const re = new RegExp(p.right.server.regex);
      expect(
        ["CoopFounded", "CoopFoundedX", "$CoopFounded", "$statsCollected"].map((t) => re.test(t)),
      ).toEqual([true, false, false, false]);
    }
  });
  it("a $ prefix or an unknown type is refused", () => {
    expect(E.isLeft(planFilter({ streamPrefixes: ["$ce-"] }, 1))).toBe(true);
    expect(E.isLeft(planFilter({ eventTypes: ["Nope" as never] }, 1))).toBe(true);
  });
});
