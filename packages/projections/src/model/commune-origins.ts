import { type CommuneOrigins, shippedCommuneOrigins } from "@coop-ledger/domain";

/**
 * The commune transfer table the fold traces 2025-07-01 locations through (the one data-access seam:
 * see `locationOrigin`): the one shipped in `@coop-ledger/domain` (GSO's 2025-07-01 list with the old
 * communes each new commune was formed from). Static data, so the fold stays pure and index and replay
 * agree; changing it changes the index model (`INDEX_MODEL_VERSION`).
 *
 * @example COMMUNE_ORIGINS("22918")?.province // the old province the 2025 commune is counted in
 */
export const COMMUNE_ORIGINS: CommuneOrigins = shippedCommuneOrigins;
