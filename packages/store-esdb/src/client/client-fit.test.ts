import type { EventStoreDBClient } from "@eventstore/db-client";
import type { KurrentDBClient } from "@kurrent/kurrentdb-client";
import { describe, expect, it } from "vitest";
import type { EsdbReadAllOptions, EsdbReadStreamOptions, EsdbSubscribeToAllOptions } from "./esdb-client.js";
import {
  type EventStoreDbAppendOptions,
  type EventStoreDbClientShape,
  eventStoreDbClient,
} from "./eventstore-binding.js";
import {
  type KurrentDbAppendOptions,
  type KurrentDbClientShape,
  kurrentDbClient,
} from "./kurrent-binding.js";
import type { AppendOptionsOf } from "./option-check.js";

// Compile-time checks (run by `tsc -p tsconfig.test.json`, part of CI). Type-only imports: nothing
// connects, no native module loads. A check that fails breaks the build, not this file's run.
//
// 1. Each real client fits its shape. The shapes use function-typed PROPERTIES, so parameters are
//    checked contravariantly (strictFunctionTypes): e.g. the client's subscription type must fit
//    what the adapter's checkpoint callback accepts. Method syntax would be checked bivariantly,
//    which is how the old interface let a client with a renamed option "fit".
const eventStoreDbFits = (c: EventStoreDBClient): EventStoreDbClientShape => c;
const kurrentDbFits = (c: KurrentDBClient): KurrentDbClientShape => c;

// 2. Contravariance alone cannot see a renamed option: an options object with an extra key is still
//    assignable to the client's options type. So every option the adapter SENDS must be a key of the
//    client's own options type, with a type the client accepts: `Sends<Theirs, Ours>` does not
//    compile otherwise (the constraint maps a missing key to `never`).
type Sends<Theirs, Ours extends { [K in keyof Ours]: K extends keyof Theirs ? Theirs[K] : never }> = Ours;
// biome-ignore lint/suspicious/noExplicitAny: only the options parameter's type is read
type FirstOptionsOf<F> = F extends (options?: infer O, ...rest: any[]) => any ? NonNullable<O> : never;
type Strip<T> = Omit<T, "filter">;

export type EventStoreDbSendsKnownOptions = [
  Sends<AppendOptionsOf<EventStoreDBClient["appendToStream"]>, EventStoreDbAppendOptions>,
  Sends<NonNullable<Parameters<EventStoreDBClient["readStream"]>[1]>, EsdbReadStreamOptions>,
  // 6.x reads take no filter (the binding strips it): checked without it.
  Sends<FirstOptionsOf<EventStoreDBClient["readAll"]>, Strip<EsdbReadAllOptions>>,
  Sends<FirstOptionsOf<EventStoreDBClient["subscribeToAll"]>, EsdbSubscribeToAllOptions>,
];
export type KurrentDbSendsKnownOptions = [
  Sends<AppendOptionsOf<KurrentDBClient["appendToStream"]>, KurrentDbAppendOptions>,
  Sends<NonNullable<Parameters<KurrentDBClient["readStream"]>[1]>, EsdbReadStreamOptions>,
  Sends<FirstOptionsOf<KurrentDBClient["readAll"]>, EsdbReadAllOptions>,
  Sends<FirstOptionsOf<KurrentDBClient["subscribeToAll"]>, EsdbSubscribeToAllOptions>,
];

// 3. The checks above can fail, and do on exactly the bug they exist for. Kurrent renamed
//    `expectedRevision` to `streamState` (and 6.x has no `streamState`): sending one client's option
//    to the other does not compile. If a future client version accepted it again, these
//    `@ts-expect-error`s would themselves become errors.
export type KurrentHasNoExpectedRevision = Sends<
  AppendOptionsOf<KurrentDBClient["appendToStream"]>,
  // @ts-expect-error: @kurrent/kurrentdb-client 1.x has no `expectedRevision` append option
  EventStoreDbAppendOptions
>;
export type EventStoreDbHasNoStreamState = Sends<
  AppendOptionsOf<EventStoreDBClient["appendToStream"]>,
  // @ts-expect-error: @eventstore/db-client 6.x has no `streamState` append option
  KurrentDbAppendOptions
>;
export type EventStoreDbReadAllHasNoFilter = Sends<
  FirstOptionsOf<EventStoreDBClient["readAll"]>,
  // @ts-expect-error: 6.x `readAll` takes no `filter`: the 6.x binding must strip it
  EsdbReadAllOptions
>;

// 4. A removed option, on a fixture: the 6.x client's append options without `expectedRevision`.
type AppendOptionsWithoutExpectedRevision = Omit<
  AppendOptionsOf<EventStoreDBClient["appendToStream"]>,
  "expectedRevision"
>;
// @ts-expect-error: the adapter sends `expectedRevision`, which this options type lacks
export type RemovedOptionBreaks = Sends<AppendOptionsWithoutExpectedRevision, EventStoreDbAppendOptions>;

// 5. The shapes themselves are not vacuous: a client whose append takes 6.x-style options does not
//    fit the Kurrent shape even structurally when its option type requires the old name.
interface OldStyleClient extends Omit<KurrentDbClientShape, "appendToStream"> {
  readonly appendToStream: (
    s: string,
    e: Parameters<KurrentDbClientShape["appendToStream"]>[1],
    o: { expectedRevision: bigint },
  ) => ReturnType<KurrentDbClientShape["appendToStream"]>;
}
// @ts-expect-error: KurrentDbAppendOptions has no required `expectedRevision` to give
const oldStyleFails = (c: OldStyleClient): KurrentDbClientShape => c;

// 6. The bindings users call refuse the wrong client at compile time (the runtime consequence is
//    shown in esdb-store.test.ts: a Kurrent client bound as 6.x appends `noStream` twice).
declare const realKurrent: KurrentDBClient;
declare const realEventStoreDb: EventStoreDBClient;
export const bindChecks = () => [
  kurrentDbClient(realKurrent),
  eventStoreDbClient(realEventStoreDb),
  // @ts-expect-error: a Kurrent client has no `expectedRevision` option: the 6.x binding refuses it
  eventStoreDbClient(realKurrent),
  // @ts-expect-error: a 6.x client has no `streamState` option: the Kurrent binding refuses it
  kurrentDbClient(realEventStoreDb),
];

describe("client interfaces", () => {
  it("@eventstore/db-client 6.x and @kurrent/kurrentdb-client 1.x each fit their shape (checked by tsc)", () => {
    expect(typeof eventStoreDbFits).toBe("function");
    expect(typeof kurrentDbFits).toBe("function");
    expect(typeof oldStyleFails).toBe("function");
  });
});
