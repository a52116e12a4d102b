import type { StreamId } from "@coop-ledger/domain";
import type { StoreError } from "@coop-ledger/store";
import { describe, expect, it } from "vitest";
import { exitCodeOf } from "../errors/cli-error.js";
import { EXIT } from "../errors/exit-codes.js";
import { fromStoreError } from "./store-error.js";

const denied: StoreError = {
  _tag: "AccessDenied",
  operation: "append",
  streamId: "coop-htx-1" as StreamId,
  message: "EventStoreDB denied append on coop-htx-1: the user lacks the rights",
};

describe("fromStoreError", () => {
  it("EventStoreDB access denied: exit 6 (server refused), a hint on the user's rights, not the connection", () => {
    const e = fromStoreError(denied, "esdb");
    expect(exitCodeOf(e)).toBe(EXIT.storeUnavailable);
    expect(e.message).toBe(denied.message);
    expect(e.hint).toContain("append coop-htx-1");
    expect(e.hint).toContain("ESDB_USERNAME");
    expect(e.hint).not.toContain("connection string");
  });

  it("access denied on a file store is a file error (exit 3) about permissions", () => {
    const e = fromStoreError(denied, "file");
    expect(exitCodeOf(e)).toBe(EXIT.io);
    expect(e.hint).toContain("permissions");
  });

  it("unavailable EventStoreDB still hints at the connection (exit 6)", () => {
    const e = fromStoreError({ _tag: "StoreUnavailable", message: "EventStoreDB readAll failed" }, "esdb");
    expect(exitCodeOf(e)).toBe(EXIT.storeUnavailable);
    expect(e.hint).toContain("connection string");
  });

  it("a deleted stream, a follower and a deadline: exit 6, each with its own hint", () => {
    const deleted = fromStoreError(
      { _tag: "StreamDeleted", operation: "readStream", streamId: "coop-htx-1", message: "deleted" },
      "esdb",
    );
    expect(exitCodeOf(deleted)).toBe(EXIT.storeUnavailable);
    expect(deleted.hint).toContain("coop-htx-1 was deleted");
    const follower = fromStoreError(
      { _tag: "NotLeader", operation: "append", leader: "node2:2113", message: "follower" },
      "esdb",
    );
    expect(exitCodeOf(follower)).toBe(EXIT.storeUnavailable);
    expect(follower.hint).toContain("the leader is node2:2113");
    const late = fromStoreError({ _tag: "DeadlineExceeded", operation: "append", message: "late" }, "esdb");
    expect(exitCodeOf(late)).toBe(EXIT.storeUnavailable);
    expect(late.hint).toContain("may or may not have been written");
    const lateRead = fromStoreError(
      { _tag: "DeadlineExceeded", operation: "readAll", message: "late" },
      "esdb",
    );
    expect(lateRead.hint).not.toContain("written");
  });
});
