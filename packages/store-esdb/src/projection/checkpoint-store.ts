import type * as TE from "fp-ts/lib/TaskEither.js";
import type { EsdbPosition } from "../client/esdb-client.js";

/**
 * A read model together with the FULL `$all` position it reflects (commit and prepare, as the server
 * expects it back). Stored as one unit, so the state and the position can never disagree: after a
 * crash the projection resumes exactly after the last event folded into the saved state.
 */
export interface Checkpoint<S> {
  readonly position: EsdbPosition;
  readonly state: S;
}

/**
 * Why a checkpoint could not be loaded or saved:
 * - `CheckpointUnreadable`: the stored checkpoint exists but cannot be read or decoded;
 * - `CheckpointWriteFailed`: saving failed (disk full, permissions...).
 *
 * @example
 * import { writeFile } from "node:fs/promises";
 * import { type CheckpointError, jsonFileCheckpointStore } from "@coop-ledger/store-esdb";
 * import { match } from "ts-pattern";
 * const explain = (e: CheckpointError): string =>
 *   match(e)
 *     .with({ _tag: "CheckpointUnreadable" }, (x) => `cannot read ${x.where}: delete it to rebuild`)
 *     .with({ _tag: "CheckpointWriteFailed" }, (x) => `cannot save ${x.where}`)
 *     .exhaustive();
 * await writeFile("broken.checkpoint.json", "{ not json");
 * const loaded = await jsonFileCheckpointStore<number>("broken.checkpoint.json").load()();
 * if (loaded._tag === "Left") console.log(explain(loaded.left)); // "cannot read broken.checkpoint.json: delete it to rebuild"
 */
export type CheckpointError =
  | { readonly _tag: "CheckpointUnreadable"; readonly where: string; readonly message: string }
  | { readonly _tag: "CheckpointWriteFailed"; readonly where: string; readonly message: string };

/**
 * Where a projection keeps its checkpoint. `load` gives `undefined` when nothing was saved yet; `save`
 * replaces the checkpoint atomically (all or nothing). Implementations: in memory, a JSON file; a
 * database table holding the read model would store the position in the same transaction.
 *
 * @example const store: CheckpointStore<number> = inMemoryCheckpointStore();
 */
export interface CheckpointStore<S> {
  readonly load: () => TE.TaskEither<CheckpointError, Checkpoint<S> | undefined>;
  readonly save: (checkpoint: Checkpoint<S>) => TE.TaskEither<CheckpointError, void>;
}
