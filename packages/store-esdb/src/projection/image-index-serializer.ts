import {
  decodeIndexImage,
  type EventSource,
  encodeIndexImage,
  INDEX_FORMAT_VERSION,
  INDEX_MODEL_VERSION,
  ProjectionIndex,
} from "@coop-ledger/projections";
import * as E from "fp-ts/lib/Either.js";
import { match } from "ts-pattern";
import type { IndexSerializer } from "./index-serializer.js";

/** What the checkpoint's image says it is (in the image's `extra`), checked on load. */
const EXTRA = { writer: "@coop-ledger/store-esdb", kind: "index-checkpoint" } as const;

/**
 * The checkpoint serializer of a point-in-time index: its persisted image (`encodeIndexImage` of
 * `@coop-ledger/projections`: laid-out columns, cells, each stream's positions; NO events), the same
 * versioned, checksummed binary layout as the CLI's `<ledger>.idx` (docs/index-format.md).
 *
 * Loading maps the columns back as they are (no refold, no event decoded): a restarted service answers
 * queries at once, and its checkpoint grows with the index, not with the history. The index's streams
 * are then cold: a stream that receives a new event, or an audit that lists its events, reads them back
 * from `source` (a `StoreEventSource` (store-event-source.ts) reading the server; `runIndexProjection` preloads the
 * stream before feeding it).
 *
 * An image of another layout or model version (a coop-ledger upgrade that changes what the index
 * computes) or a damaged one is refused (`CheckpointUnreadable` from the checkpoint store, naming the
 * reason): delete the checkpoint file and the runner rebuilds the index from the start of `$all`.
 *
 * @example
 * import { type Instant, ledgerDecider, makeCommand, stateFromHistory, streamOf } from "@coop-ledger/domain";
 * import { buildIndex } from "@coop-ledger/projections";
 * import { makeCommandHandler, makeInMemoryStore } from "@coop-ledger/store";
 * import { imageIndexSerializer, storeEventSource } from "@coop-ledger/store-esdb";
 * const store = makeInMemoryStore();
 * const handler = makeCommandHandler({ store, decider: ledgerDecider, streamOf, stateFromHistory, clock: () => "2024-01-15T08:00:00.000Z" as Instant });
 * for (const coopId of ["htx-1", "htx-2"]) {
 *   const found = makeCommand("FoundCoop", {
 *     coopId,
 *     effectiveDate: "2019-03-01",
 *     name: `HTX ${coopId}`,
 *     form: "cooperative",
 *     sector: "agriculture",
 *     location: { gazetteer: "2008-08-01", provinceCode: "60" },
 *     foundingMembers: 7,
 *   });
 *   if (found._tag === "Right") await handler.handle({ commandId: `found-${coopId}`, command: found.right })();
 * }
 * const page = await store.readAll()();
 * if (page._tag === "Left") throw new Error(page.left.message);
 * const index = buildIndex(page.right.events);
 * const source = storeEventSource(store); // the server's store in a service; any EventStore works
 * const serializer = imageIndexSerializer(source);
 * const reopened = serializer.deserialize(serializer.serialize(index)); // the columns, no events
 * if (reopened._tag === "Left") throw new Error(reopened.left);
 * console.log(reopened.right.holdsEvents); // false: its streams are read back from the source on demand
 * const preloaded = await source.preload(reopened.right, ["coop-htx-1"])();
 * console.log(preloaded._tag, reopened.right.streamEvents("coop-htx-1").length); // "Right" 1
 */
export const imageIndexSerializer = (source: EventSource): IndexSerializer => ({
  format: `index-image@${INDEX_FORMAT_VERSION}.${INDEX_MODEL_VERSION}`,
  serialize: (index) => {
    const chunks = encodeIndexImage(index.toImage(), EXTRA);
    let total = 0;
    for (const c of chunks) total += c.byteLength;
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    return out;
  },
  deserialize: (bytes) => {
    // The checkpoint store hands a Buffer view past its header line: the image's arrays are mapped as
    // typed arrays, so give the decoder its own 8-aligned copy (and a plain Uint8Array: Buffer's
    // slice() does not copy, which the codec's unaligned path relies on).
    const own = bytes.byteOffset % 8 === 0 && !Buffer.isBuffer(bytes) ? bytes : new Uint8Array(bytes);
    const decoded = decodeIndexImage(own);
    if (E.isLeft(decoded))
      return E.left(
        match(decoded.left)
          .with({ _tag: "NotAnIndex" }, (e) => e.message)
          .with(
            { _tag: "OtherVersion" },
            (e) => `${e.message}: delete the checkpoint to rebuild the index from the start of $all`,
          )
          .with({ _tag: "Corrupt" }, (e) => `index image corrupt: ${e.message}`)
          .exhaustive(),
      );
    const extra = decoded.right.extra as Partial<typeof EXTRA> | null;
    if (extra?.kind !== EXTRA.kind) return E.left("an index image not written as a projection checkpoint");
    try {
      return E.right(ProjectionIndex.fromImage(decoded.right.image, source));
    } catch (err) {
      // fromImage's last guard: arrays that do not fit together despite a matching checksum.
      return E.left(`index image inconsistent: ${err instanceof Error ? err.message : String(err)}`);
    }
  },
});
