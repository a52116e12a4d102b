import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import { positionFromJson, positionToJson } from "../mapping/position.js";
import { readCheckpointFile, unreadableCheckpoint, writeCheckpointFile } from "./checkpoint-file.js";
import type { Checkpoint, CheckpointError, CheckpointStore } from "./checkpoint-store.js";

/** How a state is written as bytes and read back (e.g. a point-in-time index: `indexStateCodec`). */
export interface BinaryStateCodec<S> {
  /** Written into the file and checked on load: a file is never read with the wrong codec. */
  readonly format: string;
  readonly encode: (state: S) => Uint8Array;
  readonly decode: (bytes: Uint8Array) => E.Either<string, S>;
}

const FORMAT = "coop-ledger/esdb-binary-checkpoint@1";

const sha256 = (b: Uint8Array): string => createHash("sha256").update(b).digest("hex");

/**
 * A checkpoint store in one file for states too big or not shaped for JSON: a header line
 * `{ format, position: { commit, prepare }, state: { format, bytes, sha256 } }` then the state's bytes.
 * A save writes a temporary file, fsyncs it, renames it over the old one and fsyncs the directory, so
 * a crash leaves the old or the new checkpoint; on load the length and SHA-256 of the state are
 * checked, so a torn or altered file is `CheckpointUnreadable` (never a silent restart from scratch).
 * A missing file loads as `undefined`.
 *
 * @example
 * import { type Instant, ledgerDecider, makeCommand, stateFromHistory, streamOf } from "@coop-ledger/domain";
 * import { buildIndex } from "@coop-ledger/projections";
 * import { makeCommandHandler, makeInMemoryStore } from "@coop-ledger/store";
 * import { eventsIndexSerializer, fileCheckpointStore, indexStateCodec } from "@coop-ledger/store-esdb";
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
 * const cps = fileCheckpointStore("index.checkpoint", indexStateCodec(eventsIndexSerializer));
 * await cps.save({ position: { commit: 332n, prepare: 332n }, state: index })(); // atomically, state and position
 * const loaded = await cps.load()();
 * if (loaded._tag === "Right") console.log(loaded.right?.position.commit, loaded.right?.state.size === index.size); // 332n true
 */
export const fileCheckpointStore = <S>(path: string, codec: BinaryStateCodec<S>): CheckpointStore<S> => {
  const unreadable = unreadableCheckpoint(path);
  return {
    load: (): TE.TaskEither<CheckpointError, Checkpoint<S> | undefined> => async () => {
      const read = await readCheckpointFile(path, (p) => readFile(p));
      if (E.isLeft(read)) return read;
      if (read.right === undefined) return E.right(undefined);
      const file = read.right;
      const nl = file.indexOf(0x0a);
      if (nl < 0) return E.left(unreadable("no header line"));
      let header: Record<string, unknown>;
      try {
        const h: unknown = JSON.parse(file.subarray(0, nl).toString("utf8"));
        header = (typeof h === "object" && h !== null ? h : {}) as Record<string, unknown>;
      } catch {
        return E.left(unreadable("the header is not JSON"));
      }
      if (header.format !== FORMAT) return E.left(unreadable(`not a ${FORMAT} file`));
      const position = positionFromJson(header.position);
      if (position === undefined) return E.left(unreadable("bad position"));
      const st = (typeof header.state === "object" && header.state !== null ? header.state : {}) as Record<
        string,
        unknown
      >;
      if (st.format !== codec.format)
        return E.left(
          unreadable(`state written as ${String(st.format)}, this reader expects ${codec.format}`),
        );
      const bytes = file.subarray(nl + 1);
      if (st.bytes !== bytes.length)
        return E.left(
          unreadable(`state is ${bytes.length} bytes, the header says ${String(st.bytes)} (torn?)`),
        );
      if (st.sha256 !== sha256(bytes))
        return E.left(unreadable("the state's SHA-256 does not match the header"));
      const state = codec.decode(bytes);
      if (E.isLeft(state)) return E.left(unreadable(`bad state: ${state.left}`));
      return E.right({ position, state: state.right });
    },
    save:
      (c): TE.TaskEither<CheckpointError, void> =>
      () =>
        writeCheckpointFile(path, () => {
          const bytes = codec.encode(c.state);
          const header = JSON.stringify({
            format: FORMAT,
            position: positionToJson(c.position),
            state: { format: codec.format, bytes: bytes.length, sha256: sha256(bytes) },
          });
          return Buffer.concat([Buffer.from(`${header}\n`, "utf8"), bytes]);
        }),
  };
};
