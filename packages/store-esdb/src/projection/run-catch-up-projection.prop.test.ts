import type { RecordedEvent } from "@coop-ledger/domain";
import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { doubleStore, until } from "../test-support/double-store.js";
import { inMemoryCheckpointStore } from "./in-memory-checkpoint-store.js";
import { runCatchUpProjection } from "./run-catch-up-projection.js";

// Each run starts a gRPC server and a client and drops subscriptions for real: ~100 ms a run, so
// 12 runs here (set ESDB_PROP_RUNS for more). The law is also exercised by the in-process tests.
const RUNS = Number(process.env.ESDB_PROP_RUNS ?? 12);

describe("catch-up projection under at-least-once delivery", () => {
  it("law: dropping the subscription at any point and resuming from the saved checkpoint folds every event exactly once", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 4 }),
        async (batches, saveEvery, dropAfterBatch) => {
          const d = await doubleStore();
          try {
            const seen: string[] = [];
            const run = runCatchUpProjection<ReadonlyArray<string>>({
              client: d.client,
              checkpointStore: inMemoryCheckpointStore(),
              initialState: [],
              saveEvery,
              retryDelayMs: () => 1,
              onError: () => "retry",
              handle: (s, e: RecordedEvent) => [...s, e.eventId],
            });
            let total = 0;
            for (const [i, n] of batches.entries()) {
              const coop = `c${i % 2}`;
              const r = await d.store.append(fixtureEvent(coop, 0).streamId, fixtureBatch(coop, n, i * 10), {
                expectedRevision: "any",
              })();
              if (E.isLeft(r)) throw new Error(r.left.message);
              seen.push(...fixtureBatch(coop, n, i * 10).map((e) => e.eventId));
              total += n;
              if (i === dropAfterBatch) {
                await until(() => run.state().length === total);
                d.server.dropSubscriptions();
              }
            }
            // Quiescent point: after a drop, the run has resubscribed (the server holds its new
            // subscription, registered after the reload of the saved checkpoint) and folded it all.
            const dropped = dropAfterBatch < batches.length;
            await until(
              () =>
                (!dropped || (d.server.calls.subscribe >= 2 && d.server.liveSubscriptions === 1)) &&
                run.state().length >= total,
            );
            await run.stop();
            expect(run.state()).toEqual(seen);
          } finally {
            await d.close();
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
