import * as t from "io-ts";
import {
  allianceStream,
  coopStream,
  fundStream,
  reorganisationStream,
  type StreamId,
} from "../values/stream-id.js";
import {
  ChangeFundCapital,
  EstablishFund,
  ReceiveLoanApplication,
  RecordAllianceActivity,
} from "./alliance-and-fund.js";
import { FoundCoop, FoundCoopByConversion, RegisterExistingCoop } from "./founding.js";
import {
  ConformToLaw,
  ConvertCoop,
  DissolveCoop,
  JoinAlliance,
  LeaveAlliance,
  MoveHeadOffice,
  ResumeCoop,
  StartDissolution,
  SuspendCoop,
} from "./lifecycle.js";
import { DisburseLoan, RepayLoan, RescheduleLoan } from "./loans.js";
import { DecideReorganisation } from "./reorganisation.js";
import {
  AppointManager,
  AssessCoop,
  CertifyOcop,
  EndOcop,
  FileAnnualReport,
  LinkValueChain,
  RecordManagerLeft,
  ReportMembership,
  UnlinkValueChain,
} from "./reporting.js";
import { RetractEvent } from "./retraction.js";

/**
 * The codec of every command, keyed by type: the single source of truth for the union, the type list
 * and the catalogue in docs/events.md.
 * @example
 * Object.keys(commandCodecs).length // 30
 * commandCodecs.FoundCoop.name // "FoundCoop"
 */
export const commandCodecs = {
  FoundCoop,
  RegisterExistingCoop,
  FoundCoopByConversion,
  JoinAlliance,
  LeaveAlliance,
  ConformToLaw,
  ConvertCoop,
  DecideReorganisation,
  SuspendCoop,
  ResumeCoop,
  StartDissolution,
  DissolveCoop,
  DisburseLoan,
  RepayLoan,
  RescheduleLoan,
  ReportMembership,
  AppointManager,
  RecordManagerLeft,
  FileAnnualReport,
  AssessCoop,
  CertifyOcop,
  EndOcop,
  MoveHeadOffice,
  LinkValueChain,
  UnlinkValueChain,
  RetractEvent,
  RecordAllianceActivity,
  EstablishFund,
  ChangeFundCapital,
  ReceiveLoanApplication,
} as const;

/** The name of a command type. @example const k: CommandType = "FoundCoop"; */
export type CommandType = keyof typeof commandCodecs;

/**
 * Every command type, in catalogue order.
 * @example
 * COMMAND_TYPES.length // 30
 */
export const COMMAND_TYPES = Object.keys(commandCodecs) as ReadonlyArray<CommandType>;

/** A command: `{ type, data }` (see the catalogue in docs/events.md). */
export type Command = { [K in CommandType]: t.TypeOf<(typeof commandCodecs)[K]> }[CommandType];
/** The JSON form of a command. */
export type CommandOutput = { [K in CommandType]: t.OutputOf<(typeof commandCodecs)[K]> }[CommandType];
/** The command of a given type. @example type F = CommandOf<"FoundCoop">; */
export type CommandOf<K extends CommandType> = Extract<Command, { type: K }>;

const [k0, k1, ...ks] = COMMAND_TYPES.map((k) => commandCodecs[k]) as unknown as [
  t.Mixed,
  t.Mixed,
  ...t.Mixed[],
];

/**
 * The union codec of every command. Decoding never throws; unknown keys are dropped.
 *
 * @example Command.decode({ type: "ResumeCoop", data: { coopId: "htx-1", effectiveDate: "2021-06-01" } }) // Right
 */
export const Command: t.Type<Command, CommandOutput, unknown> = t.union([k0, k1, ...ks], "Command");

/**
 * The stream a command targets: `coop-<coopId>` for co-op commands, `reorganisation-<id>` for a
 * reorganisation decision, `alliance-<province>` for alliance activity, `fund-<fundId>` for fund
 * commands, and the named stream for a retraction.
 *
 * @example
 * import { makeCommand, streamOf } from "@coop-ledger/domain";
 * const resume = makeCommand("ResumeCoop", { coopId: "htx-1", effectiveDate: "2021-06-01" });
 * if (resume._tag === "Right") console.log(streamOf(resume.right)); // "coop-htx-1"
 */
export const streamOf = (command: Command): StreamId => {
  switch (command.type) {
    case "DecideReorganisation":
      return reorganisationStream(command.data.reorganisationId);
    case "RecordAllianceActivity":
      return allianceStream(command.data.provinceCode);
    case "EstablishFund":
    case "ChangeFundCapital":
    case "ReceiveLoanApplication":
      return fundStream(command.data.fundId);
    case "RetractEvent":
      return command.data.streamId;
    default:
      return coopStream(command.data.coopId);
  }
};
