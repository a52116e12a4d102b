import {
  type DomainEvent,
  EVENT_TYPES,
  EventMetadata,
  type EventOf,
  type EventType,
  eventCodecs,
  Location,
} from "@coop-ledger/domain";
import fc from "fast-check";
import { arbitraryOf } from "./arbitrary-of.js";

/**
 * An arbitrary event of one type, from its codec (valid for the codec; not necessarily for the decider:
 * use the history arbitraries for that).
 * @example
 * import { decodeEvent, encodeEvent } from "@coop-ledger/domain";
 * import { eventArbitrary } from "@coop-ledger/testing";
 * import fc from "fast-check";
 * const [repaid] = fc.sample(eventArbitrary("LoanRepaid"), { numRuns: 1, seed: 42 });
 * console.log(repaid?.type); // "LoanRepaid"
 * // Every generated event survives its codec: encode, then decode, gives it back.
 * fc.assert(fc.property(eventArbitrary("LoanRepaid"), (e) => decodeEvent(encodeEvent(e))._tag === "Right"), { numRuns: 50 });
 */
export const eventArbitrary = <K extends EventType>(type: K): fc.Arbitrary<EventOf<K>> =>
  arbitraryOf(eventCodecs[type]) as unknown as fc.Arbitrary<EventOf<K>>;

/**
 * An arbitrary event of any of the catalogue's types, each type equally likely.
 * @example fc.assert(fc.property(domainEventArbitrary, (e) => E.isRight(decodeEvent(encodeEvent(e)))))
 */
export const domainEventArbitrary: fc.Arbitrary<DomainEvent> = fc.oneof(
  ...EVENT_TYPES.map((k) => eventArbitrary(k) as fc.Arbitrary<DomainEvent>),
);

/**
 * An arbitrary envelope metadata (recordedAt, optional recordedBy, correlation, source).
 * @example
 * fc.sample(metadataArbitrary, 1)
 */
export const metadataArbitrary: fc.Arbitrary<EventMetadata> = arbitraryOf(EventMetadata);

/**
 * An arbitrary location (gazetteer, province, district only in 2008-08-01).
 * @example
 * fc.sample(locationArbitrary, 1)
 */
export const locationArbitrary: fc.Arbitrary<Location> = arbitraryOf(Location);
