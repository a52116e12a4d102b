import { type RecordedEvent, StreamId } from "@coop-ledger/domain";
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllPage,
  StoreError,
  Subscription,
} from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { EsdbClient, EsdbCredentials, EsdbFilterSpec, EsdbPosition } from "../client/esdb-client.js";
import { redactSecrets } from "../client/redact.js";
import { toStoreError } from "../mapping/errors.js";
import { fromEsdbEvent, isLedgerEvent, toEsdbEvent } from "../mapping/event-data.js";
import { toEsdbExpectedRevision } from "../mapping/expected-revision.js";
import { LEDGER_STREAM_PREFIXES } from "../mapping/filter.js";
import { esdbPositionOf, positionNumber, UNKNOWN_POSITION } from "../mapping/position.js";
import { subscribeToLedger } from "./ledger-subscription.js";

/** Options of {@link makeEsdbStore}. */
export interface EsdbStoreOptions {
  /** Sent with every call (see `connectEsdb`: credentials are kept out of the connection string). */
  readonly credentials?: EsdbCredentials;
  /** More strings to mask in error messages; the password of `credentials` is always masked. */
  readonly secrets?: ReadonlyArray<string>;
  /** Raw events per `$all` read while paging (system events count too); default 512. */
  readonly readBatchSize?: number;
  /** Server checkpoint interval multiplier of subscriptions (× 32 events scanned); default 1. */
  readonly checkpointInterval?: number;
  /** Whether `close()` disposes the client (default `true`). */
  readonly ownsClient?: boolean;
}

/** The EventStoreDB store: the port plus access to the client it wraps. */
export interface EsdbStore extends EventStore {
  readonly client: EsdbClient;
}

const DEFAULT_PAGE = 4096;

// Both clients: `StreamNotFoundError.type` (6.2.1 and 1.3.1 `dist/utils/CommandError.js`).
const isStreamNotFound = (err: unknown): boolean =>
  typeof err === "object" && err !== null && (err as { type?: unknown }).type === "stream-not-found";

const ledgerReadFilter = {
  filterOn: "streamName",
  prefixes: [...LEDGER_STREAM_PREFIXES],
  checkpointInterval: 1,
} as const satisfies EsdbFilterSpec;

/**
 * The {@link EventStore} port on an EventStoreDB / KurrentDB client, bound with `eventStoreDbClient`,
 * `kurrentDbClient` or `createEsdbClient`.
 *
 * - `append` maps expected revisions to the client's (`no_stream`, `any`, `stream_exists`, bigint,
 *   under the client's own option name) and
 *   sends our deterministic event ids, so a retried append is idempotent by the server's rule; an
 *   idempotent repeat is recognised by the server answering without a position (`written: false`).
 * - `readStream` decodes through the domain's `decodeEvent`; a missing stream reads as `[]`.
 * - `readAll` pages through `$all`, skipping system (`$`) and foreign events; `position` is the commit
 *   position (see `mapping/position.ts`).
 * - `subscribe` is a catch-up subscription to `$all` with a server-side filter.
 *
 * @example
 * import { createEsdbClient, esdbSettingsFromEnv, makeEsdbStore } from "@coop-ledger/store-esdb";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * // Needs a server: ESDB_URL=esdb://localhost:2113?tls=false (see esdbSettingsFromEnv).
 * const settings = esdbSettingsFromEnv(process.env);
 * if (settings._tag === "Left") throw new Error(settings.left.message);
 * const client = createEsdbClient(settings.right);
 * if (client._tag === "Left") throw new Error(client.left.message);
 * const store = makeEsdbStore(client.right, settings.right.credentials ? { credentials: settings.right.credentials } : {});
 * const coop = `a-${Date.now().toString(36)}`;
 * const r = await store.append(fixtureEvent(coop, 0).streamId, fixtureBatch(coop, 2), { expectedRevision: "noStream" })();
 * if (r._tag === "Right") console.log(r.right.nextExpectedRevision, r.right.written); // 1 true
 * await store.close();
 */
