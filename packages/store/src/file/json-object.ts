/**
 * Parses a ledger line's text as a JSON object, or names why it is not one. `JSON.parse` keeps an own
 * `__proto__` member as plain data (never a prototype), so a hostile line cannot change what the readers
 * and the verifier see. The one place both the event reader (`parseEventLine`) and the strict verifier
 * (`strictContent`) turn a line into a record, so they refuse the same lines with the same words.
 * @example
 * jsonObjectOf('{"a":1}') // { a: 1 }
 * jsonObjectOf("{oops") // "it is not valid JSON"
 * jsonObjectOf("[1,2]") // "it is not a JSON object"
 */
export const jsonObjectOf = (text: string): Record<string, unknown> | string => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return "it is not valid JSON";
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return "it is not a JSON object";
  return json as Record<string, unknown>;
};
