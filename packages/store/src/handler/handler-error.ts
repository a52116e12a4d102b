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
 * @example match(err).with({ _tag: "Rejected" }, (e) => show(e.error)).with({ _tag: "Conflict" }, retryLater).with({ _tag: "CommandIdReused" }, newId).with({ _tag: "StoreFailed" }, alert).exhaustive()
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
