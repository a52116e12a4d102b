import { EVENT_CATALOGUE, type EventType } from "@coop-ledger/domain";

/**
 * The Vietnamese name of every event type, read from the domain's catalogue (the one docs/events.md is
 * rendered from), so CLI output and docs give each event one label: "CoopDissolved (Giải thể HTX)".
 *
 * @example EVENT_LABEL_VI.CoopDissolved // "Giải thể HTX"
 */
export const EVENT_LABEL_VI: { readonly [K in EventType]: string } = Object.fromEntries(
  Object.entries(EVENT_CATALOGUE).map(([type, entry]) => [type, entry.vietnamese]),
) as { readonly [K in EventType]: string };

/**
 * An event type with its Vietnamese name, for tables and explanations.
 * @example eventLabel("CoopDissolved") // "CoopDissolved (Giải thể HTX)"
 */
export const eventLabel = (type: string): string => {
  const vi = (EVENT_LABEL_VI as Readonly<Record<string, string>>)[type];
  return vi === undefined ? type : `${type} (${vi})`;
};
