import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "../events/domain-event.js";
import { COMMAND_TYPES, Command, streamOf } from "./command.js";

describe("commands", () => {
  it("one command per event kind a user records (30), the reorganisation effects come from the process", () => {
    expect(COMMAND_TYPES).toHaveLength(30);
    expect(EVENT_TYPES).toHaveLength(31);
  });

  it("decode with typed errors and drop unknown keys", () => {
    const r = Command.decode({
      type: "ResumeCoop",
      data: { coopId: "htx-1", effectiveDate: "2021-06-01", extra: 1 },
      more: 2,
    });
    expect(E.isRight(r) && r.right).toEqual({
      type: "ResumeCoop",
      data: { coopId: "htx-1", effectiveDate: "2021-06-01" },
    });
    expect(
      E.isLeft(
        Command.decode({ type: "ResumeCoop", data: { coopId: "htx-1", effectiveDate: "2021-02-30" } }),
      ),
    ).toBe(true);
    expect(E.isLeft(Command.decode({ type: "Nope", data: {} }))).toBe(true);
  });

  it("streamOf names the target stream of each kind", () => {
    const s = (u: unknown) => {
      const r = Command.decode(u);
      if (E.isLeft(r)) throw new Error("bad command");
      return streamOf(r.right);
    };
    expect(s({ type: "ResumeCoop", data: { coopId: "htx-1", effectiveDate: "2021-06-01" } })).toBe(
      "coop-htx-1",
    );
    expect(
      s({
        type: "DecideReorganisation",
        data: {
          reorganisationId: "r-1",
          effectiveDate: "2022-01-01",
          kind: "merger",
          sources: ["a"],
          newCoops: [],
          absorbingCoopId: "b",
        },
      }),
    ).toBe("reorganisation-r-1");
    expect(
      s({
        type: "RecordAllianceActivity",
        data: {
          effectiveDate: "2021-03-01",
          provinceCode: "60",
          gazetteer: "2008-08-01",
          kind: "newsItem",
          count: 1,
        },
      }),
    ).toBe("alliance-60");
    expect(
      s({
        type: "ChangeFundCapital",
        data: { fundId: "qht-60", effectiveDate: "2024-01-01", charterCapitalVnd: 1 },
      }),
    ).toBe("fund-qht-60");
    expect(
      s({
        type: "RetractEvent",
        data: {
          streamId: "fund-qht-60",
          effectiveDate: "2024-01-01",
          retractedEventId: "0b5c3c1e-8f2a-5d7e-9a3b-1c2d3e4f5a6b",
          reason: "x",
        },
      }),
    ).toBe("fund-qht-60");
  });
});
