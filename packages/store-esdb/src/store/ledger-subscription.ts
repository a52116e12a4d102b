import type { RecordedEvent } from "@coop-ledger/domain";
import type { StoreError, SubscriptionFilter } from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import type {
  EsdbClient,
  EsdbCredentials,
  EsdbPosition,
  EsdbResolvedEvent,
  EsdbSubscription,
} from "../client/esdb-client.js";
import { toStoreError } from "../mapping/errors.js";
import { fromEsdbEvent, isLedgerEvent } from "../mapping/event-data.js";
import { planFilter } from "../mapping/filter.js";
import { comparePositions } from "../mapping/position.js";
import { readHead } from "./read-head.js";

/** Where and how a ledger subscription reads `$all`. */
export interface LedgerSubscriptionOptions {
  /** Deliver events after this position (exclusive); `"start"` for the beginning. */
  readonly from: EsdbPosition | "start";
  readonly filter?: SubscriptionFilter;
  readonly credentials?: EsdbCredentials;
  readonly secrets: ReadonlyArray<string>;
  /** The server sends a checkpoint every `checkpointInterval` × 32 events it scans (default 1). */
  readonly checkpointInterval?: number;
}

/** What a ledger subscription calls; each call waits for the previous one's promise. */
export interface LedgerSubscriptionHandlers {
  readonly onEvent: (event: RecordedEvent, position: EsdbPosition) => void | Promise<void>;
  /** A server checkpoint: every event up to `position` that matches the filter has been delivered. */
  readonly onCheckpoint?: (position: EsdbPosition) => void | Promise<void>;
  readonly onCaughtUp?: () => void | Promise<void>;
  /** The subscription stopped on this error; nothing further is delivered. */
  readonly onError: (error: StoreError) => void;
}

/** A running ledger subscription. */
export interface LedgerSubscription {
  /** Stops delivery; resolves when no handler call is in flight. */
  readonly stop: () => Promise<void>;
}

type Marker =
  | { readonly kind: "caughtUp"; readonly after: number }
  | { readonly kind: "checkpoint"; readonly after: number; readonly position: EsdbPosition };

// Local buffer bounds: past HIGH the client stream is paused (events wait in its buffer, still counted),
// below LOW it resumes. Keeps memory flat while a slow handler catches up on millions of events.
const HIGH_WATER = 512;
const LOW_WATER = 64;

/**
 * A catch-up subscription to `$all` that delivers the ledger's events in order, decoded, with their full
 * position, plus the server's checkpoints and the moment it caught up.
 *
 * The client emits `caughtUp` and checkpoints out of band of its event stream, while earlier events may
 * still sit in its buffer. Each such signal is therefore pinned to the number of events pushed before it
 * (`emitted + readableLength`) and delivered only once that many events have been handled, so "caught
 * up" really means "every event stored at that moment has been handled". Servers before 23.10 send no
 * `caughtUp`: the subscription then reads the head of `$all` first and declares itself caught up when an
 * event or checkpoint reaches it.
 *
 * @example
 * import { createEsdbClient, esdbSettingsFromEnv } from "@coop-ledger/store-esdb";
 * import { subscribeToLedger } from "@coop-ledger/store-esdb/internal";
 * // Needs a server: ESDB_URL=esdb://localhost:2113?tls=false (see esdbSettingsFromEnv).
 * const settings = esdbSettingsFromEnv(process.env);
 * if (settings._tag === "Left") throw new Error(settings.left.message);
 * const client = createEsdbClient(settings.right);
 * if (client._tag === "Left") throw new Error(client.left.message);
 * let events = 0;
 * const sub = subscribeToLedger(client.right, { from: "start", secrets: [] }, {
 *   onEvent: () => void events++,
 *   onCaughtUp: () => console.log(`caught up after ${events} events`),
 *   onError: (e) => console.error(e.message),
 * });
 * await new Promise((r) => setTimeout(r, 1000));
 * await sub.stop();
 * await client.right.dispose();
 */
