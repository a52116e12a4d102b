import type { StreamId } from "@coop-ledger/domain";
import * as grpc from "@grpc/grpc-js";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { ClientPackage } from "../client/client-package.js";
import { loadClientPackage } from "../client/load-client-package.js";
import { toStoreError } from "./errors.js";

// The mapping fed with each client's OWN error classes (constructed as the clients construct them
// from a server reply: `new WrongExpectedVersionError(undefined, { streamName, expected, current })`
// is what both clients' `fromWrongExpectedVersion` does), so a renamed field shows up here.
const sid = "coop-htx-1" as StreamId;
type ErrorCtor = new (...args: never[]) => Error;
const errorsOf = (pkg: ClientPackage): Record<string, ErrorCtor & Record<string, unknown>> => {
  const m = loadClientPackage(pkg);
  if (E.isLeft(m)) throw new Error(m.left.message);
  return m.right as Record<string, ErrorCtor & Record<string, unknown>>;
};
const make = (C: ErrorCtor, ...args: unknown[]): Error => new (C as new (...a: unknown[]) => Error)(...args);

describe.each([
  ["@eventstore/db-client", "actualVersion"],
  ["@kurrent/kurrentdb-client", "actualState"],
] as const)("%s errors", (pkg, field) => {
  const C = errorsOf(pkg);
  const ctx = { client: pkg, streamId: sid, secrets: [] } as const;

  it(`WrongExpectedVersionError: the actual revision comes from ${field}`, () => {
    const wrong = make(C.WrongExpectedVersionError!, undefined, {
      streamName: sid,
      expected: 1n,
      current: 3n,
    });
    expect((wrong as unknown as Record<string, unknown>)[field]).toBe(3n);
    expect(toStoreError(wrong, { ...ctx, operation: "append", expected: 1 })).toMatchObject({
      _tag: "WrongExpectedRevision",
      expected: 1,
      actual: 3,
    });
    const none = make(C.WrongExpectedVersionError!, undefined, {
      streamName: sid,
      expected: 0n,
      current: "no_stream",
    });
    expect(toStoreError(none, { ...ctx, operation: "append", expected: 0 })).toMatchObject({
      _tag: "WrongExpectedRevision",
      actual: -1,
    });
  });

  it("a deleted stream is StreamDeleted for appends and reads, naming the operation and the stream", () => {
    const deleted = (
      C.StreamDeletedError as unknown as { fromStreamName: (s: string) => Error }
    ).fromStreamName(sid);
    expect(toStoreError(deleted, { ...ctx, operation: "append", expected: "any" })).toMatchObject({
      _tag: "StreamDeleted",
      operation: "append",
      streamId: sid,
    });
    expect(toStoreError(deleted, { ...ctx, operation: "readStream" })).toMatchObject({
      _tag: "StreamDeleted",
      operation: "readStream",
      streamId: sid,
      message: expect.stringMatching(/deleted/),
    });
  });

  it("NotLeaderError is NotLeader with the leader from the client's own leader field", () => {
    // As the client builds it from a server reply: the leader's endpoint in the trailers.
    const metadata = new grpc.Metadata();
    metadata.set("exception", "not-leader");
    metadata.set("leader-endpoint-host", "node2.htx.vn");
    metadata.set("leader-endpoint-port", "2113");
    const notLeader = make(C.NotLeaderError!, {
      code: grpc.status.NOT_FOUND,
      details: "Leader info available",
      metadata,
    });
    expect((notLeader as unknown as { leader: unknown }).leader).toEqual({
      address: "node2.htx.vn",
      port: 2113,
    });
    expect(toStoreError(notLeader, { ...ctx, operation: "append", expected: "any" })).toEqual({
      _tag: "NotLeader",
      operation: "append",
      leader: "node2.htx.vn:2113",
      message: expect.stringContaining("the leader is node2.htx.vn:2113"),
    });
  });

  it("access denied, unavailable, deadline, maximum append size", () => {
    expect(toStoreError(make(C.AccessDeniedError!), { ...ctx, operation: "readStream" })).toMatchObject({
      _tag: "AccessDenied",
      operation: "readStream",
      streamId: sid,
    });
    expect(toStoreError(make(C.UnavailableError!), { ...ctx, operation: "readAll" })).toMatchObject({
      _tag: "StoreUnavailable",
      message: expect.stringMatching(/unavailable/),
    });
    expect(toStoreError(make(C.DeadlineExceededError!), { ...ctx, operation: "readAll" })).toMatchObject({
      _tag: "DeadlineExceeded",
      operation: "readAll",
      message: expect.stringMatching(/did not complete in time/),
    });
    // An append whose deadline passed may have been written: the message says so.
    expect(
      toStoreError(make(C.DeadlineExceededError!), { ...ctx, operation: "append", expected: "any" }),
    ).toMatchObject({
      _tag: "DeadlineExceeded",
      streamId: sid,
      message: expect.stringMatching(/may or may not have been written/),
    });
    expect(toStoreError(make(C.TimeoutError!), { ...ctx, operation: "readStream" })).toMatchObject({
      _tag: "DeadlineExceeded",
    });
    const tooBig = (
      C.MaxAppendSizeExceededError as unknown as { fromMaxAppendSize: (n: number) => Error }
    ).fromMaxAppendSize(1024);
    expect(toStoreError(tooBig, { ...ctx, operation: "append", expected: "any" })).toMatchObject({
      _tag: "InvalidAppend",
      reason: "too large",
    });
  });
});

describe("@kurrent/kurrentdb-client only", () => {
  const C = errorsOf("@kurrent/kurrentdb-client");
  it("StreamTombstonedError (the v2 append protocol's tombstone) refuses the append", () => {
    const t = make(C.StreamTombstonedError!, undefined, { stream: sid });
    expect((t as unknown as { type: string }).type).toBe("stream-tombstoned");
    expect(
      toStoreError(t, {
        client: "@kurrent/kurrentdb-client",
        operation: "append",
        streamId: sid,
        expected: "any",
        secrets: [],
      }),
    ).toMatchObject({ _tag: "StreamDeleted", operation: "append", streamId: sid });
  });

  it("reading the 6.x field from a Kurrent error would have lost the revision (the old bug)", () => {
    const wrong = make(C.WrongExpectedVersionError!, undefined, {
      streamName: sid,
      expected: 7n,
      current: 2n,
    });
    expect((wrong as unknown as { actualVersion?: unknown }).actualVersion).toBeUndefined();
    // Mapped as if it came from 6.x: the revision is gone (reported as no stream, −1).
    expect(
      toStoreError(wrong, {
        client: "@eventstore/db-client",
        operation: "append",
        streamId: sid,
        expected: 7,
        secrets: [],
      }),
    ).toMatchObject({ actual: -1 });
    expect(
      toStoreError(wrong, {
        client: "@kurrent/kurrentdb-client",
        operation: "append",
        streamId: sid,
        expected: 7,
        secrets: [],
      }),
    ).toMatchObject({ actual: 2 });
  });
});
