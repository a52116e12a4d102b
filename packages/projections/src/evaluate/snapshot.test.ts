import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { buildIndex } from "../bitemporal-index/projection-index.js";
import { replay } from "../replay/replay.js";
import { ev, founded, Ledger } from "../test-support/history.js";
import { indicatorValue, type Snapshot } from "./snapshot.js";
import { snapshot } from "./snapshot-of-index.js";

const get = (s: E.Either<unknown, Snapshot>): Snapshot => {
  if (E.isLeft(s)) throw new Error(JSON.stringify(s.left));
  return s.right;
};

describe("smoke", () => {
  it("counts active co-ops before, between and after events", () => {
    const l = new Ledger();
    l.record(founded("a", "2019-03-01"), "2019-03-05");
    l.record(founded("b", "2020-05-01", { sector: "transport" }), "2020-05-02");
    l.record(
      ev("CoopDissolved", { coopId: "a", effectiveDate: "2021-06-01", mode: "voluntary" }),
      "2021-06-03",
    );
    const index = buildIndex(l.events);
    for (const [validAt, n] of [
      ["2019-01-01", 0],
      ["2019-03-01", 1],
      ["2020-12-31", 2],
      ["2021-06-01", 1],
      ["2030-01-01", 1],
    ] as const) {
      const s = get(snapshot(index, { validAt }));
      expect(indicatorValue(s, "coops.active")?.value).toBe(n);
      expect(get(replay(l.events, { validAt }))).toEqual(s);
    }
  });
});
