import { createHash, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";

/**
 * Whether an address to bind to only accepts connections from this machine: `localhost`, 127.0.0.0/8
 * or `::1`. Anything else (a LAN address, `0.0.0.0`, `::`) exposes the ledger's figures to the network,
 * and `coop-ledger serve` then requires a token.
 *
 * @example isLoopback("127.0.0.1") // true
 * @example isLoopback("0.0.0.0") // false
 */
export const isLoopback = (host: string): boolean => {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (h === "localhost" || h === "::1") return true;
  return isIP(h) === 4 && h.startsWith("127.");
};

/** Whether an address to bind to is a wildcard (every interface). */
const isWildcard = (host: string): boolean => ["0.0.0.0", "::", "[::]"].includes(host);

/** Who may reach the server, as `coop-ledger serve` was started. */
export interface AccessPolicy {
  /** The address bound to. */
  readonly host: string;
  /** The port listened on (known once listening). */
  readonly port: number;
  /** Host names the Host header may carry besides the bound address and the loopback names (`--allow-host`). */
  readonly allowHosts: ReadonlyArray<string>;
  /** The secret every request must carry (required for a non-loopback binding); none on loopback by default. */
  readonly token: string | undefined;
}

/** Splits a Host header into its name and port ("[::1]:8080" → ["::1", "8080"]). */
const splitHost = (header: string): [string, string | undefined] => {
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(header) ?? /^([^:]+)(?::(\d+))?$/.exec(header);
  return m === null ? [header, undefined] : [(m[1] ?? "").toLowerCase(), m[2]];
};

/**
 * Whether a request's Host header names this server. A web page on another site can make the
 * victim's browser resolve its own name to 127.0.0.1 (DNS rebinding) and read the answers as
 * same-origin: the browser then sends that site's name as Host, which is refused here. Accepted: the
 * loopback names, the bound address, and `--allow-host` names, each with this server's port (or
 * none); behind a wildcard binding any name (the token guards it).
 *
 * @example hostAllowed("127.0.0.1:8080", { host: "127.0.0.1", port: 8080, allowHosts: [], token: undefined }) // true
 * @example hostAllowed("evil.example:8080", { host: "127.0.0.1", port: 8080, allowHosts: [], token: undefined }) // false
 */
export const hostAllowed = (header: string | undefined, policy: AccessPolicy): boolean => {
  if (header === undefined || header === "") return false;
  const [name, port] = splitHost(header.trim());
  if (port !== undefined && Number(port) !== policy.port) return false;
  if (isWildcard(policy.host)) return true;
  const names = new Set(
    ["localhost", "127.0.0.1", "::1", policy.host, ...policy.allowHosts].map((h) =>
      h.replace(/^\[|\]$/g, "").toLowerCase(),
    ),
  );
  return names.has(name);
};

const digest = (s: string): Buffer => createHash("sha256").update(s, "utf8").digest();

/**
 * Compares a presented token with the expected one in constant time (both hashed first, so their
 * lengths leak nothing either).
 * @example tokenMatches("s3cret", "s3cret") // true
 */
export const tokenMatches = (presented: string | undefined, expected: string): boolean =>
  presented !== undefined && timingSafeEqual(digest(presented), digest(expected));

/**
 * The cookie that carries the token once a browser opened the page with `?token=…`.
 * @example
 * [TOKEN_COOKIE, "abc"].join("=") // "coop_ledger_token=abc"
 */
export const TOKEN_COOKIE = "coop_ledger_token";

/**
 * The token a request presents: `Authorization: Bearer …`, the session cookie, or `?token=` in the URL.
 * @example presentedToken({ authorization: "Bearer abc" }, new URLSearchParams()) // "abc"
 */
export const presentedToken = (
  headers: Readonly<Record<string, string | string[] | undefined>>,
  query: URLSearchParams,
): string | undefined => {
  const auth = headers.authorization;
  if (typeof auth === "string" && auth.startsWith("Bearer ")) return auth.slice(7).trim();
  const cookie = headers.cookie;
  if (typeof cookie === "string")
    for (const part of cookie.split(";")) {
      const [k, ...v] = part.trim().split("=");
      if (k === TOKEN_COOKIE) return decodeURIComponent(v.join("="));
    }
  return query.get("token") ?? undefined;
};
