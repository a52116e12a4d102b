import { ALLIANCE_INDICATORS } from "./alliance.js";
import type { IndicatorDefinition } from "./indicator-definition.js";
import { IndicatorId } from "./indicator-id.js";
import { MONEY_INDICATORS } from "./money.js";
import { ORGANISATION_INDICATORS } from "./organisations.js";
import { PEOPLE_INDICATORS } from "./people.js";

export type { IndicatorDefinition, IndicatorKind, IndicatorUnit } from "./indicator-definition.js";

// The definitions live with their family (organisations, people, money, the alliance); the catalogue
// lists them in `IndicatorId` order, the order docs/indicators.md and every listing show.
const CATALOGUE_ORDER = new Map<string, number>(IndicatorId.values.map((id, i) => [id, i]));

/**
 * The indicator catalogue (brief §5), as data: docs/indicators.md is generated from it.
 * @example INDICATORS.find((d) => d.id === "coops.active")?.label.vi // "Số hợp tác xã đang hoạt động"
 */
export const INDICATORS: ReadonlyArray<IndicatorDefinition> = [
  ...ORGANISATION_INDICATORS,
  ...PEOPLE_INDICATORS,
  ...MONEY_INDICATORS,
  ...ALLIANCE_INDICATORS,
].sort((a, b) => (CATALOGUE_ORDER.get(a.id) ?? 0) - (CATALOGUE_ORDER.get(b.id) ?? 0));

/**
 * The definition of an indicator.
 * @example indicatorDefinition("ocop.products").unit // "count"
 */
export const indicatorDefinition = (id: IndicatorId): IndicatorDefinition =>
  INDICATORS.find((d) => d.id === id) as IndicatorDefinition;
