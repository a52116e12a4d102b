import type { StreamId } from "@coop-ledger/domain";
import type { StoreError } from "../port/store-error.js";

/**
 * Why a command was not carried out:
 * - `Rejected`: the decider refused it (the domain error, e.g. a rule of the law in force);
 * - `Conflict`: other writers kept changing the stream; still conflicting after `maxRetries` retries;
 * - `StoreFailed`: the store failed (I/O, corrupt ledger, closed, invalid append).
 *
 * @example match(err).with({ _tag: "Rejected" }, (e) => show(e.error)).with({ _tag: "Conflict" }, retryLater).with({ _tag: "StoreFailed" }, alert).exhaustive()
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
      readonly _tag: "StoreFailed";
      readonly commandId: string;
      readonly error: StoreError;
      readonly message: string;
    };
