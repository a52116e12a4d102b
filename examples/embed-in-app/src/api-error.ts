import { match } from "ts-pattern";

/**
 * Every error the service answers with, as a value; the JSON body is `{ error: ApiError }`.
 *
 * - `Unauthorized` (401): no or wrong bearer token on a write;
 * - `MalformedBody` (400): not JSON or wrong content type (`reason` says which);
 * - `PayloadTooLarge` (413): the body is over the size limit (`limit` in bytes);
 * - `UriTooLong` (414): the URL (a path parameter) is over the router's limit;
 * - `HeadersTooLarge` (431): the request line and headers are over Node's limit (16 KiB by default);
 * - `BadRequest` (400 or 408): a request HTTP cannot parse, or one not sent in time;
 * - `InvalidCommand` (400): JSON that is not a valid command (`problems` name the fields);
 * - `InvalidQuery` (400): a bad query string (dates, codes);
 * - `RuleViolated` (422): the decider refused the command (`rule` is the domain error's tag);
 * - `ConcurrencyConflict` (409): another write to the same stream won, after the handler's retries;
 * - `CommandIdReused` (409): the `commandId` was already used for another command (on `usedOn`, or
 *   there with other content); send a new command id;
 * - `NotFound` (404);
 * - `StoreUnavailable` (503): the ledger is locked by another process or the disk failed;
 * - `ShuttingDown` (503): the service is draining (SIGTERM/SIGINT); a request that reaches it on a
 *   connection still open is refused, not served (retry elsewhere, or once it has restarted);
 * - `Internal` (500).
 *
 * @example const e: ApiError = { _tag: "Unauthorized", message: "a bearer token is required for writes" };
 */
export type ApiError =
  | { readonly _tag: "Unauthorized"; readonly message: string }
  | {
      readonly _tag: "MalformedBody";
      readonly reason: "notJson" | "contentType";
      readonly message: string;
    }
  | { readonly _tag: "PayloadTooLarge"; readonly limit: number; readonly message: string }
  | { readonly _tag: "UriTooLong"; readonly message: string }
  | { readonly _tag: "HeadersTooLarge"; readonly message: string }
  | { readonly _tag: "BadRequest"; readonly timeout: boolean; readonly message: string }
  | { readonly _tag: "InvalidCommand"; readonly problems: ReadonlyArray<string>; readonly message: string }
  | { readonly _tag: "InvalidQuery"; readonly message: string }
  | { readonly _tag: "RuleViolated"; readonly rule: string; readonly message: string }
  | { readonly _tag: "ConcurrencyConflict"; readonly streamId: string; readonly message: string }
  | {
      readonly _tag: "CommandIdReused";
      readonly commandId: string;
      readonly usedOn: string;
      readonly reason: "otherStream" | "otherContent";
      readonly message: string;
    }
  | { readonly _tag: "NotFound"; readonly message: string }
  | { readonly _tag: "StoreUnavailable"; readonly message: string }
  | { readonly _tag: "ShuttingDown"; readonly message: string }
  | { readonly _tag: "Internal"; readonly message: string };

/**
 * The HTTP status of an error.
 * @example statusOf({ _tag: "ConcurrencyConflict", streamId: "coop-1", message: "" }) // 409
 */
export const statusOf = (e: ApiError): number =>
  match(e)
    .with({ _tag: "Unauthorized" }, () => 401)
    .with({ _tag: "MalformedBody" }, () => 400)
    .with({ _tag: "PayloadTooLarge" }, () => 413)
    .with({ _tag: "UriTooLong" }, () => 414)
    .with({ _tag: "HeadersTooLarge" }, () => 431)
    .with({ _tag: "BadRequest" }, (e) => (e.timeout ? 408 : 400))
    .with({ _tag: "InvalidCommand" }, () => 400)
    .with({ _tag: "InvalidQuery" }, () => 400)
    .with({ _tag: "RuleViolated" }, () => 422)
    .with({ _tag: "ConcurrencyConflict" }, () => 409)
    .with({ _tag: "CommandIdReused" }, () => 409)
    .with({ _tag: "NotFound" }, () => 404)
    .with({ _tag: "StoreUnavailable" }, () => 503)
    .with({ _tag: "ShuttingDown" }, () => 503)
    .with({ _tag: "Internal" }, () => 500)
    .exhaustive();
