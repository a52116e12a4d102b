import type { StoreError } from "@coop-ledger/store";
import { match } from "ts-pattern";
import type { CliError } from "../errors/cli-error.js";

/**
 * A store error as a CLI error: corrupt or undecodable ledger → exit 4, locked or conflicting → 7,
 * unavailable (I/O, network) → 6 for EventStoreDB or 3 for a file, access denied → 6 for EventStoreDB
 * (the hint names the user's missing right) or 3 for a file; EventStoreDB's deleted stream, follower
 * node and deadline → 6, each with a hint.
 *
 * @example fromStoreError({ _tag: "LedgerLocked", path: "l.jsonl", message: "locked" }, "file")._tag // "Conflict"
 */
export const fromStoreError = (e: StoreError, where: "file" | "esdb"): CliError =>
  match(e)
    .with(
      { _tag: "WrongExpectedRevision" },
      (x): CliError => ({
        _tag: "Conflict",
        message: x.message,
        hint: "another writer changed the stream meanwhile; run again",
      }),
    )
    .with(
      { _tag: "LedgerLocked" },
      (x): CliError => ({
        _tag: "Conflict",
        message: x.message,
        hint: "another process is writing this ledger; wait for it, or remove a stale lock file only if no writer runs",
      }),
    )
    .with(
      { _tag: "CorruptLedger" },
      (x): CliError => ({
        _tag: "LedgerCorrupt",
        path: x.path,
        line: x.line,
        message: x.message,
        hint: "run `coop-ledger verify --ledger FILE` for the details of the first bad line",
      }),
    )
    .with(
      { _tag: "LedgerChanged" },
      (x): CliError => ({
        _tag: "LedgerCorrupt",
        path: x.path,
        message: x.message,
        hint: "another program truncated or replaced the ledger while coop-ledger was writing it; nothing more was written. Run `coop-ledger verify --ledger FILE`",
      }),
    )
    .with(
      { _tag: "UndecodableEvent" },
      (x): CliError => ({
        _tag: "LedgerCorrupt",
        path: x.where,
        message: x.message,
        hint: "an event this version cannot read (unknown type, newer schema): upgrade coop-ledger or investigate",
      }),
    )
    .with(
      { _tag: "InvalidAppend" },
      (x): CliError => ({
        _tag: "Internal",
        message: x.message,
        hint: "the store refused the events; this is a bug in coop-ledger, rerun with --debug and report it",
      }),
    )
    .with(
      { _tag: "StoreUnavailable" },
      (x): CliError =>
        where === "esdb"
          ? {
              _tag: "StoreUnavailable",
              message: x.message,
              hint: "check the connection string (esdb://host:2113?tls=false) and that the server is running",
            }
          : {
              _tag: "FileError",
              path: "",
              message: x.message,
              hint: "check the path, the permissions and free disk space",
            },
    )
    .with(
      { _tag: "AccessDenied" },
      (x): CliError =>
        where === "esdb"
          ? {
              _tag: "StoreUnavailable",
              message: x.message,
              hint: `the EventStoreDB user may not ${x.operation} ${x.streamId}: set ESDB_USERNAME / ESDB_PASSWORD to a user with the rights, or ask the administrator to grant them (retrying will not help)`,
            }
          : {
              _tag: "FileError",
              path: "",
              message: x.message,
              hint: "check the permissions of the ledger file and its directory",
            },
    )
    .with(
      { _tag: "StreamDeleted" },
      (x): CliError => ({
        _tag: "StoreUnavailable",
        message: x.message,
        hint: `stream ${x.streamId} was deleted on the server: it can be neither read nor written again (retrying will not help); ask the administrator who deleted it`,
      }),
    )
    .with(
      { _tag: "NotLeader" },
      (x): CliError => ({
        _tag: "StoreUnavailable",
        message: x.message,
        hint: `the node answering is a follower${x.leader !== undefined ? ` (the leader is ${x.leader})` : ""}: run again (the client reconnects to the leader), or connect to the cluster with nodePreference=leader`,
      }),
    )
    .with(
      { _tag: "DeadlineExceeded" },
      (x): CliError => ({
        _tag: "StoreUnavailable",
        message: x.message,
        hint:
          x.operation === "append"
            ? "the server did not answer in time: the events may or may not have been written; run the same command again (a repeat of the same events is recognised and not written twice)"
            : "the server did not answer in time: check its load and the network, then run again",
      }),
    )
    .with(
      { _tag: "StoreClosed" },
      (x): CliError => ({
        _tag: "Internal",
        message: x.message,
        hint: "the store was closed while in use; this is a bug, rerun with --debug",
      }),
    )
    .exhaustive();
