import type { EsdbPosition } from "../client/esdb-client.js";

/**
 * Our `position` (a safe integer) stands for ESDB's commit position: the byte offset of the event's
 * commit in the transaction log. For events written through gRPC (every write this adapter makes) the
 * commit position is distinct per event and equals the prepare position, so the number alone names the
 * event and orders `$all`. Checkpoints still keep the full `{ commit, prepare }` pair ({@link
 * EsdbPosition}), which is what the server expects back.
 *
 * A commit position above 2^53 − 1 (a 9-petabyte log) cannot be a number: it is reported, not rounded.
 */

/**
 * Stream reads on servers older than 22.6 carry no `$all` position (the field is 2^64 − 1); the adapter
 * then reports this value instead of a made-up one. Reads of `$all` and subscriptions always carry one.
 *
 * @example
 * import { fixtureEvent } from "@coop-ledger/store/contract";
 * import { UNKNOWN_POSITION } from "@coop-ledger/store-esdb";
 * import { fromEsdbEvent, toEsdbEvent } from "@coop-ledger/store-esdb/internal";
 * const { streamId, newEvent } = fixtureEvent("a", 0);
 * const sent = toEsdbEvent(newEvent);
 * // A stream read from a server before 22.6: no $all position (2^64 − 1 on the wire).
 * const old = { streamId, id: sent.id, revision: 0n, type: sent.type, data: sent.data, metadata: sent.metadata, isJson: true, position: { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n } };
 * const r = fromEsdbEvent(old);
 * console.log(r._tag === "Right" && r.right.position === UNKNOWN_POSITION); // true
 */
export const UNKNOWN_POSITION = -1;

const NO_POSITION = 2n ** 64n - 1n;

/**
 * The number form of a commit position, or `undefined` when the server gave none or it is not a safe
 * integer.
 *
 * @example positionNumber({ commit: 1234n, prepare: 1234n }) // 1234
 */
export const positionNumber = (position: EsdbPosition | undefined): number | undefined => {
  if (position === undefined) return undefined;
  const { commit } = position;
  if (commit < 0n || commit === NO_POSITION || commit > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return Number(commit);
};

/**
 * The ESDB position to resume from after our number position. Valid because gRPC-written events have
 * commit = prepare; a read of `$all` from it returns that event first (reads are inclusive) and the
 * adapter skips it, a subscription from it starts after it (subscriptions are exclusive).
 *
 * @example esdbPositionOf(1234) // { commit: 1234n, prepare: 1234n }
 */
export const esdbPositionOf = (position: number): EsdbPosition => ({
  commit: BigInt(position),
  prepare: BigInt(position),
});

/**
 * Orders two positions as `$all` does: by commit, then prepare.
 * @example comparePositions({ commit: 1n, prepare: 1n }, { commit: 2n, prepare: 2n }) // -1
 */
export const comparePositions = (a: EsdbPosition, b: EsdbPosition): -1 | 0 | 1 =>
  a.commit < b.commit
    ? -1
    : a.commit > b.commit
      ? 1
      : a.prepare < b.prepare
        ? -1
        : a.prepare > b.prepare
          ? 1
          : 0;

/**
 * A position as JSON-safe strings (bigint does not survive `JSON.stringify`), for checkpoint files.
 * @example positionToJson({ commit: 5n, prepare: 5n }) // { commit: "5", prepare: "5" }
 */
export const positionToJson = (p: EsdbPosition): { commit: string; prepare: string } => ({
  commit: p.commit.toString(10),
  prepare: p.prepare.toString(10),
});

/**
 * Parses {@link positionToJson}'s output; `undefined` when it is not two non-negative integers.
 * @example positionFromJson({ commit: "5", prepare: "5" }) // { commit: 5n, prepare: 5n }
 */
export const positionFromJson = (u: unknown): EsdbPosition | undefined => {
  if (typeof u !== "object" || u === null) return undefined;
  const { commit, prepare } = u as Record<string, unknown>;
  if (typeof commit !== "string" || typeof prepare !== "string") return undefined;
  if (!/^\d{1,20}$/.test(commit) || !/^\d{1,20}$/.test(prepare)) return undefined;
  return { commit: BigInt(commit), prepare: BigInt(prepare) };
};
