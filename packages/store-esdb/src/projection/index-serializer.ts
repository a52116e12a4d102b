import { gunzipSync, gzipSync } from "node:zlib";
import type { RecordedEvent } from "@coop-ledger/domain";
import { ProjectionIndex } from "@coop-ledger/projections";
import * as E from "fp-ts/lib/Either.js";
import { fromEsdbEvent, toEsdbEvent } from "../mapping/event-data.js";

/**
 * How a point-in-time index (`ProjectionIndex` of `@coop-ledger/projections`) is written into a
 * checkpoint and read back. The catch-up runner stores it together with the `$all` position it
 * reflects, so a restarted service resumes from there instead of replaying the log.
 *
 * Two implementations: `imageIndexSerializer` (the index's own persisted image: columns loaded as they
 * are, no events; the one to use) and {@link eventsIndexSerializer} (the events themselves, refolded
 * on load; self-contained, kept for checkpoints written before the image existed).
 *
 * @example
 * import { type Instant, ledgerDecider, makeCommand, stateFromHistory, streamOf } from "@coop-ledger/domain";
 * import { buildIndex } from "@coop-ledger/projections";
 * import { makeCommandHandler, makeInMemoryStore } from "@coop-ledger/store";
 * import { eventsIndexSerializer, type IndexSerializer } from "@coop-ledger/store-esdb";
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
 * const serializer: IndexSerializer = eventsIndexSerializer; // the events, gzipped JSON
 * const bytes = serializer.serialize(index);
 * const back = serializer.deserialize(bytes);
 * console.log(serializer.format, back._tag === "Right" && back.right.size === index.size); // "events-json-gzip@1" true
 */
export interface IndexSerializer {
  /** A short name written into the checkpoint, so a file is never read with the wrong serializer. */
  readonly format: string;
  readonly serialize: (index: ProjectionIndex) => Uint8Array;
  readonly deserialize: (bytes: Uint8Array) => E.Either<string, ProjectionIndex>;
}

interface StoredEvent {
  readonly s: string;
  readonly r: number;
  readonly p: number;
  readonly id: string;
  readonly t: string;
  readonly d: unknown;
  readonly m: unknown;
}

const store = (e: RecordedEvent): StoredEvent => {
  const wire = toEsdbEvent({ eventId: e.eventId, event: e.event, metadata: e.metadata });
  return {
    s: e.streamId,
    r: e.revision,
    p: e.position,
    id: e.eventId,
    t: wire.type,
    d: wire.data,
    m: wire.metadata,
  };
};

/**
 * The events serializer (the interim one, before `imageIndexSerializer`): the events the index was fed (per stream, in arrival order), in the same
 * wire form as in EventStoreDB (event type, JSON data, metadata with `schemaVersion`), gzipped; loading
 * decodes them through the domain's codecs (old schema versions are upcast) and feeds a new index.
 * A restart thus reads NOTHING from the server before the checkpoint, but refolds the stored events
 * locally (about as long as building the index from a ledger file of the same events), and the file
 * grows with the history. `imageIndexSerializer` loads in time proportional to the index instead.
 *
 * @example const cps = fileCheckpointStore("./index.checkpoint", indexStateCodec(eventsIndexSerializer));
 */
export const eventsIndexSerializer: IndexSerializer = {
  format: "events-json-gzip@1",
  serialize: (index) => {
    const events: StoredEvent[] = [];
    for (const e of index.events()) events.push(store(e));
    return gzipSync(Buffer.from(JSON.stringify(events), "utf8"));
  },
  deserialize: (bytes) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(gunzipSync(bytes).toString("utf8"));
    } catch (err) {
      return E.left(`not a gzipped JSON event list (${err instanceof Error ? err.message : String(err)})`);
    }
    if (!Array.isArray(parsed)) return E.left("not an event list");
    const index = new ProjectionIndex();
    for (const [i, raw] of parsed.entries()) {
      const x = raw as Partial<StoredEvent>;
      if (
        typeof x.s !== "string" ||
        typeof x.r !== "number" ||
        typeof x.p !== "number" ||
        typeof x.id !== "string" ||
        typeof x.t !== "string"
      ) {
        return E.left(`event ${i}: missing stream, revision, position, id or type`);
      }
      const decoded = fromEsdbEvent(
        {
          streamId: x.s,
          id: x.id,
          revision: BigInt(x.r),
          type: x.t,
          data: x.d,
          metadata: x.m,
          isJson: true,
        },
        x.p,
      );
      if (E.isLeft(decoded)) return E.left(`event ${i}: ${decoded.left.message}`);
      index.add(decoded.right);
    }
    return E.right(index);
  },
};
