import * as E from "fp-ts/lib/Either.js";
import { describe, it } from "vitest";
import { exercise, expectFreshProcess } from "../../test-support/both-clients.js";
import type { ClientPackage } from "../client-package.js";
import { createEsdbClient } from "../connect.js";

// The adapter loads both clients itself (each in its own namespace), Kurrent first, then 6.x.
const viaAdapter = (pkg: ClientPackage) => (url: string) => {
  const c = createEsdbClient({ url, client: pkg });
  if (E.isLeft(c)) throw new Error(c.left.message);
  return c.right;
};

describe("the adapter loads both clients into one process", () => {
  it("Kurrent first, then 6.x: both append (noStream twice is a conflict) and read", async () => {
    expectFreshProcess();
    await exercise("@kurrent/kurrentdb-client", viaAdapter("@kurrent/kurrentdb-client"));
    await exercise("@eventstore/db-client", viaAdapter("@eventstore/db-client"));
    await exercise("@kurrent/kurrentdb-client", viaAdapter("@kurrent/kurrentdb-client"));
  });
});
