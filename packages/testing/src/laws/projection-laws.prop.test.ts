import type { RecordedEvent } from "@coop-ledger/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { provinceHistoryArbitrary, toRecorded } from "../arbitraries/history-arbitraries.js";
import { indexLawProjection, replayLawProjection } from "./projection-adapters.js";
import { type LawProjection, projectionLaws } from "./projection-laws.js";

describe("our projections obey the projection laws", () => {
  for (const p of [indexLawProjection, replayLawProjection] as ReadonlyArray<LawProjection<unknown>>) {
    for (const law of projectionLaws(p, { numRuns: 40 })) it(`${p.name} — ${law.name}`, law.run);
  }

  it("the index answers like a full replay (same figures for the same query)", () => {
    fc.assert(
      fc.property(
        provinceHistoryArbitrary().map(toRecorded),
        fc.constantFrom("2016-12-31", "2024-07-01", "2025-12-31"),
        (events, validAt) => {
          expect(indexLawProjection.query(indexLawProjection.build(events), { validAt })).toEqual(
            replayLawProjection.query(replayLawProjection.build(events), { validAt }),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("the laws catch broken projections", () => {
  const naive = (
    name: string,
    query: (es: ReadonlyArray<RecordedEvent>) => unknown,
  ): LawProjection<RecordedEvent[]> => ({
    name,
    build: (es) => [...es],
    start: () => [],
    feed: (b, e) => {
      b.push(e);
      return b;
    },
    query: (b) => query(b),
  });
  const failure = (run: () => void): string => {
    try {
      run();
    } catch (e) {
      const cause = (e as { cause?: unknown }).cause;
      return `${(e as Error).message}\n${cause instanceof Error ? cause.message : ""}`;
    }
    return "no failure";
  };
  const lawNamed = (p: LawProjection<RecordedEvent[]>, prefix: string) => {
    const law = projectionLaws(p, { numRuns: 100, parameters: { seed: 7 } }).find((l) =>
      l.name.startsWith(prefix),
    );
    if (law === undefined) throw new Error(prefix);
    return law;
  };

  it("a count that ignores knownAt breaks 'knowledge grows'", () => {
    expect(
      failure(
        lawNamed(
          naive("count", (b) => b.length),
          "knowledge grows",
        ).run,
      ),
    ).toMatch(/knowledge grows/);
  });

  it("a count of deliveries (not of distinct events) breaks idempotence", () => {
    expect(
      failure(
        lawNamed(
          naive("deliveries", (b) => b.length),
          "idempotence",
        ).run,
      ),
    ).toMatch(/idempotence/);
  });

  it("an answer that depends on the global interleaving breaks stream independence", () => {
    expect(
      failure(
        lawNamed(
          naive("first stream", (b) => b[0]?.streamId),
          "stream independence",
        ).run,
      ),
    ).toMatch(/stream independence/);
  });
});
