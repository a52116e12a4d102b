/** Shared steps of the both-clients tests (client/both-clients/*.test.ts; each test file runs in its own process). */
import { createRequire } from "node:module";
import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
import * as E from "fp-ts/lib/Either.js";
import { expect } from "vitest";
import type { ClientPackage } from "../client/client-package.js";
import type { EsdbClient } from "../client/esdb-client.js";
import { makeEsdbStore } from "../store/esdb-store.js";
import { EsdbServerDouble } from "./esdb-double.js";

const req = createRequire(import.meta.url);

/** Where a client's generated streams module lives (to see whether and how it was loaded). */
export const generatedStreams = (pkg: ClientPackage): string =>
  req.resolve(
    pkg === "@eventstore/db-client"
      ? "@eventstore/db-client/generated/streams_pb.js"
      : `${req.resolve("@kurrent/kurrentdb-client/package.json").replace(/package\.json$/, "")}generated/kurrentdb/protocols/v1/streams_pb.js`,
  );

/** Fails when a client was already loaded in this process: the test would then prove nothing. */
export const expectFreshProcess = (): void => {
  for (const pkg of ["@eventstore/db-client", "@kurrent/kurrentdb-client"] as const) {
    expect(req.cache[generatedStreams(pkg)], `${pkg} already loaded in this test process`).toBeUndefined();
  }
};

/** Loads a client package the way a user's own `import` does: plain require, global namespace. */
export const userImports = (pkg: ClientPackage): Record<string, unknown> =>
  req(pkg) as Record<string, unknown>;

/**
 * Appends and reads through the adapter on a double serving the client's own definitions; proves
 * optimistic concurrency holds (`noStream` twice is a conflict).
 */
export const exercise = async (pkg: ClientPackage, bind: (url: string) => EsdbClient): Promise<void> => {
  const server = await EsdbServerDouble.start({ client: pkg });
  const store = makeEsdbStore(bind(server.connectionString));
  try {
    const sid = fixtureEvent("both", 0).streamId;
    const first = await store.append(sid, fixtureBatch("both", 2), { expectedRevision: "noStream" })();
    expect(E.isRight(first) && first.right.written).toBe(true);
    const again = await store.append(sid, [fixtureEvent("both", 5).newEvent], {
      expectedRevision: "noStream",
    })();
    expect(E.isLeft(again) && again.left).toMatchObject({ _tag: "WrongExpectedRevision", actual: 1 });
    const read = await store.readStream(sid)();
    expect(E.isRight(read) && read.right.length).toBe(2);
  } finally {
    await store.close();
    await server.stop();
  }
};
