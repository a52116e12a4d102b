import { v5 } from "uuid";
import type { EventId } from "./ids.js";

/**
 * The namespace of coop-ledger's derived event ids (a fixed random UUID, documented in
 * docs/ledger-format.md). Pass your own to {@link deriveEventId} when two independent deployments must
 * never derive the same id from the same command.
 *
 * @example deriveEventId("cmd-1", "coop-htx-1", 0, COOP_LEDGER_NAMESPACE)
 */
export const COOP_LEDGER_NAMESPACE = "5a0c7f1e-3b8d-4c52-9e61-2f4d8a7b9c30";

/**
 * A name-based UUID, version 5 (RFC 9562 §5.5: SHA-1 of the namespace's 16 bytes followed by the
 * name's UTF-8 bytes), computed by the `uuid` package (a pure function: no clock, no randomness).
 * Throws a `TypeError` when `namespace` is not a UUID (a programming error, not input).
 *
 * @example uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com") // "2ed6657d-e927-568b-95e1-2665a8aea6a2"
 */
export const uuidV5 = (namespace: string, name: string): EventId => v5(name, namespace) as EventId;

/**
 * The name an event id is derived from: `<commandId>/<streamId>/<index>`. Stream ids contain no `/`
 * and the index is a decimal integer, so the name reads back unambiguously from the right even when
 * the command id contains `/`.
 *
 * @example eventIdName("cmd-1", "coop-htx-1", 0) // "cmd-1/coop-htx-1/0"
 */
export const eventIdName = (commandId: string, streamId: string, index: number): string =>
  `${commandId}/${streamId}/${index}`;

/**
 * The id of the `index`-th event (from 0) that command `commandId` appends to stream `streamId`:
 * UUID v5 of {@link eventIdName} under `namespace` (default {@link COOP_LEDGER_NAMESPACE}). The same
 * command handled twice derives the same ids, so a store recognises the repeat; the same command id
 * on another stream derives other ids, so no two events of a ledger share an id.
 *
 * @example deriveEventId("cmd-1", "coop-htx-1", 0) // "…-5…" (a version 5 UUID)
 */
export const deriveEventId = (
  commandId: string,
  streamId: string,
  index: number,
  namespace: string = COOP_LEDGER_NAMESPACE,
): EventId => uuidV5(namespace, eventIdName(commandId, streamId, index));
