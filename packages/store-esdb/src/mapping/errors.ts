import type { StreamId } from "@coop-ledger/domain";
import type { ExpectedRevision, StoreError, StoreOperation } from "@coop-ledger/store";
import { match, P } from "ts-pattern";
import type { ClientPackage } from "../client/client-package.js";
import { redactSecrets } from "../client/redact.js";

/** What was being done when a client call failed, for the error's message. */
export interface ErrorContext {
  /** Which client threw: the two name the wrong-expected-version field differently. */
  readonly client: ClientPackage;
  readonly operation: StoreOperation;
  readonly streamId?: StreamId;
  readonly expected?: ExpectedRevision;
  /** Strings to mask in messages (the password, in every form). */
  readonly secrets: ReadonlyArray<string>;
}

/** The fields of the clients' `CommandError`s the mapping reads. */
export interface ClientErrorShape {
  readonly type?: unknown;
  readonly message?: unknown;
  readonly code?: unknown;
  /** `@eventstore/db-client` 6.x `WrongExpectedVersionError.actualVersion`: bigint | "no_stream". */
  readonly actualVersion?: unknown;
  /** `@kurrent/kurrentdb-client` 1.x `WrongExpectedVersionError.actualState`: bigint | "no_stream". */
  readonly actualState?: unknown;
  /** Both clients' `NotLeaderError.leader`: `{ address, port }` from the `leader-endpoint-*` trailers. */
  readonly leader?: unknown;
}

// gRPC status codes (https://grpc.github.io/grpc/core/md_doc_statuscodes.html), for errors the client did
// not convert (e.g. a failure before its own mapping ran).
const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_PERMISSION_DENIED = 7;
const GRPC_UNAUTHENTICATED = 16;

/**
 * The stream revision a wrong-expected-version error reports, as our number (−1: no stream), read
 * from the field the throwing client uses: 6.2.1 `dist/utils/CommandError.js` sets `actualVersion`,
 * Kurrent 1.3.1 `dist/utils/CommandError.js` sets `actualState` (and no `actualVersion`: reading the
 * 6.x name from a Kurrent error gives `undefined`, which the old adapter reported as −1).
 * `undefined` when the field is missing or not a revision.
 *
 * @example actualRevisionOf("@kurrent/kurrentdb-client", { actualState: 7n }) // 7
 */