export const subscribeToLedger = (
  client: EsdbClient,
  options: LedgerSubscriptionOptions,
  handlers: LedgerSubscriptionHandlers,
): LedgerSubscription => {
  const queue: EsdbResolvedEvent[] = [];
  const markers: Marker[] = [];
  let emitted = 0;
  let processed = 0;
  let stopped = false;
  let failure: StoreError | undefined;
  let failureReported = false;
  let caughtUpSignalled = false;
  let head: EsdbPosition | undefined;
  let sub: EsdbSubscription | undefined;
  let pumping: Promise<void> | undefined;
  let paused = false;

  const reportFailure = (): void => {
    if (failure !== undefined && !failureReported && pumping === undefined && !stopped) {
      failureReported = true;
      handlers.onError(failure);
    }
  };
  const fail = (error: StoreError): void => {
    if (stopped || failure !== undefined) return;
    failure = error;
    queue.length = 0;
    void sub?.unsubscribe().catch(() => undefined);
    reportFailure();
  };

  const planned = planFilter(options.filter, options.checkpointInterval ?? 1);

  const hasWork = (): boolean => {
    const m = markers[0];
    return queue.length > 0 || (m !== undefined && m.after <= processed);
  };

  const reachedHead = (p: EsdbPosition): boolean =>
    !caughtUpSignalled && head !== undefined && comparePositions(p, head) >= 0;

  const handleOne = async (resolved: EsdbResolvedEvent, accepts: (e: RecordedEvent) => boolean) => {
    const ev = resolved.event;
    if (ev === undefined) return;
    const position =
      ev.position ??
      (resolved.commitPosition !== undefined
        ? { commit: resolved.commitPosition, prepare: resolved.commitPosition }
        : undefined);
    if (position === undefined) {
      fail({
        _tag: "StoreUnavailable",
        message: `EventStoreDB sent ${ev.streamId}@${ev.revision} without a position`,
      });
      return;
    }
    if (isLedgerEvent(ev)) {
      const decoded = fromEsdbEvent(ev);
      if (E.isLeft(decoded)) {
        fail(decoded.left);
        return;
      }
      if (accepts(decoded.right)) {
        try {
          await handlers.onEvent(decoded.right, position);
        } catch (err) {
          fail({
            _tag: "StoreUnavailable",
            message: `the subscription's event handler failed on ${ev.streamId}@${ev.revision}: ${err instanceof Error ? err.message : String(err)}`,
          });
          return;
        }
      }
    }
    if (reachedHead(position)) markers.unshift({ kind: "caughtUp", after: processed + 1 });
  };

  const deliverMarker = async (m: Marker): Promise<void> => {
    if (m.kind === "checkpoint") {
      if (reachedHead(m.position)) markers.unshift({ kind: "caughtUp", after: processed });
      await handlers.onCheckpoint?.(m.position);
      return;
    }
    if (caughtUpSignalled) return;
    caughtUpSignalled = true;
    await handlers.onCaughtUp?.();
  };

  const pump = async (accepts: (e: RecordedEvent) => boolean): Promise<void> => {
    while (!stopped && failure === undefined) {
      const m = markers[0];
      if (m !== undefined && m.after <= processed) {
        markers.shift();
        try {
          await deliverMarker(m);
        } catch (err) {
          fail({
            _tag: "StoreUnavailable",
            message: `the subscription's ${m.kind} handler failed: ${err instanceof Error ? err.message : String(err)}`,
          });
        }
        continue;
      }
      const next = queue.shift();
      if (next === undefined) return;
      if (paused && queue.length < LOW_WATER) {
        paused = false;
        sub?.resume();
      }
      await handleOne(next, accepts);
      processed++;
    }
  };

  const schedule = (accepts: (e: RecordedEvent) => boolean): void => {
    if (pumping !== undefined || stopped) return;
    pumping = pump(accepts).finally(() => {
      pumping = undefined;
      if (failure !== undefined) reportFailure();
      else if (hasWork()) schedule(accepts);
    });
  };

  const start = async (): Promise<void> => {
    if (E.isLeft(planned)) {
      fail({ _tag: "StoreUnavailable", message: `invalid subscription filter: ${planned.left}` });
      return;
    }
    const { server, accepts } = planned.right;
    try {
      const h = await readHead(client, options.credentials);
      if (h === undefined || (options.from !== "start" && comparePositions(options.from, h) >= 0)) {
        markers.push({ kind: "caughtUp", after: 0 });
      } else {
        head = h;
      }
    } catch (err) {
      fail(toStoreError(err, { client: client.package, operation: "subscribe", secrets: options.secrets }));
      return;
    }
    if (stopped) return;
    const s = client.subscribeToAll({
      fromPosition: options.from,
      resolveLinkTos: false,
      filter: {
        ...server,
        checkpointReached: (subscription: EsdbSubscription, position: EsdbPosition) => {
          markers.push({ kind: "checkpoint", after: emitted + subscription.readableLength, position });
          schedule(accepts);
        },
      },
      ...(options.credentials !== undefined ? { credentials: options.credentials } : {}),
    });
    sub = s;
    s.on("data", (resolved: EsdbResolvedEvent) => {
      emitted++;
      if (stopped || failure !== undefined) return;
      queue.push(resolved);
      if (!paused && queue.length >= HIGH_WATER) {
        paused = true;
        s.pause();
      }
      schedule(accepts);
    });
    s.on("caughtUp", () => {
      markers.push({ kind: "caughtUp", after: emitted + s.readableLength });
      schedule(accepts);
    });
    s.on("error", (err: Error) =>
      fail(toStoreError(err, { client: client.package, operation: "subscribe", secrets: options.secrets })),
    );
    s.on("end", () => {
      if (!stopped) fail({ _tag: "StoreUnavailable", message: "EventStoreDB ended the subscription" });
    });
    schedule(accepts);
  };

  const started = start();
  return {
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await started;
      await sub?.unsubscribe().catch(() => undefined);
      await pumping;
    },
  };
};
