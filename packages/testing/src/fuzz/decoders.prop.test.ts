import { Command, DomainEvent, decodeEvent, EventMetadata, type RawEvent } from "@coop-ledger/domain";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { domainEventArbitrary } from "../arbitraries/event-arbitraries.js";
import { configureFastCheckFromEnv } from "../config/fast-check-env.js";
import { mutatedJson } from "./mutate.js";

configureFastCheckFromEnv();

const DECODE_TAGS = ["MalformedEvent", "UnknownEventType", "UnsupportedSchemaVersion", "InvalidEventData"];

const decodesTyped = (raw: unknown): void => {
  const r = decodeEvent(raw as RawEvent);
  if (E.isLeft(r)) {
    expect(DECODE_TAGS).toContain(r.left._tag);
    expect(typeof r.left.message).toBe("string");
  } else {
    expect(DomainEvent.is(r.right)).toBe(true);
    // A decoded event is canonical: decoding it again gives it back.
    expect(decodeEvent(JSON.parse(JSON.stringify(r.right)))).toEqual(E.right(r.right));
  }
};

describe("fuzz: decoders never throw, they return a typed error", () => {
  it("decodeEvent on any JSON value", () => {
    fc.assert(fc.property(fc.jsonValue(), decodesTyped), { numRuns: 500 });
  });

  it("decodeEvent on event-shaped objects with arbitrary type, version and data", () => {
    fc.assert(
      fc.property(
        fc.record({
          type: fc.oneof(
            fc.string(),
            fc.constantFrom("CoopFounded", "LoanRepaid", "__proto__", "constructor"),
          ),
          schemaVersion: fc.oneof(fc.integer(), fc.double()),
          data: fc.anything(),
        }),
        decodesTyped,
      ),
      { numRuns: 500 },
    );
  });

  it("decodeEvent on mutated valid events (a field removed, replaced, retyped; type or version changed)", () => {
    fc.assert(fc.property(mutatedJson(domainEventArbitrary), decodesTyped), { numRuns: 500 });
  });

  it("the envelope and command decoders return Either on any input", () => {
    fc.assert(
      fc.property(fc.anything(), (u) => {
        for (const codec of [EventMetadata, Command, DomainEvent]) {
          const r: E.Either<unknown, unknown> = codec.decode(u);
          expect(E.isLeft(r) || E.isRight(r)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
