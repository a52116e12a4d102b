import { DomainEvent, decodeEvent, EVENT_TYPES, encodeEvent } from "@coop-ledger/domain";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { configureFastCheckFromEnv } from "../config/fast-check-env.js";
import { domainEventArbitrary, eventArbitrary } from "./event-arbitraries.js";

configureFastCheckFromEnv();

describe("event arbitraries (derived from the codecs)", () => {
  it.each(EVENT_TYPES)("every generated %s satisfies its codec", (type) => {
    fc.assert(
      fc.property(eventArbitrary(type), (e) => {
        expect(DomainEvent.is(e) && e.type === type).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it("codecs round-trip: decodeEvent(encodeEvent(e)) equals e, through JSON", () => {
    fc.assert(
      fc.property(domainEventArbitrary, (e) => {
        const r = decodeEvent(JSON.parse(JSON.stringify(encodeEvent(e))));
        expect(E.isRight(r) ? r.right : r.left).toEqual(JSON.parse(JSON.stringify(e)));
      }),
      { numRuns: 200 },
    );
  });
});
