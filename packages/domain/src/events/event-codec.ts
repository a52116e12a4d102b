import * as t from "io-ts";

/**
 * The codec of one event type at one schema version: `{ type, schemaVersion, data }`, where `data`
 * carries the effective date (valid time). Unknown keys are dropped on decode.
 *
 * @example
 * const Ping = eventCodec("Ping", 1, struct({ effectiveDate: BusinessDate }));
 * Ping.decode({ type: "Ping", schemaVersion: 1, data: { effectiveDate: "2024-01-01" } }); // Right
 */
export const eventCodec = <T extends string, V extends number, D extends t.Mixed>(
  type: T,
  schemaVersion: V,
  data: D,
): t.ExactC<t.TypeC<{ type: t.LiteralC<T>; schemaVersion: t.LiteralC<V>; data: D }>> =>
  t.exact(
    t.type({ type: t.literal(type), schemaVersion: t.literal(schemaVersion), data }),
    `${type}@v${schemaVersion}`,
  );
