import type * as t from "io-ts";
import { ReorganisationDecided } from "../events/reorganisation.js";
import { commandCodec } from "./command-codec.js";

/**
 * **DecideReorganisation** — record a reorganisation decision (*quyết định tổ chức lại*: split / chia,
 * spin-off / tách, consolidation / hợp nhất, merger / sáp nhập) on stream `reorganisation-<id>` →
 * `ReorganisationDecided`. Shape: split 1 source, ≥ 2 new; spin-off 1 source, ≥ 1 new; consolidation
 * ≥ 2 sources, exactly 1 new; merger ≥ 1 source, no new, an absorbing co-op not among the sources
 * (Law 23/2012/QH13 art. 53; Law 17/2023/QH15 art. 94–96). Its effects on co-op streams come from
 * `deriveReorganisationEffects`.
 * @example DecideReorganisation.decode({ type: "DecideReorganisation", data: { reorganisationId: "r-1", effectiveDate: "2022-01-01", kind: "merger", sources: ["htx-2"], newCoops: [], absorbingCoopId: "htx-1", absorbedMembers: 12 } })
 */
export const DecideReorganisation = commandCodec(
  "DecideReorganisation",
  ReorganisationDecided.type.props.data,
);
/** @see DecideReorganisation */
export type DecideReorganisation = t.TypeOf<typeof DecideReorganisation>;
