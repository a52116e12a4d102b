/**
 * The options parameter type of a client call `(a, b, options?) => …` (the real clients' generic
 * methods included).
 *
 * @example type O = AppendOptionsOf<EventStoreDBClient["appendToStream"]>; // AppendToStreamOptions
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
 * @example const f = <C extends Shape>(c: C & HasAppendOption<C, "streamState">) => c;
 */
export type HasAppendOption<C, K extends string> = C extends { appendToStream: infer F }
  ? K extends keyof AppendOptionsOf<F>
    ? unknown
    : { readonly "this client has no such append option": K }
  : unknown;
