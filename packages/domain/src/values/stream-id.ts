import * as t from "io-ts";
import type { CoopId, FundId, ReorganisationId } from "./ids.js";
import type { ProvinceCode } from "./location.js";

/** Brand of {@link StreamId}. */
export interface StreamIdBrand {
  readonly StreamId: unique symbol;
}

/**
 * The name of a stream: `coop-<coopId>` (a co-op, union or group), `alliance-<provinceCode>` (a
 * provincial Cooperative Alliance's activities), `fund-<fundId>` (a support fund),
 * `reorganisation-<id>` (one cross-stream reorganisation decision).
 *
 * @example StreamId.decode("coop-htx-000123") // Right
 */
export const StreamId = t.brand(
  t.string,
  (s): s is t.Branded<string, StreamIdBrand> =>
    /^(coop|alliance|fund|reorganisation)-[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(s),
  "StreamId",
);
/** @see StreamId */
export type StreamId = t.TypeOf<typeof StreamId>;

/** The kind of a stream, from its prefix. */
export type StreamKind = "coop" | "alliance" | "fund" | "reorganisation";

/**
 * The stream of a co-op.
 * @example
 * coopStream("htx-1" as CoopId) // "coop-htx-1"
 */
export const coopStream = (id: CoopId): StreamId => `coop-${id}` as StreamId;
/**
 * The stream of a provincial alliance.
 * @example
 * allianceStream("60" as ProvinceCode) // "alliance-60"
 */
export const allianceStream = (province: ProvinceCode): StreamId => `alliance-${province}` as StreamId;
/**
 * The stream of a fund.
 * @example
 * fundStream("qht-60" as FundId) // "fund-qht-60"
 */
export const fundStream = (id: FundId): StreamId => `fund-${id}` as StreamId;
/**
 * The stream of a reorganisation decision.
 * @example
 * reorganisationStream("r-1" as ReorganisationId) // "reorganisation-r-1"
 */
export const reorganisationStream = (id: ReorganisationId): StreamId => `reorganisation-${id}` as StreamId;

/**
 * The kind of a stream.
 * @example
 * streamKind("fund-qht-60" as StreamId) // "fund"
 */
export const streamKind = (s: StreamId): StreamKind => s.slice(0, s.indexOf("-")) as StreamKind;
