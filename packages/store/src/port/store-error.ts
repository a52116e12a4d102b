import type { EventDecodeError, StreamId } from "@coop-ledger/domain";

/**
 * Everything a store can fail with, as values. Messages name what and where (stream, revision, file,
 * line, byte offset) and never contain credentials.
 *
 * - `WrongExpectedRevision`: optimistic concurrency conflict (`expected` vs the stream's `actual`
 *   last revision, `-1` for no stream);
 * - `LedgerLocked`: another writer holds the file ledger;
 * - `CorruptLedger`: a file ledger that fails its checks (torn tail, bad JSON, broken hash chain, bad
 *   header, a line over the size limit), with the 1-based line and byte offset of the first bad line;
 * - `UndecodableEvent`: a stored event the domain cannot decode (unknown type, newer schema, bad data);
 * - `InvalidAppend`: an append the store refuses before writing (empty batch, duplicate event ids in the
 *   batch, an event too large, a stream id that is not valid);
 * - `AccessDenied`: the store refused the operation for lack of rights (EventStoreDB's access denied:
 *   a user without the right to write or read that stream, or without credentials); it names the
 *   {@link StoreOperation} and the stream (`$all` for global reads and subscriptions), never the
 *   credentials. Retrying does not help: a person must change the user or the ACLs;
 * - `LedgerChanged`: the file ledger's file was truncated, grown, replaced or removed underneath its
 *   writer (by another program, a restore, a second writer): the writer refuses every further read and
 *   write, since appending at its old offset would leave a hole or overwrite someone's lines; reopen
 *   the ledger (and `verify` it) after finding out what happened;
 * - `StreamDeleted`: the stream was deleted (EventStoreDB's tombstone, or a soft delete refusing the
 *   write): it refuses appends and reads for good; names the operation and the stream. Retrying does
 *   not help;
 * - `NotLeader`: the node that answered is a follower and the operation needs the leader (EventStoreDB
 *   clusters); names the leader it pointed to when it did. May pass on retry: the client reconnects;
 * - `DeadlineExceeded`: the call did not complete in time (the server's deadline or the client's own
 *   timeout). For an append the OUTCOME IS UNKNOWN: it may have been written; retry with the same event
 *   ids, which the store treats as an idempotent repeat;
 * - `StoreUnavailable`: I/O or network failure (the cause's message, sanitised); may pass on retry;
 * - `StoreClosed`: the store was closed.
 *
 * @example
 * import type { StoreError } from "@coop-ledger/store";
 * import { match } from "ts-pattern";
 * const mayRetry = (error: StoreError): boolean =>
 *   match(error)
 *     .with({ _tag: "WrongExpectedRevision" }, { _tag: "NotLeader" }, { _tag: "StoreUnavailable" }, () => true)
 *     .with({ _tag: "DeadlineExceeded" }, () => true) // with the same event ids: an idempotent repeat
 *     .otherwise(() => false);
 * console.log(mayRetry({ _tag: "StoreClosed", message: "the in-memory store is closed" })); // false
 * console.log(mayRetry({ _tag: "StoreUnavailable", message: "ECONNRESET" })); // true
 */
export type StoreError =
  | {
      readonly _tag: "WrongExpectedRevision";
      readonly streamId: StreamId;
      readonly expected: ExpectedRevisionLabel;
      readonly actual: number;
      readonly message: string;
    }
  | {
      readonly _tag: "LedgerLocked";
      readonly path: string;
      readonly holder?: string;
      readonly message: string;
    }
  | {
      readonly _tag: "CorruptLedger";
      readonly path: string;
      readonly line: number;
      readonly byteOffset: number;
      readonly reason: string;
      readonly message: string;
    }
  | {
      readonly _tag: "UndecodableEvent";
      readonly where: string;
      readonly error: EventDecodeError;
      readonly message: string;
    }
  | {
      readonly _tag: "InvalidAppend";
      readonly streamId: string;
      readonly reason: string;
      readonly message: string;
    }
  | {
      readonly _tag: "AccessDenied";
      readonly operation: StoreOperation;
      /** The stream refused, or `$all` for `readAll` and `subscribe`. */
      readonly streamId: string;
      readonly message: string;
    }
  | {
      readonly _tag: "LedgerChanged";
      readonly path: string;
      readonly change: "truncated" | "grown" | "replaced" | "removed";
      /** The size the writer expects (what it wrote). */
      readonly expectedBytes: number;
      /** The size found (of the file at the path when it was replaced; -1 when removed). */
      readonly foundBytes: number;
      readonly message: string;
    }
  | {
      readonly _tag: "StreamDeleted";
      readonly operation: StoreOperation;
      readonly streamId: string;
      readonly message: string;
    }
  | {
      readonly _tag: "NotLeader";
      readonly operation: StoreOperation;
      /** `host:port` of the leader the node pointed to, when it said. */
      readonly leader?: string;
      readonly message: string;
    }
  | {
      readonly _tag: "DeadlineExceeded";
      readonly operation: StoreOperation;
      /** The stream of the call (absent for `readAll` and `subscribe`). */
      readonly streamId?: string;
      readonly message: string;
    }
  | { readonly _tag: "StoreUnavailable"; readonly message: string }
  | { readonly _tag: "StoreClosed"; readonly message: string };

/**
 * A printable form of an expected revision, for errors.
 * @example const l: ExpectedRevisionLabel = "noStream";
 */
export type ExpectedRevisionLabel = "noStream" | "any" | "streamExists" | number;

/**
 * The port operation an error happened in (named by `AccessDenied`).
 * @example const op: StoreOperation = "append";
 */
export type StoreOperation = "append" | "readStream" | "readAll" | "subscribe";
