// Type tests (checked by `tsc -p tsconfig.test.json`, run as ordinary tests by vitest), as in
// packages/domain/src/types.test.ts: the store's error unions are closed, so a caller's exhaustive
// match breaks the build when a tag is added. Every `@ts-expect-error` marks a line that must NOT compile.
import { match } from "ts-pattern";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { HandlerError } from "./handler/handler-error.js";
import type { StoreError } from "./port/store-error.js";

describe("types: exhaustive matches over the store's error unions", () => {
  it("StoreError has exactly these tags (a tag added or gone does not compile here)", () => {
    const tags: Record<StoreError["_tag"], true> = {
      WrongExpectedRevision: true,
      LedgerLocked: true,
      CorruptLedger: true,
      UndecodableEvent: true,
      InvalidAppend: true,
      AccessDenied: true,
      LedgerChanged: true,
      StreamDeleted: true,
      NotLeader: true,
      DeadlineExceeded: true,
      StoreUnavailable: true,
      StoreClosed: true,
    };
    expect(Object.keys(tags)).toHaveLength(12);
    expectTypeOf<StoreError>().toHaveProperty("message").toEqualTypeOf<string>();
  });

  it("a match over StoreError missing a case does not compile", () => {
    const closed = (e: StoreError): boolean =>
      match(e)
        .with({ _tag: "StoreClosed" }, () => true)
        .otherwise(() => false);
    expect(closed({ _tag: "StoreClosed", message: "closed" })).toBe(true);
    const partial = (e: StoreError): string =>
      match(e)
        .with({ _tag: "StoreClosed" }, () => "closed")
        .with({ _tag: "StoreUnavailable" }, () => "unavailable")
        // @ts-expect-error only two of the twelve tags are handled: exhaustive() refuses to compile
        .exhaustive();
    expect(partial({ _tag: "StoreClosed", message: "closed" })).toBe("closed");
  });

  it("HandlerError is matched exhaustively over its four tags, whatever the domain's error type", () => {
    const advice = (e: HandlerError<{ readonly _tag: "Refused" }>): string =>
      match(e)
        .with({ _tag: "Rejected" }, () => "refused")
        .with({ _tag: "Conflict" }, () => "retry")
        .with({ _tag: "CommandIdReused" }, () => "new id")
        .with({ _tag: "StoreFailed" }, () => "store")
        .exhaustive();
    expectTypeOf(advice)
      .parameter(0)
      .toHaveProperty("_tag")
      .toEqualTypeOf<"Rejected" | "Conflict" | "CommandIdReused" | "StoreFailed">();
    const partial = (e: HandlerError<{ readonly _tag: "Refused" }>): string =>
      match(e)
        .with({ _tag: "Rejected" }, () => "refused")
        .with({ _tag: "Conflict" }, () => "retry")
        .with({ _tag: "CommandIdReused" }, () => "new id")
        // @ts-expect-error StoreFailed is not handled
        .exhaustive();
    expect(typeof partial).toBe("function");
  });
});
