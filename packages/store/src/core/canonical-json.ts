import * as E from "fp-ts/lib/Either.js";

/** The largest number magnitude written in plain (non-exponent) form by both JavaScript and Python. */
const PLAIN_MAX = 1e21;
const PLAIN_MIN = 1e-6;

// A lone UTF-16 surrogate cannot be encoded as UTF-8, so a verifier in another language could not
// reproduce the bytes: such strings are refused rather than escaped. (String#isWellFormed is ES2024,
// in Node ≥ 20; the library's lib setting is ES2022.)
const wellFormed = (s: string): boolean => (s as unknown as { isWellFormed: () => boolean }).isWellFormed();

/**
 * Canonical JSON (RFC 8785, JSON Canonicalization Scheme, for the values a ledger holds): object keys
 * sorted by UTF-16 code units, no whitespace, strings escaped as `JSON.stringify` does, numbers in
 * ECMAScript `Number#toString` form; `undefined` members are left out, as `JSON.stringify` does.
 * Refuses (Left, with the path) what another language could not reproduce byte for byte: non-finite
 * numbers, numbers needing an exponent (|n| ≥ 1e21 or 0 < |n| < 1e-6), unsafe integers, lone
 * surrogates, non-plain objects (a `Date`, a class instance: no `toJSON` is called), `undefined`, functions,
 * symbols and bigints inside arrays, and holes in sparse arrays.
 *
 * @example canonicalJson({ b: 1, a: [true, "x"] }) // Right('{"a":[true,"x"],"b":1}')
 */
export const canonicalJson = (value: unknown): E.Either<string, string> => {
  try {
    return E.right(write(value, "$"));
  } catch (e) {
    return E.left(e instanceof CanonicalError ? e.message : String(e));
  }
};

class CanonicalError extends Error {}

const write = (v: unknown, path: string): string => {
  if (v === null) return "null";
  switch (typeof v) {
    case "boolean":
      return v ? "true" : "false";
    case "number": {
      const a = Math.abs(v);
      if (!Number.isFinite(v)) throw new CanonicalError(`${path}: non-finite number`);
      if (Number.isInteger(v) ? !Number.isSafeInteger(v) : a >= PLAIN_MAX || a < PLAIN_MIN)
        throw new CanonicalError(`${path}: number ${v} has no portable canonical form`);
      return Object.is(v, -0) ? "0" : String(v);
    }
    case "string":
      if (!wellFormed(v)) throw new CanonicalError(`${path}: string with a lone surrogate`);
      return JSON.stringify(v);
    case "object": {
      if (Array.isArray(v)) {
        // A for loop, not map: map skips holes and join would write `[1,,3]`, which is not JSON.
        const items: string[] = [];
        for (let i = 0; i < v.length; i++) {
          if (!(i in v)) throw new CanonicalError(`${path}[${i}]: a hole in a sparse array`);
          items.push(write(v[i], `${path}[${i}]`));
        }
        return `[${items.join(",")}]`;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null)
        throw new CanonicalError(`${path}: not a plain object`);
      const rec = v as Record<string, unknown>;
      const parts: string[] = [];
      for (const k of Object.keys(rec).sort()) {
        const x = rec[k];
        if (x === undefined) continue;
        parts.push(`${write(k, path)}:${write(x, `${path}.${k}`)}`);
      }
      return `{${parts.join(",")}}`;
    }
    default:
      throw new CanonicalError(`${path}: ${typeof v} is not JSON`);
  }
};
