import { isEventType, type RecordedEvent } from "@coop-ledger/domain";
import type { SubscriptionFilter } from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import type { EsdbFilterSpec } from "../client/esdb-client.js";

/**
 * The stream prefixes of the ledger: every stream of ours starts with one of these.
 * @example
 * LEDGER_STREAM_PREFIXES.some((p) => "coop-htx-1".startsWith(p)) // true
 */
export const LEDGER_STREAM_PREFIXES: ReadonlyArray<string> = [
  "coop-",
  "alliance-",
  "fund-",
  "reorganisation-",
];

/** The server-side part of a filter and the check the adapter repeats on each event it receives. */
export interface FilterPlan {
  readonly server: EsdbFilterSpec;
  /** The whole filter, applied again client-side (the server filters on one field only). */
  readonly accepts: (event: RecordedEvent) => boolean;
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Turns our subscription filter into EventStoreDB's server-side filter, which filters on ONE field
 * (stream name or event type), by prefixes or a regex:
 * - stream prefixes given → a stream-name prefix filter (event types, if also given, checked here);
 * - only event types → an event-type regex `^(?:A|B)$`;
 * - nothing → a stream-name prefix filter on the ledger's own prefixes.
 * Every one of these excludes system events (`$`-prefixed streams and types) on the server. A prefix
 * that starts with `$` is refused: the ledger never reads system streams.
 *
 * @example
 * import { planFilter } from "@coop-ledger/store-esdb/internal";
 * const byStream = planFilter({ streamPrefixes: ["coop-"], eventTypes: ["CoopDissolved"] }, 32);
 * if (byStream._tag === "Right") console.log(byStream.right.server); // { filterOn: "streamName", prefixes: ["coop-"], checkpointInterval: 32 } (types checked client-side)
 * const byType = planFilter({ eventTypes: ["CoopFounded", "CoopDissolved"] }, 32);
 * if (byType._tag === "Right") console.log(byType.right.server); // { filterOn: "eventType", regex: "^(?:CoopFounded|CoopDissolved)$", checkpointInterval: 32 }
 * console.log(planFilter({ streamPrefixes: ["$et-"] }, 32)._tag); // "Left" (system streams are never read)
 */
export const planFilter = (
  filter: SubscriptionFilter | undefined,
  checkpointInterval: number,
): E.Either<string, FilterPlan> => {
  const prefixes = filter?.streamPrefixes;
  const types = filter?.eventTypes;
  if (prefixes?.some((p) => p.length === 0 || p.startsWith("$"))) {
    return E.left("stream prefixes must be non-empty and must not start with $ (system streams)");
  }
  if (types?.some((t) => !isEventType(t))) return E.left("unknown event type in the filter");
  const typeSet = types === undefined ? undefined : new Set<string>(types);
  const prefixList = prefixes === undefined ? undefined : [...prefixes];
  const accepts = (e: RecordedEvent): boolean =>
    (typeSet === undefined || typeSet.has(e.event.type)) &&
    (prefixList === undefined || prefixList.some((p) => e.streamId.startsWith(p)));
  if (prefixList !== undefined && prefixList.length > 0) {
    return E.right({ server: { filterOn: "streamName", prefixes: prefixList, checkpointInterval }, accepts });
  }
  if (types !== undefined && types.length > 0) {
    return E.right({
      server: {
        filterOn: "eventType",
        regex: `^(?:${types.map(escapeRegex).join("|")})$`,
        checkpointInterval,
      },
      accepts,
    });
  }
  return E.right({
    server: { filterOn: "streamName", prefixes: [...LEDGER_STREAM_PREFIXES], checkpointInterval },
    accepts,
  });
};
