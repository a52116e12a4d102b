import * as t from "io-ts";

/**
 * The codec of one command: `{ type, data }`. Unknown keys are dropped on decode.
 *
 * @example
 * const Ping = commandCodec("Ping", struct({ effectiveDate: BusinessDate }));
 * Ping.decode({ type: "Ping", data: { effectiveDate: "2024-01-01" } }); // Right
 */
export const commandCodec = <T extends string, D extends t.Mixed>(
  type: T,
  data: D,
): t.ExactC<t.TypeC<{ type: t.LiteralC<T>; data: D }>> =>
  t.exact(t.type({ type: t.literal(type), data }), type);
