import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Whether an `Authorization` header carries the expected bearer token, compared in constant time.
 *
 * `crypto.timingSafeEqual` needs equal lengths, and comparing lengths first would leak the token's
 * length; hashing both sides to SHA-256 gives equal-length inputs whatever was sent, so the time taken
 * says nothing about how much of the token matched.
 *
 * @example bearerMatches("Bearer s3cret", "s3cret") // true
 */
export const bearerMatches = (header: string | undefined, token: string): boolean => {
  if (header === undefined || token.length === 0) return false;
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  const presented = m?.[1] ?? "";
  const a = createHash("sha256").update(presented, "utf8").digest();
  const b = createHash("sha256").update(token, "utf8").digest();
  // Evaluate both, always: a short-circuit on the regex would make a missing scheme faster to reject.
  const equal = timingSafeEqual(a, b);
  return equal && m !== null;
};
