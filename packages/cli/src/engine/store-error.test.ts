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
});