export const makeEsdbStore = (client: EsdbClient, options: EsdbStoreOptions = {}): EsdbStore => {
  const secrets = [
    ...(options.secrets ?? []),
    ...(options.credentials ? [options.credentials.password] : []),
  ];
  const creds = options.credentials !== undefined ? { credentials: options.credentials } : {};
  const batch = Math.max(2, options.readBatchSize ?? 512);
  let closed = false;

  const closedError = (): StoreError => ({
    _tag: "StoreClosed",
    message: "the EventStoreDB store was closed",
  });
  const invalid = (streamId: string, reason: string): StoreError => ({
    _tag: "InvalidAppend",
    streamId,
    reason,
    message: `append to ${streamId.slice(0, 80)} refused: ${reason}`,
  });

  const positionOfRevision = async (streamId: StreamId, revision: bigint): Promise<number> => {
    let position = UNKNOWN_POSITION;
    // Read to the end (one event): leaving a client read early leaves its gRPC call open.
    for await (const r of client.readStream(streamId, { fromRevision: revision, maxCount: 1, ...creds })) {
      position = positionNumber(r.event?.position) ?? UNKNOWN_POSITION;
    }
    return position;
  };

  /**
   * The stream's last revision before an append (−1: no stream), from one backwards read of one
   * event; `undefined` when the read fails (e.g. a user with write but no read rights), and the
   * reply's position then decides. A successful append that ends at or below it wrote nothing (an
   * idempotent repeat, whatever the expectation), one that ends above it wrote its events. (A
   * duplicate of the same command racing this one between the read and the append could make a
   * repeat look written: the events are there with our ids either way.)
   */
  const headRevision = async (streamId: StreamId): Promise<bigint | undefined> => {
    let head = -1n;
    try {
      // Read to the end (one event): leaving a client read early leaves its gRPC call open.
      for await (const r of client.readStream(streamId, {
        fromRevision: "end",
        direction: "backwards",
        maxCount: 1,
        ...creds,
      })) {
        if (r.event !== undefined && r.event.revision > head) head = r.event.revision;
      }
      return head;
    } catch (err) {
      return isStreamNotFound(err) ? -1n : undefined;
    }
  };

  const append =
    (
      streamId: StreamId,
      events: ReadonlyArray<NewEvent>,
      opts: { readonly expectedRevision: ExpectedRevision },
    ): TE.TaskEither<StoreError, AppendResult> =>
    async () => {
      if (closed) return E.left(closedError());
      if (!StreamId.is(streamId)) return E.left(invalid(String(streamId), "not a valid stream id"));
      if (events.length === 0) return E.left(invalid(streamId, "empty batch"));
      if (new Set(events.map((e) => e.eventId)).size !== events.length) {
        return E.left(invalid(streamId, "duplicate event ids in the batch"));
      }
      const ctx = {
        client: client.package,
        operation: "append",
        streamId,
        expected: opts.expectedRevision,
        secrets,
      } as const;
      try {
        const before = await headRevision(streamId);
        // Each binding puts the expected revision under its client's option name (6.x
        // `expectedRevision`, Kurrent `streamState`): see client/*-binding.ts.
        const result = await client.append(
          streamId,
          events.map(toEsdbEvent),
          toEsdbExpectedRevision(opts.expectedRevision),
          creds,
        );
        if (!result.success) {
          // Only when the client was built with throwOnAppendFailure: false.
          const actual = Number(result.nextExpectedRevision);
          return E.left({
            _tag: "WrongExpectedRevision",
            streamId,
            expected: opts.expectedRevision,
            actual,
            message: `wrong expected revision on ${streamId}: expected ${opts.expectedRevision}, stream is at ${actual}`,
          });
        }
        const position = positionNumber(result.position);
        // Servers differ in how they answer an idempotent repeat: without a position (the
        // `AlreadyCommitted` reply without a log position), or with the position of the events
        // already stored (`IdempotentLogPosition`). So a position alone does not prove a write: the
        // stream's last revision read just before decides, where it could be read.
        const written = before === undefined ? position !== undefined : result.nextExpectedRevision > before;
        return E.right({
          nextExpectedRevision: Number(result.nextExpectedRevision),
          lastPosition:
            written && position !== undefined
              ? position
              : await positionOfRevision(streamId, result.nextExpectedRevision),
          written,
        });
      } catch (err) {
        return E.left(toStoreError(err, ctx));
      }
    };

  const readStream =
    (
      streamId: StreamId,
      opts?: { readonly fromRevision?: number },
    ): TE.TaskEither<StoreError, ReadonlyArray<RecordedEvent>> =>
    async () => {
      if (closed) return E.left(closedError());
      const out: RecordedEvent[] = [];
      let failure: StoreError | undefined;
      try {
        // Read to the end even after a bad event (see readAll on why a read is never left early).
        for await (const r of client.readStream(streamId, {
          fromRevision: BigInt(Math.max(0, opts?.fromRevision ?? 0)),
          direction: "forwards",
          resolveLinkTos: false,
          ...creds,
        })) {
          if (r.event === undefined || failure !== undefined) continue;
          const decoded = fromEsdbEvent(r.event);
          if (E.isLeft(decoded)) failure = decoded.left;
          else out.push(decoded.right);
        }
        if (failure !== undefined) return E.left(failure);
      } catch (err) {
        if (isStreamNotFound(err)) return E.right([]);
        return E.left(
          toStoreError(err, { client: client.package, operation: "readStream", streamId, secrets }),
        );
      }
      return E.right(out);
    };

  const readAll =
    (opts?: {
      readonly after?: number;
      readonly maxCount?: number;
    }): TE.TaskEither<StoreError, ReadAllPage> =>
    async () => {
      if (closed) return E.left(closedError());
      const maxCount = Math.max(1, opts?.maxCount ?? DEFAULT_PAGE);
      const events: RecordedEvent[] = [];
      let from: EsdbPosition | "start" = opts?.after === undefined ? "start" : esdbPositionOf(opts.after);
      // Reads of $all are inclusive: the event at `from` comes back first and is skipped here.
      let skipUpTo = opts?.after;
      let scanned: number | undefined;
      let more = false;
      try {
        // Each batch is read to its end even when the page is full: leaving a client read early
        // leaves its gRPC call open (and the client's dispose() waiting for it).
        for (;;) {
          let raw = 0;
          let failure: StoreError | undefined;
          for await (const r of client.readAll({
            fromPosition: from,
            direction: "forwards",
            maxCount: batch,
            resolveLinkTos: false,
            // Where the client can filter reads (Kurrent), the server skips system and foreign
            // streams; the checks below still run (a foreign stream may share a prefix).
            ...(client.filtersReads ? { filter: ledgerReadFilter } : {}),
            ...creds,
          })) {
            raw++;
            const ev = r.event;
            if (ev === undefined || more || failure !== undefined) continue;
            const pos = positionNumber(ev.position);
            if (pos === undefined) {
              failure = {
                _tag: "StoreUnavailable",
                message: `EventStoreDB sent ${redactSecrets(ev.streamId, secrets)}@${ev.revision} without a usable $all position`,
              };
              continue;
            }
            if (skipUpTo !== undefined && pos <= skipUpTo) continue;
            scanned = pos;
            if (!isLedgerEvent(ev)) continue;
            if (events.length === maxCount) {
              more = true;
              continue;
            }
            const decoded = fromEsdbEvent(ev);
            if (E.isLeft(decoded)) failure = decoded.left;
            else events.push(decoded.right);
          }
          if (failure !== undefined) return E.left(failure);
          if (more || raw < batch || scanned === undefined) break;
          from = esdbPositionOf(scanned);
          skipUpTo = scanned;
        }
      } catch (err) {
        return E.left(toStoreError(err, { client: client.package, operation: "readAll", secrets }));
      }
      return E.right({
        events,
        lastPosition: events[events.length - 1]?.position ?? opts?.after,
        isEnd: !more,
      });
    };

  const subscribe: EventStore["subscribe"] = (o) => {
    if (closed) {
      queueMicrotask(() => o.onError?.(closedError()));
      return { stop: async () => undefined };
    }
    return subscribeToLedger(
      client,
      {
        from: o.after === undefined ? "start" : esdbPositionOf(o.after),
        ...(o.filter !== undefined ? { filter: o.filter } : {}),
        ...creds,
        secrets,
        checkpointInterval: options.checkpointInterval ?? 1,
      },
      {
        onEvent: (e) => o.onEvent(e),
        ...(o.onCaughtUp !== undefined ? { onCaughtUp: o.onCaughtUp } : {}),
        onError: (e) => o.onError?.(e),
      },
    ) satisfies Subscription;
  };

  return {
    client,
    append,
    readStream,
    readAll,
    subscribe,
    close: async () => {
      if (closed) return;
      closed = true;
      if (options.ownsClient ?? true) await client.dispose();
    },
  };
};
