import type { EventOf } from "../../events/domain-event.js";
import { addMonths } from "../../values/time.js";
import { ocopStarsFor } from "../derivations.js";
import { all, type Check, fail, ok, type RuleContext } from "../rule-context.js";
import type { CoopState } from "../stream-state.js";
import { derived, notBefore } from "./shared-checks.js";

/** The product and value-chain events on a co-op stream (as in `events/products-and-links.ts`). */
export type ProductOrLinkEvent = EventOf<
  "OcopCertified" | "OcopEnded" | "ValueChainLinked" | "ValueChainUnlinked"
>;

/**
 * An OCOP or value-chain event's own rules, after the common co-op stream rules passed: stars and validity
 * derived from the score, certificates and linkages ended only while current, not before they began.
 * @example
 * const ctx = { config: defaultDomainConfig, geography: undefined, action: "ValueChainUnlinked" } as const;
 * const founded = { type: "CoopFounded", schemaVersion: 2, data: { coopId: "htx-1", effectiveDate: "2019-03-01", name: "HTX Thanh Long", form: "cooperative", sector: "agriculture", location: { gazetteer: "2008-08-01", provinceCode: "60" }, foundingMembers: 7, origin: { kind: "new" } } } as unknown as DomainEvent;
 * const state = given([founded]).state; // an active co-op, founded 2019-03-01
 * const unlinked = ValueChainUnlinked.decode({ type: "ValueChainUnlinked", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2023-01-01", linkageId: "l-1" } });
 * const r = state._tag === "Coop" && E.isRight(unlinked) ? checkProductOrLinkEvent(ctx, state, unlinked.right) : undefined;
 * r !== undefined && E.isLeft(r) // true: the co-op has no linkage l-1
 */
export const checkProductOrLinkEvent = (ctx: RuleContext, c: CoopState, event: ProductOrLinkEvent): Check => {
  switch (event.type) {
    case "OcopCertified": {
      const d = event.data;
      const stars = ocopStarsFor(ctx.config, d.score);
      if (stars === undefined) {
        return fail(
          ctx,
          "OcopScoreTooLow",
          { score: d.score, minimum: ctx.config.ocopStarBands.three },
          `an OCOP score of ${d.score} is below ${ctx.config.ocopStarBands.three} points: no star rating, no certificate (Decision 1048/QĐ-TTg 2019; Decision 148/QĐ-TTg 2023 [verify: its bands])`,
        );
      }
      return all(
        () => derived(ctx, "stars", d.stars, stars),
        () =>
          derived(ctx, "validUntil", d.validUntil, addMonths(d.effectiveDate, ctx.config.ocopValidityMonths)),
      );
    }
    case "OcopEnded": {
      const d = event.data;
      const cert = c.ocop.get(d.productId);
      return cert === undefined || cert.ended
        ? fail(
            ctx,
            "UnknownOcopProduct",
            { productId: d.productId },
            `product ${d.productId} holds no current OCOP certificate`,
          )
        : notBefore(ctx, `OCOP certification of ${d.productId}`, d.effectiveDate, cert.certifiedOn);
    }
    case "ValueChainLinked": {
      const d = event.data;
      return c.linkages.has(d.linkageId)
        ? fail(
            ctx,
            "DuplicateLinkage",
            { linkageId: d.linkageId },
            `linkage ${d.linkageId} was already recorded`,
          )
        : ok;
    }
    case "ValueChainUnlinked": {
      const d = event.data;
      const l = c.linkages.get(d.linkageId);
      return l === undefined || !l.active
        ? fail(ctx, "UnknownLinkage", { linkageId: d.linkageId }, `linkage ${d.linkageId} is not active`)
        : notBefore(ctx, `linkage ${d.linkageId}`, d.effectiveDate, l.since);
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};
