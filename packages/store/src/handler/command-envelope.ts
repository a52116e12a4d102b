import type { DomainEvent, EventId, SourceDocument, StreamId, Text } from "@coop-ledger/domain";

/**
 * A command with its id (the idempotency key) and the provenance recorded with its events.
 * @example
 * import { type Instant, ledgerDecider, makeCommand, stateFromHistory, streamOf, type Text } from "@coop-ledger/domain";
 * import { type CommandEnvelope, makeCommandHandler, makeInMemoryStore } from "@coop-ledger/store";
 * const store = makeInMemoryStore();
 * const handler = makeCommandHandler({
 *   store,
 *   decider: ledgerDecider,
 *   streamOf,
 *   stateFromHistory,
 *   clock: () => "2024-01-15T08:00:00.000Z" as Instant, // transaction time (recordedAt)
 * });
 * const suspend = makeCommand("SuspendCoop", { coopId: "htx-1", effectiveDate: "2024-01-10" });
 * if (suspend._tag === "Left") throw new Error(suspend.left.message);
 * const envelope: CommandEnvelope<typeof suspend.right> = {
 *   commandId: "cmd-2024-0001", // the idempotency key
 *   command: suspend.right,
 *   metadata: { recordedBy: "alliance-60/clerk-2" as Text },
 * };
 * const r = await handler.handle(envelope)();
 * console.log(r._tag === "Left" ? r.left._tag : r.right.streamId); // "Rejected" (htx-1 was never founded)
 */
export interface CommandEnvelope<Command> {
  /**
   * Unique per intended action; handling the same command twice appends nothing the second time, and
   * the same id for another command (another stream, other content) is a `CommandIdReused`.
   */
  readonly commandId: string;
  readonly command: Command;
  readonly metadata?: {
    readonly recordedBy?: Text;
    /** Defaults to the command id. */
    readonly correlationId?: string;
    readonly source?: SourceDocument;
  };
}

/**
 * What handling a command did (or, for a repeat, what the first handling did).
 * @example
 * import { type Instant, ledgerDecider, makeCommand, stateFromHistory, streamOf } from "@coop-ledger/domain";
 * import { makeCommandHandler, makeInMemoryStore } from "@coop-ledger/store";
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
 * for (let i = 0; i < 2; i++) {
 *   const r = await handler.handle({ commandId: "found-thanh-long", command: found.right })();
 *   if (r._tag === "Right") console.log(r.right.streamId, r.right.eventIds.length, r.right.alreadyHandled);
 * }
 * // "coop-htx-thanh-long" 1 false, then "coop-htx-thanh-long" 1 true (the repeat appends nothing)
 */
export interface HandleResult {
  readonly streamId: StreamId;
  readonly eventIds: ReadonlyArray<EventId>;
  readonly events: ReadonlyArray<DomainEvent>;
  /** The stream revision after the command's events (the stream's last revision if it had none). */
  readonly nextExpectedRevision: number;
  /** Global position of the command's last event, when it has events. */
  readonly lastPosition: number | undefined;
  /** `true` when the command had been handled before and nothing was appended now. */
  readonly alreadyHandled: boolean;
}
