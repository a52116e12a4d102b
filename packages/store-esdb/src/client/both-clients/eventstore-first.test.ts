import * as E from "fp-ts/lib/Either.js";
import { describe, it } from "vitest";
import { exercise, expectFreshProcess, userImports } from "../../test-support/both-clients.js";
import { createEsdbClient } from "../connect.js";
import { type EventStoreDbClientShape, eventStoreDbClient } from "../eventstore-binding.js";

// The other order: the USER imports @eventstore/db-client first, then asks the adapter for
// @kurrent/kurrentdb-client (loaded into its own namespace).
describe("a process that imports @eventstore/db-client, then has the adapter load @kurrent/kurrentdb-client", () => {
  it("both clients append (noStream twice is a conflict) and read, interleaved", async () => {
    expectFreshProcess();
    const { EventStoreDBClient } = userImports("@eventstore/db-client") as {
      EventStoreDBClient: { connectionString(url: string): EventStoreDbClientShape };
    };
    const eventstore = (url: string) => eventStoreDbClient(EventStoreDBClient.connectionString(url));
    const kurrent = (url: string) => {
      const c = createEsdbClient({ url, client: "@kurrent/kurrentdb-client" });
      if (E.isLeft(c)) throw new Error(c.left.message);
      return c.right;
    };
    await exercise("@eventstore/db-client", eventstore);
    await exercise("@kurrent/kurrentdb-client", kurrent);
    await exercise("@eventstore/db-client", eventstore);
  });
});
