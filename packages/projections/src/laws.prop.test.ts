import type { RecordedEvent } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { snapshot } from "./evaluate/snapshot-of-index.js";
import { buildIndex, ProjectionIndex } from "./index/projection-index.js";
import { replay } from "./replay/replay.js";
import { historyArb, queryArb, queryOf } from "./test-support/arbitraries.js";

const RUNS = Number(process.env.PROJECTIONS_LAW_RUNS ?? 150);

const right = <A>(e: E.Either<unknown, A>): A | { error: unknown } => (E.isRight(e) ? e.right : { error: e.left });

describe("laws of the projections (ARCHITECTURE.md)", () => {
  it("law 2: replay = index — the index answers every (validAt, knownAt, scope, geography) like a full replay", () => {
    fc.assert(
      fc.property(historyArb, fc.array(queryArb, { minLength: 1, maxLength: 4 }), (events, queries) => {
        const index = buildIndex(events);
        for (const qp of queries) {
          const q = queryOf(qp);
          expect(right(snapshot(index, q))).toEqual(right(replay(events, q)));
        }
      }),
      { numRuns: RUNS },
    );
  });
});
