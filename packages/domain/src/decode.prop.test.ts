import * as fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { COMMAND_TYPES, Command } from "./commands/command.js";
import { decodeEvent, type RawEvent } from "./events/decode.js";
import { EVENT_TYPES } from "./events/domain-event.js";

const TAGS = ["MalformedEvent", "UnknownEventType", "UnsupportedSchemaVersion", "InvalidEventData"];
/** JSON objects whose keys include the prototype-polluting ones, parsed the way a store parses lines. */
const hostile = fc
  .array(
    fc.tuple(
      fc.constantFrom("__proto__", "constructor", "prototype", "coopId", "effectiveDate", "data"),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    { maxLength: 5 },
  )
  .map(
    (pairs) =>
      JSON.parse(
        `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(",")}}`,
      ) as unknown,
  );

describe("decoders never throw on any JSON input; they return a typed error", () => {
  it("decodeEvent on arbitrary JSON values", () =>
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = decodeEvent(v as unknown as RawEvent);
        expect(E.isLeft(r) && TAGS.includes(r.left._tag)).toBe(true);
      }),
      { numRuns: 200 },
    ));

  it("decodeEvent on a known type and version with arbitrary (and __proto__/constructor-keyed) data", () =>
    fc.assert(
      fc.property(
        fc.constantFrom(...EVENT_TYPES),
        fc.integer({ min: -1, max: 3 }),
        fc.oneof(fc.jsonValue(), hostile),
        (type, schemaVersion, data) => {
          const r = decodeEvent({ type, schemaVersion, data });
          if (E.isLeft(r)) expect(TAGS).toContain(r.left._tag);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(Object.prototype).not.toHaveProperty("coopId");
        },
      ),
      { numRuns: 300 },
    ));

  it("Command.decode on arbitrary and hostile JSON", () =>
    fc.assert(
      fc.property(fc.constantFrom(...COMMAND_TYPES), fc.oneof(fc.jsonValue(), hostile), (type, data) => {
        const r = Command.decode({ type, data });
        if (E.isRight(r)) expect(Object.getPrototypeOf(r.right.data)).toBe(Object.prototype);
        expect(Command.decode(data).constructor).toBe(Object);
      }),
      { numRuns: 300 },
    ));
});
