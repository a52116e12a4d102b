import { createHash } from "node:crypto";

// JSON has no Map or Set: write them as tagged arrays (insertion order, which a fold fixes) so two
// states that differ only inside a Map do not digest alike. A stream's `history` is its events
// themselves (the same objects on both sides of a comparison), so it stands in the digest by its length
// and retracted ids: hashing every event again would cost more than the replay being checked.
const replacer = (key: string, value: unknown): unknown => {
  if (value instanceof Map) return ["Map", [...value]];
  if (value instanceof Set) return ["Set", [...value]];
  if (key === "history" && typeof value === "object" && value !== null && "length" in value) {
    const h = value as { length: unknown; retracted?: unknown };
    return { length: h.length, retracted: h.retracted };
  }
  return value;
};

/**
 * A SHA-256 digest (hex) of folded stream states, in order: equal digests mean equal derived states
 * (every field but the events of a stream's history, which count by their number and retractions).
 * The Emmett comparison checks every timed repetition's answer against it, so a fast wrong fold
 * cannot win.
 *
 * @example
 * const a = statesDigest([{ _tag: "Coop", loans: new Map([["l1", 5]]) }]);
 * const b = statesDigest([{ _tag: "Coop", loans: new Map([["l1", 6]]) }]);
 * console.log(a === b, a.length); // false 64
 */
export const statesDigest = (states: ReadonlyArray<unknown>): string => {
  const hash = createHash("sha256");
  for (const s of states) hash.update(`${JSON.stringify(s, replacer)}\n`);
  return hash.digest("hex");
};
