import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { COMMAND_TYPES, Command } from "./command.js";
import { type CommandInput, commands, makeCommand } from "./make-command.js";

describe("makeCommand / commands.X", () => {
  it("builds a typed command from plain literals, equal to Command.decode of the same JSON", () => {
    // Plain literals, no casts to branded types.
    const data: CommandInput<"FoundCoop"> = {
      coopId: "htx-thanh-long",
      effectiveDate: "2019-03-01",
      name: "HTX Thanh Long",
      form: "cooperative",
      sector: "agriculture",
      location: { gazetteer: "2008-08-01", provinceCode: "60" },
      foundingMembers: 7,
    };
    const built = makeCommand("FoundCoop", data);
    expect(built).toEqual(Command.decode({ type: "FoundCoop", data }));
    expect(E.isRight(built)).toBe(true);
    expect(commands.FoundCoop(data)).toEqual(built);
  });

  it("refuses bad data with an error naming the field", () => {
    const r = commands.ResumeCoop({ coopId: "htx-1", effectiveDate: "2021-02-30" });
    expect(E.isLeft(r) && r.left._tag).toBe("InvalidCommandData");
    expect(E.isLeft(r) && r.left.problems.join()).toMatch(/effectiveDate/);
  });

  it("has one constructor per command type", () => {
    expect(Object.keys(commands).sort()).toEqual([...COMMAND_TYPES].sort());
  });
});