export const actualRevisionOf = (client: ClientPackage, error: ClientErrorShape): number | undefined => {
  const raw = match(client)
    .with("@eventstore/db-client", () => error.actualVersion)
    .with("@kurrent/kurrentdb-client", () => error.actualState)
    .exhaustive();
  if (raw === "no_stream") return -1;
  if (typeof raw === "bigint" && raw >= -1n && raw <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(raw);
  return undefined;
};

/**
 * Maps anything a client call threw to a {@link StoreError}, by the `type` of the clients' own
 * `CommandError` classes (6.2.1 and Kurrent 1.3.1 `dist/utils/CommandError.js`, the same strings):
 *
 * - `WrongExpectedVersionError` → `WrongExpectedRevision` (`actual` from the client's own field, −1 for
 *   no stream), or `InvalidAppend` "partial repeat" when the expectation was `any`;
 * - `MaxAppendSizeExceededError` (and Kurrent's `AppendRecordSizeExceededError`,
 *   `TransactionMaxSizeExceededError`) → `InvalidAppend` "too large";
 * - `StreamDeletedError` (and Kurrent's `StreamTombstonedError`) → `StreamDeleted`, any operation;
 * - `AccessDeniedError` (and a raw PERMISSION_DENIED / UNAUTHENTICATED status, which the clients also
 *   call access denied) → `AccessDenied` naming the operation and the stream (`$all` for global reads
 *   and subscriptions); its message does not quote the server (it adds nothing, could echo a user);
 * - `NotLeaderError` → `NotLeader` with the leader's `host:port` from its `leader` field;
 * - `DeadlineExceededError`, `TimeoutError` (and a raw DEADLINE_EXCEEDED) → `DeadlineExceeded`;
 * - `UnavailableError`, `CancelledError`, `StreamNotFoundError` where not expected, unknown →
 *   `StoreUnavailable` saying which.
 *
 * No message holds a secret.
 *
 * @example
 * import type { StreamId } from "@coop-ledger/domain";
 * import { toStoreError } from "@coop-ledger/store-esdb/internal";
 * // What @eventstore/db-client throws for a wrong expected version (its CommandError's fields).
 * const thrown = { type: "wrong-expected-version", message: "WrongExpectedVersion", actualVersion: 5n };
 * const e = toStoreError(thrown, { client: "@eventstore/db-client", operation: "append", streamId: "coop-htx-1" as StreamId, expected: 3, secrets: ["s3cret"] });
 * console.log(e._tag, e._tag === "WrongExpectedRevision" && e.actual); // "WrongExpectedRevision" 5
 * const down = toStoreError(new Error("connect ECONNREFUSED for admin:s3cret@db"), { client: "@eventstore/db-client", operation: "readAll", secrets: ["s3cret"] });
 * console.log(down._tag, down.message.includes("s3cret")); // "StoreUnavailable" false
 */
export const toStoreError = (error: unknown, ctx: ErrorContext): StoreError => {
  const e: ClientErrorShape = typeof error === "object" && error !== null ? (error as ClientErrorShape) : {};
  const raw = typeof e.message === "string" ? e.message : String(error);
  const detail = redactSecrets(raw, ctx.secrets).slice(0, 500);
  const where = ctx.streamId !== undefined ? ` on ${ctx.streamId}` : "";
  const streamId = ctx.streamId ?? ("" as StreamId);
  const accessDenied = (): StoreError => {
    const target = ctx.streamId ?? "$all";
    return {
      _tag: "AccessDenied",
      operation: ctx.operation,
      streamId: target,
      message: `EventStoreDB denied ${ctx.operation} on ${target}: the user lacks the rights (check ESDB_USERNAME / ESDB_PASSWORD and the stream's ACL)`,
    };
  };
  const deadline = (what: string): StoreError => ({
    _tag: "DeadlineExceeded",
    operation: ctx.operation,
    ...(ctx.streamId !== undefined ? { streamId: ctx.streamId } : {}),
    message: `EventStoreDB ${ctx.operation}${where} did not complete in time (${what})${
      ctx.operation === "append"
        ? ": the events may or may not have been written; retry with the same event ids"
        : ""
    }`,
  });
  const unavailable = (what: string): StoreError => ({
    _tag: "StoreUnavailable",
    message: `EventStoreDB ${ctx.operation}${where} failed: ${what}${detail ? ` (${detail})` : ""}`,
  });
  return match(e.type)
    .with("wrong-expected-version", (): StoreError => {
      // Each client reports the stream's revision as a bigint, or "no_stream" (our −1), in its own field.
      const known = actualRevisionOf(ctx.client, e);
      const actual = known ?? -1;
      const expected = ctx.expected ?? "any";
      // With `any` (or `streamExists` on an existing stream) the server only answers "wrong expected
      // version" when the batch partly repeats events already in the stream (its idempotency check
      // found the first ids but not the rest): a refused batch, not a concurrency conflict.
      if (expected === "any" || (expected === "streamExists" && actual >= 0)) {
        return {
          _tag: "InvalidAppend",
          streamId,
          reason: "partial repeat",
          message: `append${where} refused: the batch partly repeats events already in the stream (same ids, different batch)`,
        };
      }
      return {
        _tag: "WrongExpectedRevision",
        streamId,
        expected,
        actual,
        message: `wrong expected revision${where}: expected ${expected}, stream is at ${actual === -1 ? "no stream" : actual}`,
      };
    })
    .with(
      P.union("maximum-append-size-exceeded", "append-record-size-exceeded", "transaction-max-size-exceeded"),
      (): StoreError => ({
        _tag: "InvalidAppend",
        streamId,
        reason: "too large",
        message: `append${where} refused by EventStoreDB: the batch exceeds the server's maximum append size`,
      }),
    )
    .with(
      P.union("stream-deleted", "stream-tombstoned"),
      (): StoreError => ({
        _tag: "StreamDeleted",
        operation: ctx.operation,
        streamId,
        message: `EventStoreDB refused ${ctx.operation}${where}: the stream was deleted (tombstoned)`,
      }),
    )
    .with(
      P.union("invalid-argument", "missing-required-metadata-property"),
      (t): StoreError =>
        ctx.operation === "append"
          ? {
              _tag: "InvalidAppend",
              streamId,
              reason: String(t),
              message: `append${where} refused by EventStoreDB: ${String(t)}${detail ? ` (${detail})` : ""}`,
            }
          : unavailable(String(t)),
    )
    .with("stream-not-found", () => unavailable("stream not found"))
    .with("access-denied", accessDenied)
    .with("not-leader", (): StoreError => {
      const l = (typeof e.leader === "object" && e.leader !== null ? e.leader : {}) as {
        address?: unknown;
        port?: unknown;
      };
      const leader =
        typeof l.address === "string" && typeof l.port === "number" ? `${l.address}:${l.port}` : undefined;
      return {
        _tag: "NotLeader",
        operation: ctx.operation,
        ...(leader !== undefined ? { leader } : {}),
        message: `EventStoreDB ${ctx.operation}${where}: the node is a follower${leader !== undefined ? `, the leader is ${leader}` : ""} (the client reconnects to the leader on the next call)`,
      };
    })
    .with(P.union("deadline-exceeded", "timeout"), (t) => deadline(String(t)))
    .with(P.union("unavailable", "cancelled"), (t) => unavailable(String(t)))
    .otherwise(() =>
      match(e.code)
        .with(GRPC_UNAVAILABLE, () => unavailable("unavailable"))
        .with(GRPC_DEADLINE_EXCEEDED, () => deadline("deadline exceeded"))
        .with(P.union(GRPC_PERMISSION_DENIED, GRPC_UNAUTHENTICATED), accessDenied)
        .otherwise(() => unavailable("error")),
    );
};
