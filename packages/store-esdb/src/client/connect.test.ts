import { fixtureEvent } from "@coop-ledger/store/contract";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { makeEsdbStore } from "../store/esdb-store.js";
import { connectionSettings, createEsdbClient, esdbSettingsFromEnv } from "./connect.js";

const PASSWORD = "Zq8-very-secret-pw";

describe("connection settings", () => {
  it("moves credentials out of the connection string", () => {
    expect(connectionSettings(`esdb://admin:${PASSWORD}@db:2113?tls=true`)).toEqual(
      E.right({ url: "esdb://db:2113?tls=true", credentials: { username: "admin", password: PASSWORD } }),
    );
    expect(connectionSettings("esdb://ops:p%40ss@db:2113")).toEqual(
      E.right({ url: "esdb://db:2113", credentials: { username: "ops", password: "p@ss" } }),
    );
  });

  it("reads ESDB_URL, ESDB_USERNAME and ESDB_PASSWORD; the separate variables win", () => {
    expect(esdbSettingsFromEnv({ ESDB_URL: "esdb://localhost:2113?tls=false" })).toEqual(
      E.right({ url: "esdb://localhost:2113?tls=false" }),
    );
    expect(
      esdbSettingsFromEnv({ ESDB_URL: "esdb://a:b@db:2113", ESDB_USERNAME: "u", ESDB_PASSWORD: PASSWORD }),
    ).toEqual(E.right({ url: "esdb://db:2113", credentials: { username: "u", password: PASSWORD } }));
    expect(E.isLeft(esdbSettingsFromEnv({}))).toBe(true);
    expect(E.isLeft(esdbSettingsFromEnv({ ESDB_URL: "esdb://db:2113", ESDB_USERNAME: "u" }))).toBe(true);
  });

  it("a malformed connection string is an error that does not hold the password", () => {
    const r = connectionSettings(`http://admin:${PASSWORD}@db:2113`);
    expect(E.isLeft(r) && r.left._tag).toBe("StoreUnavailable");
    expect(JSON.stringify(r)).not.toContain(PASSWORD);
    const bad = createEsdbClient({ url: "esdb://", credentials: { username: "u", password: PASSWORD } });
    expect(E.isLeft(bad)).toBe(true);
    expect(JSON.stringify(bad)).not.toContain(PASSWORD);
  });

  it("an error from a failing connection does not contain the password", async () => {
    // Port 1 on loopback: nothing listens, the connection is refused.
    for (const tls of ["false", "true"]) {
      const settings = connectionSettings(
        `esdb://admin:${PASSWORD}@127.0.0.1:1?tls=${tls}&defaultDeadline=2000`,
      );
      if (E.isLeft(settings)) throw new Error(settings.left.message);
      const client = createEsdbClient(settings.right);
      if (E.isLeft(client)) throw new Error(client.left.message);
      const store = makeEsdbStore(
        client.right,
        settings.right.credentials ? { credentials: settings.right.credentials } : {},
      );
      const e = fixtureEvent("pw", 0);
      const r = await store.append(e.streamId, [e.newEvent], { expectedRevision: "any" })();
      expect(E.isLeft(r) && r.left._tag).toBe("StoreUnavailable");
      const read = await store.readAll()();
      expect(E.isLeft(read) && read.left._tag).toBe("StoreUnavailable");
      for (const x of [r, read]) {
        const text = JSON.stringify(x) + (E.isLeft(x) ? x.left.message : "");
        expect(text).not.toContain(PASSWORD);
        expect(text).not.toContain(Buffer.from(`admin:${PASSWORD}`).toString("base64"));
      }
      await store.close();
    }
  });
});
