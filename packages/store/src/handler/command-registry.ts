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
 * @example const r = makeCommandRegistry(store, ns); const on = await r.streamOf("cmd-7"); // Right(stream | undefined)
 */
export interface CommandRegistry {
  /** The stream the command id was first used on, if any (after catching up with the log). */
  readonly streamOf: (commandId: string) => Promise<E.Either<StoreError, StreamId | undefined>>;
}

/**
 * Makes a {@link CommandRegistry} over a store's global log, for ids derived under `namespace`.
 * @example makeCommandRegistry(store, COOP_LEDGER_NAMESPACE)
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
