import type { StreamId } from "@coop-ledger/domain";
import type { StoreError } from "../port/store-error.js";

/**
 * Why a command was not carried out:
 * - `Rejected`: the decider refused it (the domain error, e.g. a rule of the law in force);
 * - `Conflict`: other writers kept changing the stream; still conflicting after `maxRetries` retries or
 *   once the back-off budget is spent (`attempts` says how many were made);
 * - `CommandIdReused`: the command id was already used for another command — on another stream
 *   (`usedOn` names it), or on the same stream for a command whose decision (re-made on the state it
 *   was first decided on) differs from the recorded events; nothing is appended (HTTP 409);
 * - `StoreFailed`: the store failed (I/O, corrupt ledger, closed, invalid append).
 *
 * @example
 * import { type Instant, ledgerDecider, makeCommand, stateFromHistory, streamOf } from "@coop-ledger/domain";
 * import { type HandlerError, makeCommandHandler, makeInMemoryStore } from "@coop-ledger/store";
 * import { match } from "ts-pattern";
 * const store = makeInMemoryStore();
 * const handler = makeCommandHandler({
 *   store,
 *   decider: ledgerDecider,
 *   streamOf,
 *   stateFromHistory,
 *   clock: () => "2024-01-15T08:00:00.000Z" as Instant, // transaction time (recordedAt)
 * });
 * const advice = (err: HandlerError<unknown>): string =>
 *   match(err)
 *     .with({ _tag: "Rejected" }, (e) => `refused: ${e.message}`)
 *     .with({ _tag: "Conflict" }, (e) => `busy after ${e.attempts} attempts: try again later`)
 *     .with({ _tag: "CommandIdReused" }, (e) => `command id already used on ${e.usedOn}`)
 *     .with({ _tag: "StoreFailed" }, (e) => `store failed: ${e.message}`)
 *     .exhaustive();
 * const resume = makeCommand("ResumeCoop", { coopId: "htx-1", effectiveDate: "2024-01-10" });
 * if (resume._tag === "Left") throw new Error(resume.left.message);
 * const r = await handler.handle({ commandId: "resume-1", command: resume.right })();
 * if (r._tag === "Left") console.log(advice(r.left).startsWith("refused:")); // true (no such co-op)
 */
export type HandlerError<DomainError> =
  | {
      readonly _tag: "Rejected";
      readonly commandId: string;
      readonly streamId: StreamId;
      readonly error: DomainError;
      readonly message: string;
    }
  | {
      readonly _tag: "Conflict";
      readonly commandId: string;
      readonly streamId: StreamId;
      readonly attempts: number;
      readonly message: string;
    }
  | {
      readonly _tag: "CommandIdReused";
      readonly commandId: string;
      /** The stream the new command is for. */
      readonly streamId: StreamId;
      /** The stream the command id was first used on. */
      readonly usedOn: StreamId;
      readonly reason: "otherStream" | "otherContent";
      readonly message: string;
    }
  | {
      readonly _tag: "StoreFailed";
      readonly commandId: string;
      readonly error: StoreError;
      readonly message: string;
    };
