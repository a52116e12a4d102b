import type { EventStoreDBClient } from "@eventstore/db-client";
import type { KurrentDBClient } from "@kurrent/kurrentdb-client";
import { describe, expect, it } from "vitest";
import type { EsdbClient } from "./esdb-client.js";

// Compile-time checks (tsconfig.test.json): both clients fit the narrow interface the adapter uses,
// so either can be passed to makeEsdbStore. Type-only imports: nothing connects, no native module loads.
const fromEventStoreDb = (c: EventStoreDBClient): EsdbClient => c;
const fromKurrentDb = (c: KurrentDBClient): EsdbClient => c;

describe("client interface", () => {
  it("@eventstore/db-client 6.x and @kurrent/kurrentdb-client 1.x both fit EsdbClient (checked by tsc)", () => {
    expect(typeof fromEventStoreDb).toBe("function");
    expect(typeof fromKurrentDb).toBe("function");
  });
});
