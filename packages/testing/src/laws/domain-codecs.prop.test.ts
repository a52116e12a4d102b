import * as domain from "@coop-ledger/domain/internal";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import type * as t from "io-ts";
import { describe, expect, it } from "vitest";
import { arbitraryOf } from "../arbitraries/arbitrary-of.js";
import { configureFastCheckFromEnv } from "../config/fast-check-env.js";

configureFastCheckFromEnv();

const { CoopFoundedV1, commandCodecs, DomainEvent, decodeEvent, encodeEvent, eventCodecs } = domain;

const isCodec = (v: unknown): v is t.Mixed =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as t.Mixed).decode === "function" &&
  typeof (v as t.Mixed).encode === "function";
const codecsOf = (mod: Record<string, unknown>) =>
  Object.entries(mod).filter((e): e is [string, t.Mixed] => isCodec(e[1]));

// Every codec the domain defines except the event and command codecs (tested by name below).
const eventOrCommand = new Set<unknown>([
  ...Object.values(eventCodecs),
  ...Object.values(commandCodecs),
  CoopFoundedV1,
  DomainEvent,
]);
const valueCodecs: Array<[string, t.Mixed]> = codecsOf(domain).filter(([, c]) => !eventOrCommand.has(c));

const roundTrips = (codec: t.Mixed, numRuns = 100) =>
  fc.assert(
    fc.property(arbitraryOf(codec), (a) => {
      expect(E.isRight(codec.decode(a))).toBe(true);
      const back = codec.decode(JSON.parse(JSON.stringify(codec.encode(a))));
      expect(E.isRight(back) && back.right).toEqual(a);
    }),
    { numRuns },
  );

describe("codecs round-trip: decode(JSON(encode(a))) = a", () => {
  it("covers every value object codec", () => expect(valueCodecs.length).toBeGreaterThan(25));
  for (const [name, codec] of valueCodecs) it(`value object ${name}`, () => roundTrips(codec, 50));
  for (const [name, codec] of Object.entries(eventCodecs)) it(`event ${name}`, () => roundTrips(codec));
  it("event CoopFounded v1", () => roundTrips(CoopFoundedV1));
  for (const [name, codec] of Object.entries(commandCodecs)) it(`command ${name}`, () => roundTrips(codec));

  it("every current event round-trips through encodeEvent / decodeEvent", () =>
    fc.assert(
      fc.property(fc.oneof(...Object.values(eventCodecs).map((c) => arbitraryOf(c))), (a) => {
        const event = a as domain.DomainEvent;
        const r = decodeEvent(JSON.parse(JSON.stringify(encodeEvent(event))));
        expect(E.isRight(r) && r.right).toEqual(event);
        expect(DomainEvent.is(event)).toBe(true);
      }),
      { numRuns: 200 },
    ));

  it("every v1 CoopFounded upcasts to a valid v2 carrying the same facts", () =>
    fc.assert(
      fc.property(arbitraryOf(CoopFoundedV1), (a) => {
        const v1 = a as t.TypeOf<typeof CoopFoundedV1>;
        const r = decodeEvent(JSON.parse(JSON.stringify(v1)));
        // a v1 province code not in the codec's two-digit form is refused with a typed error
        if (E.isLeft(r)) {
          expect(r.left._tag).toBe("InvalidEventData");
          const d = v1.data;
          const wellFormed =
            /^\d{2}$/.test(d.provinceCode) &&
            (d.districtCode === undefined || /^\d{3}$/.test(d.districtCode)) &&
            (d.communeCode === undefined || /^\d{5}$/.test(d.communeCode)) &&
            !(d.districtCode !== undefined && d.effectiveDate >= "2025-07-01");
          expect(wellFormed).toBe(false);
        } else {
          expect(r.right.type === "CoopFounded" && r.right.data.location.provinceCode).toBe(
            v1.data.provinceCode,
          );
          expect(r.right.data.effectiveDate).toBe(v1.data.effectiveDate);
        }
      }),
      { numRuns: 100 },
    ));
});
