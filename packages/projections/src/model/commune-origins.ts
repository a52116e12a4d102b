import { type CommuneOrigins, noCommuneOrigins } from "@coop-ledger/domain";

/**
 * The commune transfer table the fold traces 2025-07-01 locations through (the one data-access seam:
 * see `locationOrigin`). Static data, so the fold stays pure and index and replay agree.
 */
export const COMMUNE_ORIGINS: CommuneOrigins = noCommuneOrigins;
