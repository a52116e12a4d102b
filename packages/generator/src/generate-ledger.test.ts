import {
  type BusinessDate,
  type Count,
  type DomainConfig,
  DomainEvent,
  defaultDomainConfig,
  EventMetadata,
  makeLedgerDecider,
  StreamId,
} from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { generateLedger } from "./generate-ledger.js";
import { validateHistory } from "./validation/validate-history.js";

const collect = (seed: number) => [...generateLedger({ preset: "province", seed })];

describe("generateLedger (province preset)", () => {
  const events = collect(7);

  it("emits about ten thousand events in non-decreasing recording order", () => {
    if (process.env.GEN_STATS) {
      const byType = new Map<string, number>();
      for (const e of events) byType.set(e.event.type, (byType.get(e.event.type) ?? 0) + 1);
      console.log(events.length, Object.fromEntries([...byType].sort((a, b) => b[1] - a[1])));
    }
    expect(events.length).toBeGreaterThan(7000);
    expect(events.length).toBeLessThan(16000);
    for (let i = 1; i < events.length; i++) {
      expect((events[i - 1]?.metadata.recordedAt ?? "") <= (events[i]?.metadata.recordedAt ?? "")).toBe(true);
    }
  });

  it("emits only events, metadata and stream ids the codecs accept, with unique ids", () => {
    const ids = new Set<string>();
    for (const e of events) {
      const ok =
        E.isRight(DomainEvent.decode(e.event)) &&
        E.isRight(EventMetadata.decode(e.metadata)) &&
        StreamId.is(e.streamId);
      if (!ok) expect({ e, problems: DomainEvent.decode(e.event) }).toBeUndefined();
      ids.add(e.eventId);
    }
    expect(ids.size).toBe(events.length);
  });

  it("is deterministic: the same seed gives the same events", () => {
    const again = collect(7);
    expect(again.length).toBe(events.length);
    expect(JSON.stringify(again.slice(0, 500))).toBe(JSON.stringify(events.slice(0, 500)));
    expect(JSON.stringify(again.at(-1))).toBe(JSON.stringify(events.at(-1)));
    expect(JSON.stringify(collect(8).slice(0, 50))).not.toBe(JSON.stringify(events.slice(0, 50)));
  });
});

describe("generated histories are valid", () => {
  it.each([7, 8, 9])(
    "the decider accepts every event of every stream of province history seed %i",
    (seed) => {
      const report = validateHistory(generateLedger({ preset: "province", seed }));
      expect(
        report.violations.map((v) => `${v.streamId}#${v.revision} ${v.type}: ${v.error.message}`),
      ).toEqual([]);
      expect(report.streams).toBeGreaterThan(200);
    },
  );

  it("follows the configuration it is given: under a scheme that rates no co-op which stopped a single day, the decider with that configuration accepts every stream, and ratings are left out", () => {
    const strict: DomainConfig = {
      ...defaultDomainConfig,
      notRatedWhenStopped: [
        { scheme: "circular-01-2020-TT-BKHDT", from: "2020-04-01" as BusinessDate, maximumDays: 0 as Count },
      ],
    };
    const options = { preset: "province", seed: 7, from: "2019-01-01", to: "2023-12-31" } as const;
    const check = makeLedgerDecider(strict).validateEvent;
    const report = validateHistory(generateLedger({ ...options, config: strict }), { check });
    expect(report.violations.map((v) => `${v.streamId}#${v.revision} ${v.type}: ${v.error.message}`)).toEqual(
      [],
    );
    // The same ledger generated for the default configuration breaks the strict rule: the parameter is what kept it valid.
    const loose = validateHistory(generateLedger(options), { check });
    expect(loose.violations.map((v) => v.error._tag)).toContain("StoppedTooLongToRate");
    const assessed = (cfg?: DomainConfig) =>
      [...generateLedger(cfg === undefined ? options : { ...options, config: cfg })].filter(
        (e) => e.event.type === "CoopAssessed",
      ).length;
    expect(assessed(strict)).toBeLessThan(assessed());
  });
});
