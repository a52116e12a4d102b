/**
 * The options parameter type of a client call `(a, b, options?) => …` (the real clients' generic
 * methods included).
 *
 * @example
 * import type { EventStoreDBClient } from "@eventstore/db-client";
 * import type { KurrentDBClient } from "@kurrent/kurrentdb-client";
 * // 6.x names the expectation `expectedRevision`, Kurrent 1.x `streamState`:
 * type Old = AppendOptionsOf<EventStoreDBClient["appendToStream"]>;
 * type New = AppendOptionsOf<KurrentDBClient["appendToStream"]>;
 * const old: Old = { expectedRevision: "no_stream" };
 * const kurrent: New = { streamState: "no_stream" };
 * console.log(Object.keys(old), Object.keys(kurrent)); // ["expectedRevision"] ["streamState"]
 */
// biome-ignore lint/suspicious/noExplicitAny: only the options parameter's type is read
export type AppendOptionsOf<F> = F extends (a: any, b: any, options?: infer O, ...rest: any[]) => any
  ? NonNullable<O>
  : never;

/**
 * `unknown` when client `C`'s `appendToStream` options have the key `K`, else an object type naming
 * the problem: intersected with a binding's parameter, it makes binding the wrong client a compile
 * error (a function-typed shape alone cannot: an options object with an extra, ignored key is still
 * assignable to the client's options type).
 *
 * @example
 * import { KurrentDBClient } from "@kurrent/kurrentdb-client";
 * // A binding for Kurrent accepts only a client whose append options have `streamState`.
 * const bindKurrent = <C extends { appendToStream: unknown }>(c: C & HasAppendOption<C, "streamState">): C => c;
 * const client = KurrentDBClient.connectionString("kurrentdb://localhost:2113?tls=false"); // no call made yet
 * console.log(bindKurrent(client) === client); // true (the 6.x client here is a compile error)
 */
export type HasAppendOption<C, K extends string> = C extends { appendToStream: infer F }
  ? K extends keyof AppendOptionsOf<F>
    ? unknown
    : { readonly "this client has no such append option": K }
  : unknown;
