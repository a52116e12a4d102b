import type { StreamId } from "@coop-ledger/domain";
import { describe, expect, it } from "vitest";
import { toStoreError } from "./errors.js";

const sid = "coop-htx-1" as StreamId;

describe("toStoreError", () => {
  it("maps the client's wrong-expected-version to WrongExpectedRevision (no stream = -1)", () => {
    expect(
      toStoreError(
        { type: "wrong-expected-version", actualVersion: 3n, message: "" },
        { client: "@eventstore/db-client", operation: "append", streamId: sid, expected: 1, secrets: [] },
      ),
    ).toMatchObject({ _tag: "WrongExpectedRevision", streamId: sid, expected: 1, actual: 3 });
    expect(
      toStoreError(
        { type: "wrong-expected-version", actualVersion: "no_stream" },
        {
          client: "@eventstore/db-client",
          operation: "append",
          streamId: sid,
          expected: "streamExists",
          secrets: [],
        },
      ),
    ).toMatchObject({ _tag: "WrongExpectedRevision", actual: -1 });
  });

  it("a wrong-expected-version under `any` is a partial repeat: InvalidAppend", () => {
    expect(
      toStoreError(
        { type: "wrong-expected-version", actualVersion: 1n },
        { client: "@eventstore/db-client", operation: "append", streamId: sid, expected: "any", secrets: [] },
      ),
    ).toMatchObject({ _tag: "InvalidAppend", reason: "partial repeat" });
  });

  it.each([
    [{ type: "unavailable", message: "14 UNAVAILABLE: No connection established" }, /unavailable/],
    [{ type: "cancelled", message: "1 CANCELLED" }, /cancelled/],
    [{ code: 14, message: "raw grpc" }, /unavailable/],
    [new Error("boom"), /error \(boom\)/],
  ])("%o → StoreUnavailable", (err, text) => {
    const e = toStoreError(err, { client: "@eventstore/db-client", operation: "readAll", secrets: [] });
    expect(e._tag).toBe("StoreUnavailable");
    expect(e.message).toMatch(text);
  });

  it.each([
    [{ type: "deadline-exceeded", message: "4 DEADLINE_EXCEEDED" }, "DeadlineExceeded"],
    [{ type: "timeout", message: "" }, "DeadlineExceeded"],
    [{ code: 4, message: "raw grpc" }, "DeadlineExceeded"],
    [{ type: "not-leader", message: "" }, "NotLeader"],
    [{ type: "stream-deleted", message: "" }, "StreamDeleted"],
    [{ type: "stream-tombstoned", message: "" }, "StreamDeleted"],
  ])("%o → %s, not StoreUnavailable", (err, tag) => {
    const e = toStoreError(err, { client: "@eventstore/db-client", operation: "readAll", secrets: [] });
    expect(e._tag).toBe(tag);
  });

  it("a not-leader error without the leader's endpoint is NotLeader without one", () => {
    const e = toStoreError(
      { type: "not-leader" },
      { client: "@eventstore/db-client", operation: "append", secrets: [] },
    );
    expect(e).toEqual({
      _tag: "NotLeader",
      operation: "append",
      message: expect.stringContaining("follower"),
    });
  });

  it("the client's access denied is AccessDenied naming the operation and the stream, not StoreUnavailable", () => {
    expect(
      toStoreError(
        { type: "access-denied", message: "7 PERMISSION_DENIED: Access Denied" },
        { client: "@eventstore/db-client", operation: "append", streamId: sid, expected: 2, secrets: [] },
      ),
    ).toEqual({
      _tag: "AccessDenied",
      operation: "append",
      streamId: sid,
      message: expect.stringMatching(/denied append on coop-htx-1/),
    });
    // Global reads and subscriptions have no stream: they name $all.
    expect(
      toStoreError(
        { type: "access-denied", message: "Access Denied" },
        { client: "@eventstore/db-client", operation: "subscribe", secrets: [] },
      ),
    ).toMatchObject({ _tag: "AccessDenied", operation: "subscribe", streamId: "$all" });
  });

  it.each([
    [{ code: 7, message: "7 PERMISSION_DENIED: raw grpc" }],
    [{ code: 16, message: "16 UNAUTHENTICATED: raw grpc" }],
  ])("a raw gRPC %o (not converted by the client) is AccessDenied too", (err) => {
    expect(
      toStoreError(err, {
        client: "@eventstore/db-client",
        operation: "readStream",
        streamId: sid,
        secrets: [],
      }),
    ).toMatchObject({
      _tag: "AccessDenied",
      operation: "readStream",
      streamId: sid,
    });
  });

  it("an AccessDenied message never holds a credential, even when the cause's message does", () => {
    const e = toStoreError(
      { type: "access-denied", message: "Access Denied for admin:hunter22 (Basic YWRtaW46aHVudGVyMjI=)" },
      { client: "@eventstore/db-client", operation: "readAll", secrets: ["hunter22"] },
    );
    expect(e._tag).toBe("AccessDenied");
    expect(e.message).not.toContain("hunter22");
    expect(e.message).not.toContain("YWRtaW46aHVudGVyMjI=");
    expect(e.message).not.toContain("admin");
  });

  it("a too-large append is InvalidAppend", () => {
    expect(
      toStoreError(
        { type: "maximum-append-size-exceeded" },
        { client: "@eventstore/db-client", operation: "append", streamId: sid, secrets: [] },
      ),
    ).toMatchObject({
      _tag: "InvalidAppend",
      reason: "too large",
    });
  });

  it("never lets a secret through, even when the cause's message holds it", () => {
    const e = toStoreError(
      {
        type: "unavailable",
        message: "failed to connect to esdb://admin:hunter22@db:2113 (Basic YWRtaW46aHVudGVyMjI=)",
      },
      { client: "@eventstore/db-client", operation: "readAll", secrets: ["hunter22"] },
    );
    expect(e.message).not.toContain("hunter22");
    expect(e.message).not.toContain(Buffer.from("admin:hunter22").toString("base64"));
    expect(e.message).toContain("Basic ***");
    expect(e.message).toContain("admin:***@db:2113");
  });
});
