import * as E from "fp-ts/lib/Either.js";
import type * as t from "io-ts";
import { type EventDecodeError, formatValidationErrors } from "./decode-error.js";
import { CURRENT_SCHEMA_VERSION, type DomainEvent, eventCodecs, isEventType } from "./domain-event.js";
import { upcasters } from "./upcasting.js";

/**
 * A raw event as stored: type, schema version and undecoded data. This is what stores hand to
 * {@link decodeEvent}.
 */
export interface RawEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u);

/**
 * Decodes a raw event: checks the type is known and the version supported, runs the ordered upcasters
 * up to the current version, then decodes with the current codec. Never throws: every failure is a
 * typed {@link EventDecodeError} naming the type, version and offending fields.
 *
 * @example
 * decodeEvent({ type: "CoopFounded", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2019-03-01",
 *   name: "HTX A", form: "cooperative", sector: "agriculture", provinceCode: "60", foundingMembers: 7 } })
 * // Right: a v2 CoopFounded with location { gazetteer: "2008-08-01", provinceCode: "60" }
 */
export const decodeEvent = (raw: RawEvent): E.Either<EventDecodeError, DomainEvent> => {
  if (!isRecord(raw) || typeof raw.type !== "string" || typeof raw.schemaVersion !== "number") {
    return E.left({
      _tag: "MalformedEvent",
      message: "an event needs a string type, a numeric schemaVersion and data",
    });
  }
  const { type, schemaVersion } = raw;
  if (!isEventType(type)) {
    return E.left({ _tag: "UnknownEventType", type, message: `unknown event type "${type.slice(0, 100)}"` });
  }
  const latest: number = CURRENT_SCHEMA_VERSION[type];
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > latest) {
    return E.left({
      _tag: "UnsupportedSchemaVersion",
      type,
      schemaVersion,
      latest,
      message:
        schemaVersion > latest
          ? `${type} schema version ${schemaVersion} is newer than this library supports (latest ${latest}); upgrade coop-ledger to read it`
          : `${type} schema version ${schemaVersion} is not a valid version (1..${latest})`,
    });
  }
  let data: unknown = raw.data;
  const chain = upcasters[type] ?? [];
  for (let v = schemaVersion; v < latest; v++) {
    const up = chain[v - 1];
    if (up === undefined || !isRecord(data)) break;
    data = up(data);
  }
  const codec: t.Decoder<unknown, DomainEvent> = eventCodecs[type] as never;
  const result = codec.decode({ type, schemaVersion: latest, data });
  if (E.isRight(result)) return E.right(result.right);
  const problems = formatValidationErrors(result.left);
  return E.left({
    _tag: "InvalidEventData",
    type,
    schemaVersion,
    problems,
    message: `invalid ${type} v${schemaVersion}: ${problems.slice(0, 5).join("; ")}${problems.length > 5 ? ` (+${problems.length - 5} more)` : ""}`,
  });
};

/**
 * Encodes a domain event to its JSON form (the codec's output type).
 * @example
 * import { decide, encodeEvent, initialState, makeCommand } from "@coop-ledger/domain";
 * const found = makeCommand("FoundCoop", {
 *   coopId: "htx-1", effectiveDate: "2019-03-01", name: "HTX Thanh Long", form: "cooperative", sector: "agriculture",
 *   location: { gazetteer: "2008-08-01", provinceCode: "60" }, foundingMembers: 7,
 * });
 * if (found._tag === "Left") throw new Error(found.left.message);
 * const r = decide(found.right, initialState);
 * const event = r._tag === "Right" ? r.right[0] : undefined;
 * if (event !== undefined) {
 *   const stored = encodeEvent(event); // plain JSON: what a store writes
 *   console.log(stored.type, stored.schemaVersion, JSON.parse(JSON.stringify(stored)).data.coopId); // "CoopFounded" 2 "htx-1"
 * }
 */
export const encodeEvent = (event: DomainEvent): { type: string; schemaVersion: number; data: unknown } =>
  eventCodecs[event.type].encode(event as never) as { type: string; schemaVersion: number; data: unknown };
