import { describe, expect, it } from "vitest";
import { redactConnectionString, redactSecrets } from "./redact.js";

describe("redactConnectionString", () => {
  it("masks the password and keeps the user, hosts and options", () => {
    expect(
      redactConnectionString("esdb://admin:changeit@db1:2113,db2:2113?tls=true&nodePreference=leader"),
    ).toBe("esdb://admin:***@db1:2113,db2:2113?tls=true&nodePreference=leader");
    expect(redactConnectionString("esdb+discover://ops:p%40ss@cluster.local:2113")).toBe(
      "esdb+discover://ops:***@cluster.local:2113",
    );
  });
  it("leaves a string without credentials alone and masks secret-looking query parameters", () => {
    expect(redactConnectionString("esdb://localhost:2113?tls=false")).toBe("esdb://localhost:2113?tls=false");
    expect(redactConnectionString("esdb://h:2113?password=x1&tls=false")).toBe(
      "esdb://h:2113?password=***&tls=false",
    );
  });
});

describe("redactSecrets", () => {
  it("masks the secret plain, URL-encoded and base64 (as in a Basic authorization header)", () => {
    const pw = "p@ss w0rd";
    const text = `a ${pw} b ${encodeURIComponent(pw)} c ${Buffer.from(pw).toString("base64")}`;
    const out = redactSecrets(text, [pw]);
    expect(out).toBe("a *** b *** c ***");
  });
  it("ignores empty secrets", () => {
    expect(redactSecrets("nothing to hide", [""])).toBe("nothing to hide");
  });
});

describe("redactSecrets without being told the secret", () => {
  it("masks Basic authorization values and passwords in echoed connection strings", () => {
    const b64 = Buffer.from("admin:unknown-pw").toString("base64");
    const out = redactSecrets(`header Basic ${b64} for esdb://admin:unknown-pw@db:2113?tls=true`, []);
    expect(out).toBe("header Basic *** for esdb://admin:***@db:2113?tls=true");
  });
});
