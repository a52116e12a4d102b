import { deriveEventId, type StreamId } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import type { EventStore } from "../port/event-store.js";
import type { StoreError } from "../port/store-error.js";

/**
 * Which stream each handled command id was used on, learnt from the store's global log: an event whose
 * `causationId` is `c` and whose id is the first derived id of `c` on its stream
 * (`deriveEventId(c, stream, 0)`) marks command `c` as handled on that stream. Reading is incremental
 * (only events after the last one seen), so a long-running handler pays for each event once; the map
 * holds one entry per command (about 100 bytes), which is what a service that refuses reused command
 * ids must remember.
 *
 * @example
 * import { COOP_LEDGER_NAMESPACE, type Instant, ledgerDecider, makeCommand, stateFromHistory, streamOf } from "@coop-ledger/domain";
 * import { makeCommandHandler, makeInMemoryStore } from "@coop-ledger/store";
 * import { makeCommandRegistry } from "@coop-ledger/store";
 * const store = makeInMemoryStore();
 * const handler = makeCommandHandler({
 *   store,
 *   decider: ledgerDecider,
 *   streamOf,
 *   stateFromHistory,
 *   clock: () => "2024-01-15T08:00:00.000Z" as Instant, // transaction time (recordedAt)
 * });
 * const found = makeCommand("FoundCoop", {
 *   coopId: "htx-thanh-long",
 *   effectiveDate: "2019-03-01",
 *   name: "HTX Thanh Long",
 *   form: "cooperative",
 *   sector: "agriculture",
 *   location: { gazetteer: "2008-08-01", provinceCode: "60" },
 *   foundingMembers: 7,
 * });
 * if (found._tag === "Left") throw new Error(found.left.message);
 * await handler.handle({ commandId: "cmd-7", command: found.right })();
 * const registry = makeCommandRegistry(store, COOP_LEDGER_NAMESPACE);
 * const on = await registry.streamOf("cmd-7");
 * const unknown = await registry.streamOf("cmd-8");
 * if (on._tag === "Right" && unknown._tag === "Right") console.log(on.right, unknown.right); // "coop-htx-thanh-long" undefined
 */
export interface CommandRegistry {
  /** The stream the command id was first used on, if any (after catching up with the log). */
  readonly streamOf: (commandId: string) => Promise<E.Either<StoreError, StreamId | undefined>>;
}

/**
 * Makes a {@link CommandRegistry} over a store's global log, for ids derived under `namespace`.
 * @example
 * import { COOP_LEDGER_NAMESPACE } from "@coop-ledger/domain";
 * import { makeCommandRegistry, makeInMemoryStore } from "@coop-ledger/store";
 * const registry = makeCommandRegistry(makeInMemoryStore(), COOP_LEDGER_NAMESPACE);
 * const r = await registry.streamOf("cmd-1");
 * console.log(r); // { _tag: "Right", right: undefined } (an empty log: no command handled yet)
 */
export const makeCommandRegistry = (store: EventStore, namespace: string): CommandRegistry => {
  const used = new Map<string, StreamId>();
  let after: number | undefined;
  let catching: Promise<E.Either<StoreError, void>> | undefined;
  const catchUp = async (): Promise<E.Either<StoreError, void>> => {
    for (;;) {
      const page = await store.readAll(after === undefined ? {} : { after })();
      if (E.isLeft(page)) return page;
      for (const r of page.right.events) {
        const c = r.metadata.causationId;
        if (c !== undefined && !used.has(c) && r.eventId === deriveEventId(c, r.streamId, 0, namespace))
          used.set(c, r.streamId);
      }
      after = page.right.lastPosition;
      if (page.right.isEnd) return E.right(undefined);
    }
  };
  return {
    streamOf: async (commandId) => {
      // One catch-up at a time: concurrent callers share it (pages are not read twice).
      catching ??= catchUp().finally(() => {
        catching = undefined;
      });
      const done = await catching;
      return E.isLeft(done) ? done : E.right(used.get(commandId));
    },
  };
};
