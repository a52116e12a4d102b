import { deriveEventId, type EventId } from "@coop-ledger/domain";

/**
 * The command id the generator records its `index`-th event under (each generated event stands for one
 * command with one event): `gen-<seed>-<index>`.
 *
 * @example generatedCommandId(42, 7) // "gen-42-7"
 */
export const generatedCommandId = (seed: number, index: number): string => `gen-${seed}-${index}`;

/**
 * The id of the `index`-th event made by the generator with `seed`, on `streamId`: the ledger's one
 * event-id scheme (docs/ledger-format.md), UUID v5 of `<commandId>/<streamId>/0` with the command id
 * {@link generatedCommandId} under the default namespace. Deterministic, so regenerating the same seed
 * gives the same ids (appends of a regenerated dataset are idempotent), and an id never repeats in a
 * dataset (distinct names; a SHA-1 collision aside).
 *
 * @example generatedEventId(42, "coop-htx-1" as StreamId, 0) // deriveEventId("gen-42-0", "coop-htx-1", 0)
 */
export const generatedEventId = (seed: number, streamId: string, index: number): EventId =>
  deriveEventId(generatedCommandId(seed, index), streamId, 0);
