// The README's example, run against the gRPC test double (set ESDB_URL to run it against a server).
import type { CoopId, EventId, Instant, RecordedEvent } from "@coop-ledger/domain";
import { coopStream } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import { expect, it } from "vitest";
import {
  createEsdbClient,
  esdbSettingsFromEnv,
  inMemoryCheckpointStore,
  makeEsdbStore,
  runCatchUpProjection,
} from "./index.js";
import { EsdbServerDouble } from "./test-support/esdb-double.js";

it("README example: append, read, and a catch-up projection with checkpoints", async () => {
  const double = process.env.ESDB_URL ? undefined : await EsdbServerDouble.start();
  const settings = esdbSettingsFromEnv(double ? { ESDB_URL: double.connectionString } : process.env);
  if (E.isLeft(settings)) throw new Error(settings.left.message);
  const client = createEsdbClient(settings.right);
  if (E.isLeft(client)) throw new Error(client.left.message);
  const credentials = settings.right.credentials;
  const store = makeEsdbStore(client.right, { ...(credentials ? { credentials } : {}), ownsClient: false });

  // --- from here on, as in the README ---
  const coop = `htx-${Date.now().toString(36)}` as CoopId;
  const appended = await store.append(
    coopStream(coop),
    [
      {
        eventId: "0b5c3c1e-8f2a-5d7e-9a3b-1c2d3e4f5a6b" as EventId, // deterministic in real use (command id + index)
        event: {
          type: "CoopSuspended",
          schemaVersion: 1,
          data: { coopId: coop, effectiveDate: "2021-03-01" as never },
        },
        metadata: { recordedAt: "2023-01-15T08:00:00.000Z" as Instant },
      },
    ],
    { expectedRevision: "noStream" },
  )();
  expect(E.isRight(appended) && appended.right.written).toBe(true);

  const read = await store.readStream(coopStream(coop))();
  expect(E.isRight(read) && read.right.map((e) => e.event.type)).toEqual(["CoopSuspended"]);

  // Count suspensions (tạm ngừng hoạt động) per co-op; checkpoint = full $all position + this map.
  const projection = runCatchUpProjection<Readonly<Record<string, number>>>({
    client: client.right,
    checkpointStore: inMemoryCheckpointStore(), // jsonFileCheckpointStore("suspensions.checkpoint.json") on disk
    initialState: {},
    filter: { eventTypes: ["CoopSuspended"] },
    handle: (counts, e: RecordedEvent) => ({ ...counts, [e.streamId]: (counts[e.streamId] ?? 0) + 1 }),
    ...(credentials ? { credentials } : {}),
  });
  await projection.caughtUp;
  expect(projection.state()[coopStream(coop)]).toBe(1);
  await projection.stop();
  // --- end of the README part ---

  await store.close();
  await client.right.dispose();
  await double?.stop();
});
