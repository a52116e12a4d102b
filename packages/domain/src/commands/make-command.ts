import * as E from "fp-ts/lib/Either.js";
import type * as t from "io-ts";
import { formatValidationErrors } from "../events/decode-error.js";
import { type CommandOf, type CommandType, commandCodecs } from "./command.js";

/**
 * Why {@link makeCommand} refused its input: the command data does not satisfy the command's codec;
 * `problems` name each field, the expected type and the value given.
 *
 * @example
 * const e: CommandBuildError = { _tag: "InvalidCommandData", type: "ResumeCoop", problems: ["data.effectiveDate: expected BusinessDate, got \"31/02/2021\""], message: "..." };
 */
export interface CommandBuildError {
  readonly _tag: "InvalidCommandData";
  readonly type: CommandType;
  readonly problems: ReadonlyArray<string>;
  readonly message: string;
}

/** The plain-JSON data a command of type `K` takes (strings where the command has branded values). */
export type CommandInput<K extends CommandType> = t.OutputOf<(typeof commandCodecs)[K]>["data"];

/**
 * Builds a command from plain data (string literals for ids, dates and codes; numbers for amounts),
 * checked by the command's codec, so TypeScript users need no casts to branded types. Returns the typed
 * command, or a {@link CommandBuildError} naming every bad field.
 *
 * @example
 * import { decide, initialState, makeCommand } from "@coop-ledger/domain";
 * const found = makeCommand("FoundCoop", {
 *   coopId: "htx-1",
 *   effectiveDate: "2019-03-01",
 *   name: "HTX Thanh Long",
 *   form: "cooperative",
 *   sector: "agriculture",
 *   location: { gazetteer: "2008-08-01", provinceCode: "60" },
 *   foundingMembers: 7,
 * });
 * if (found._tag === "Left") throw new Error(found.left.message);
 * const r = decide(found.right, initialState);
 * console.log(r._tag === "Right" && r.right.map((e) => e.type)); // ["CoopFounded"]
 * const bad = makeCommand("ResumeCoop", { coopId: "htx-1", effectiveDate: "31/02/2021" });
 * if (bad._tag === "Left") console.log(bad.left.problems); // [ 'data.effectiveDate: expected BusinessDate, got "31/02/2021"' ]
 * @example makeCommand("ResumeCoop", { coopId: "htx-1", effectiveDate: "31/02/2021" }) // Left: data.effectiveDate
 */
export const makeCommand = <K extends CommandType>(
  type: K,
  data: CommandInput<K>,
): E.Either<CommandBuildError, CommandOf<K>> => {
  const codec = commandCodecs[type] as unknown as t.Decoder<unknown, CommandOf<K>>;
  const decoded = codec.decode({ type, data });
  if (E.isRight(decoded)) return E.right(decoded.right);
  const problems = formatValidationErrors(decoded.left);
  return E.left({
    _tag: "InvalidCommandData",
    type,
    problems,
    message: `${type}: invalid command data: ${problems.slice(0, 5).join("; ")}`,
  });
};

/**
 * One typed constructor per command type: `commands.FoundCoop(data)` is
 * `makeCommand("FoundCoop", data)`.
 *
 * @example const c = commands.SuspendCoop({ coopId: "htx-1", effectiveDate: "2021-03-01" }); // Right(command)
 */
export const commands: {
  readonly [K in CommandType]: (data: CommandInput<K>) => E.Either<CommandBuildError, CommandOf<K>>;
} = Object.freeze(
  Object.fromEntries(
    (Object.keys(commandCodecs) as CommandType[]).map((k) => [
      k,
      (data: CommandInput<typeof k>) => makeCommand(k, data),
    ]),
  ),
) as never;
