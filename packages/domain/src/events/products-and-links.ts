import * as t from "io-ts";
import { literals, struct } from "../values/codec-helpers.js";
import { CoopId, LinkageId, ProductId } from "../values/ids.js";
import { Score, Text } from "../values/quantity.js";
import { BusinessDate } from "../values/time.js";
import { eventCodec } from "./event-codec.js";

/**
 * OCOP stars (sao): 3, 4 or 5 (a certificate is only issued from 3★).
 * @example
 * OcopStars.is(4) // true
 * OcopStars.is(2) // false (no certificate below 3★)
 */
export const OcopStars = t.union([t.literal(3), t.literal(4), t.literal(5)], "OcopStars");
/** @see OcopStars */
export type OcopStars = t.TypeOf<typeof OcopStars>;

/**
 * The level that certified an OCOP product: district (huyện), province (tỉnh), national (quốc gia).
 * @example
 * OcopLevel.is("province") // true
 */
export const OcopLevel = literals(["district", "province", "national"], "OcopLevel");
/** @see OcopLevel */
export type OcopLevel = t.TypeOf<typeof OcopLevel>;

/**
 * **OcopCertified** — *Công nhận sản phẩm OCOP* (a product certified 3–5★ on the 100-point scale:
 * 5★ ≥ 90, 4★ 70–< 90, 3★ 50–< 70; certificate valid 36 months; Decision 1048/QĐ-TTg 2019 as amended by
 * 781/QĐ-TTg 2020, replaced by Decision 148/QĐ-TTg 2023 [verify: its bands]). A re-certification of the
 * same product replaces the earlier certificate.
 * @example OcopCertified.decode({ type: "OcopCertified", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2021-06-01", productId: "p-1", productName: "Thanh long Hàm Thuận", score: 74, stars: 4, validUntil: "2024-06-01" } })
 */
export const OcopCertified = eventCodec(
  "OcopCertified",
  1,
  struct(
    {
      coopId: CoopId,
      effectiveDate: BusinessDate,
      productId: ProductId,
      productName: Text,
      score: Score,
      stars: OcopStars,
      validUntil: BusinessDate,
    },
    { level: OcopLevel, certificateNumber: Text },
    "OcopCertifiedData",
  ),
);
/** @see OcopCertified */
export type OcopCertified = t.TypeOf<typeof OcopCertified>;

/**
 * Why an OCOP certificate ended early: revoked (thu hồi), surrendered (tự nguyện trả), expired.
 * @example
 * OcopEndReason.is("surrendered") // true
 */
export const OcopEndReason = literals(["revoked", "surrendered", "expired"], "OcopEndReason");
/** @see OcopEndReason */
export type OcopEndReason = t.TypeOf<typeof OcopEndReason>;

/**
 * **OcopEnded** — *Chấm dứt hiệu lực chứng nhận OCOP* (a product's certificate ended). Expiry after 36
 * months needs no event: validity is computed from `validUntil`.
 * @example OcopEnded.decode({ type: "OcopEnded", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2022-01-01", productId: "p-1", reason: "revoked" } })
 */
export const OcopEnded = eventCodec(
  "OcopEnded",
  1,
  struct(
    { coopId: CoopId, effectiveDate: BusinessDate, productId: ProductId, reason: OcopEndReason },
    {},
    "OcopEndedData",
  ),
);
/** @see OcopEnded */
export type OcopEnded = t.TypeOf<typeof OcopEnded>;

/**
 * **ValueChainLinked** — *Tham gia liên kết chuỗi giá trị* (a value-chain linkage with a partner for a product).
 * @example ValueChainLinked.decode({ type: "ValueChainLinked", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2021-01-01", linkageId: "l-1", partner: "Công ty CP XNK", product: "Thanh long" } })
 */
export const ValueChainLinked = eventCodec(
  "ValueChainLinked",
  1,
  struct(
    { coopId: CoopId, effectiveDate: BusinessDate, linkageId: LinkageId, partner: Text, product: Text },
    {},
    "ValueChainLinkedData",
  ),
);
/** @see ValueChainLinked */
export type ValueChainLinked = t.TypeOf<typeof ValueChainLinked>;

/**
 * **ValueChainUnlinked** — *Chấm dứt liên kết chuỗi giá trị* (a linkage ended).
 * @example ValueChainUnlinked.decode({ type: "ValueChainUnlinked", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2023-01-01", linkageId: "l-1" } })
 */
export const ValueChainUnlinked = eventCodec(
  "ValueChainUnlinked",
  1,
  struct({ coopId: CoopId, effectiveDate: BusinessDate, linkageId: LinkageId }, {}, "ValueChainUnlinkedData"),
);
/** @see ValueChainUnlinked */
export type ValueChainUnlinked = t.TypeOf<typeof ValueChainUnlinked>;
