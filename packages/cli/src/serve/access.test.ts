import { describe, expect, it } from "vitest";
import { type AccessPolicy, hostAllowed, isLoopback, presentedToken, tokenMatches } from "./access.js";

const loopback: AccessPolicy = { host: "127.0.0.1", port: 8080, allowHosts: [], token: undefined };

describe("who may reach coop-ledger serve", () => {
  it("tells loopback addresses from the network", () => {
    for (const h of ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"])
      expect(isLoopback(h), h).toBe(true);
    for (const h of ["0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "example.org", "128.0.0.1"])
      expect(isLoopback(h), h).toBe(false);
  });

  it("refuses a Host header naming another site (DNS rebinding) or another port", () => {
    expect(hostAllowed("127.0.0.1:8080", loopback)).toBe(true);
    expect(hostAllowed("localhost:8080", loopback)).toBe(true);
    expect(hostAllowed("[::1]:8080", loopback)).toBe(true);
    expect(hostAllowed("LOCALHOST", loopback)).toBe(true);
    expect(hostAllowed("attacker.example:8080", loopback)).toBe(false);
    expect(hostAllowed("attacker.example", loopback)).toBe(false);
    expect(hostAllowed("127.0.0.1:9999", loopback)).toBe(false);
    expect(hostAllowed(undefined, loopback)).toBe(false);
    expect(hostAllowed("", loopback)).toBe(false);
  });

  it("accepts names given with --allow-host, and any name behind a wildcard binding (the token guards it)", () => {
    expect(hostAllowed("desk.coop.lan:8080", { ...loopback, allowHosts: ["desk.coop.lan"] })).toBe(true);
    expect(hostAllowed("other.lan:8080", { ...loopback, allowHosts: ["desk.coop.lan"] })).toBe(false);
    expect(hostAllowed("any.name:8080", { ...loopback, host: "0.0.0.0", token: "x".repeat(16) })).toBe(true);
  });

  it("reads the token from a bearer header, the cookie or the query, and compares it exactly", () => {
    expect(presentedToken({ authorization: "Bearer abc" }, new URLSearchParams())).toBe("abc");
    expect(presentedToken({ cookie: "a=1; coop_ledger_token=s%3Dx" }, new URLSearchParams())).toBe("s=x");
    expect(presentedToken({}, new URLSearchParams("token=q"))).toBe("q");
    expect(presentedToken({}, new URLSearchParams())).toBeUndefined();
    expect(tokenMatches("0123456789abcdef", "0123456789abcdef")).toBe(true);
    expect(tokenMatches("0123456789abcdeF", "0123456789abcdef")).toBe(false);
    expect(tokenMatches("0123456789abcde", "0123456789abcdef")).toBe(false);
    expect(tokenMatches(undefined, "0123456789abcdef")).toBe(false);
  });
});
