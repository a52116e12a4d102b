import * as E from "fp-ts/lib/Either.js";
import { describe, it } from "vitest";
import { exercise, expectFreshProcess, userImports } from "../../test-support/both-clients.js";
import { createEsdbClient } from "../connect.js";
import { type KurrentDbClientShape, kurrentDbClient } from "../kurrent-binding.js";

// One process (vitest runs each test file in its own): the USER imports @kurrent/kurrentdb-client
// first (its protobuf classes take the global namespace), then asks the adapter for
// @eventstore/db-client, which the adapter loads into its own namespace. Both then work, in turns.
describe("a process that imports @kurrent/kurrentdb-client, then has the adapter load @eventstore/db-client", () => {
  it("both clients append (noStream twice is a conflict) and read, interleaved", async () => {
    expectFreshProcess();
    const { KurrentDBClient } = userImports("@kurrent/kurrentdb-client") as {
      KurrentDBClient: { connectionString(url: string): KurrentDbClientShape };
    };
    const kurrent = (url: string) => kurrentDbClient(KurrentDBClient.connectionString(url));
    const eventstore = (url: string) => {
      const c = createEsdbClient({ url, client: "@eventstore/db-client" });
      if (E.isLeft(c)) throw new Error(c.left.message);
      return c.right;
    };
    await exercise("@kurrent/kurrentdb-client", kurrent);
    await exercise("@eventstore/db-client", eventstore);
    await exercise("@kurrent/kurrentdb-client", kurrent);
  });
});
