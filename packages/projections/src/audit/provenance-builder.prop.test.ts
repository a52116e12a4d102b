import { dayOf, instantMs, type RecordedEvent } from "@coop-ledger/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildIndex } from "../bitemporal-index/projection-index.js";
import { historyArb } from "../test-support/arbitraries.js";
import { type EntrySpill, memorySpill } from "./entry-spill.js";
import { PROVENANCE_ARRAYS as A, ProvenanceBuilder } from "./provenance-builder.js";
import { streamProvenance } from "./stream-provenance.js";

const RUNS = Number(process.env.COOP_LEDGER_RUNS ?? 100);

interface Told {
  readonly p: number;
  readonly k: number;
  readonly c: string;
  readonly d: number;
  readonly a: number;
  readonly r: number;
}

/**
 * The image as a builder that kept every entry's instant and stream would lay it out (what the builder
 * did before it kept only the instants that are not their event's): the entries kept, grouped by
 * series in order of first appearance, in the order told within a series.
 */
const expected = (
  told: ReadonlyArray<Told>,
  streamOf: (p: number) => number,
  drop: (i: number, stream: number) => boolean,
) => {
  const keys: number[] = [];
  const cells: string[] = [];
  for (const e of told) {
    if (!keys.includes(e.k)) keys.push(e.k);
    if (!cells.includes(e.c)) cells.push(e.c);
  }
  const kept = told.filter((e, i) => !drop(i, streamOf(e.p)));
  const rows = keys.flatMap((k) => kept.filter((e) => e.k === k));
  const keyStart = [0];
  for (const k of keys) keyStart.push((keyStart.at(-1) as number) + kept.filter((e) => e.k === k).length);
  return {
    keys,
    keyStart,
    position: rows.map((e) => e.p),
    cell: rows.map((e) => e.c),
    day: rows.map((e) => e.d),
    rec: rows.map((e) => e.r),
    amount: rows.map((e) => e.a),
  };
};

/** The builder's image in the same terms (cells by key, not id). */
const actual = (b: ProvenanceBuilder, streams: string[], drop: (i: number, stream: number) => boolean) => {
  const image = b.image(streams, drop);
  const cellKeys = image.strings.cellKeys;
  const arr = (name: string) => [...(image.arrays[name] as Float64Array | Int32Array)];
  return {
    keys: arr(A.keys),
    keyStart: arr(A.keyStart),
    position: arr(A.position),
    cell: arr(A.cell).map((id) => cellKeys[id]),
    day: arr(A.day),
    rec: arr(A.rec),
    amount: arr(A.amount),
  };
};

/** An event told to the builder, or an entry: the builders' calls in any order. */
type Call =
  | { readonly kind: "event"; readonly p: number; readonly r: number; readonly stream: number }
  | { readonly kind: "entry"; readonly e: Told; readonly own: boolean };

/** A spill that counts its closes (the builder closes it once its image is laid out). */
const counted = () => {
  const inner = memorySpill();
  let closed = 0;
  const spill: EntrySpill = {
    ...inner,
    close: () => {
      closed++;
      inner.close();
    },
  };
  return { spill, closed: () => closed };
};

/** A builder keeping its entries in memory, and one spilling them in chunks of `chunk` entries. */
const builders = (covered: number, chunk: number) => {
  const c = counted();
  return {
    all: [new ProvenanceBuilder(covered), new ProvenanceBuilder(covered, c.spill, chunk)],
    closed: c.closed,
  };
};

const INSTANTS = [0, -0, 1_600_000_000_000, 1_600_000_060_000, 1_700_000_000_000];

const callsArb = (covered: number): fc.Arbitrary<Call[]> =>
  fc.array(
    fc.oneof(
      fc.record({
        kind: fc.constant("event" as const),
        p: fc.integer({ min: 0, max: covered - 1 }),
        r: fc.constantFrom(...INSTANTS),
        stream: fc.integer({ min: 0, max: 3 }),
      }),
      fc.record({
        kind: fc.constant("entry" as const),
        // Positions past `covered` too: the builder tells no event there.
        e: fc.record({
          p: fc.integer({ min: 0, max: covered + 1 }),
          k: fc.constantFrom(3, 17, 40, 41),
          c: fc.constantFrom("60", "60|a", "01|b"),
          d: fc.integer({ min: 0, max: 20_000 }),
          a: fc.integer({ min: -5, max: 5 }),
          r: fc.constantFrom(...INSTANTS),
        }),
        // Mostly the instant of the entry's event (what the feed does), else the one drawn.
        own: fc.boolean(),
      }),
    ),
    { maxLength: 60 },
  );

describe("ProvenanceBuilder keeps an entry's instant only where it is not its event's, its entries in memory or spilled (issue #12)", () => {
  it("law: its image is the one of a builder keeping every entry's instant and stream, for any calls, any drop and any spill chunk", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((covered) =>
            fc.tuple(
              fc.constant(covered),
              callsArb(covered),
              fc.func(fc.boolean()),
              fc.integer({ min: 1, max: 7 }),
            ),
          ),
        ([covered, calls, refuse, chunk]) => {
          const { all, closed } = builders(covered, chunk);
          const rec = new Map<number, number>();
          const stream = new Map<number, number>();
          const told: Told[] = [];
          for (const call of calls)
            if (call.kind === "event") {
              // A position told again is the same event (a redelivery): its instant and stream too.
              const r = rec.get(call.p) ?? call.r;
              const s = stream.get(call.p) ?? call.stream;
              for (const b of all) b.event(call.p, r, 0, "CoopFounded", s);
              rec.set(call.p, r);
              stream.set(call.p, s);
            } else {
              const e =
                call.own && rec.has(call.e.p) ? { ...call.e, r: rec.get(call.e.p) as number } : call.e;
              for (const b of all) b.entry(e.p, e.k, e.c, e.d, e.a, e.r);
              told.push(e);
            }
          const drop = (i: number, s: number) => refuse(i, s);
          const want = expected(told, (p) => stream.get(p) ?? -1, drop);
          for (const b of all) {
            const got = actual(b, ["s0", "s1", "s2", "s3"], drop);
            expect(got).toEqual(want);
            // Bit for bit: -0 is not 0 in the image's bytes.
            expect(got.rec.map((r) => Object.is(r, -0))).toEqual(want.rec.map((r) => Object.is(r, -0)));
          }
          expect(closed()).toBe(1);
        },
      ),
      { numRuns: RUNS * 5 },
    );
  });

  it("law: built from histories with late-recorded events and retractions, its image holds every entry's instant as folded", () => {
    let restated = 0;
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 1, max: 40 }), (events: RecordedEvent[], chunk) => {
        const index = buildIndex(events);
        const { all, closed } = builders(events.length, chunk);
        const told: Told[] = [];
        const streamOf = new Map<number, number>();
        const ids = [...index.streamIds()];
        ids.forEach((id, s) => {
          const own = index.streamEvents(id);
          for (const b of all) b.stream(own, s);
          for (const e of own) streamOf.set(e.position, s);
          streamProvenance(own, (p, k, c, d, a, r) => told.push({ p, k, c, d, a, r }));
        });
        const recOf = new Map(events.map((e) => [e.position, instantMs(e.metadata.recordedAt)]));
        restated += told.filter((e) => recOf.get(e.p) !== e.r).length;
        // Drop one stream's entries (as the tap drops a dirty stream's entries as fed).
        const drop = (_i: number, s: number) => s === 1;
        const want = expected(told, (p) => streamOf.get(p) ?? -1, drop);
        for (const b of all) expect(actual(b, ids, drop)).toEqual(want);
        expect(closed()).toBe(1);
        // Its event columns are the events' own.
        const again = new ProvenanceBuilder(events.length);
        for (const [s, id] of ids.entries()) again.stream(index.streamEvents(id), s);
        const img = again.image(ids);
        for (const e of events) {
          if (!streamOf.has(e.position)) continue;
          expect(img.arrays[A.eventRec]?.[e.position]).toBe(instantMs(e.metadata.recordedAt));
          expect(img.arrays[A.eventDay]?.[e.position]).toBe(dayOf(e.event.data.effectiveDate));
        }
      }),
      { numRuns: RUNS },
    );
    // The histories did restate events (else the law would not see the instants kept apart).
    expect(restated).toBeGreaterThan(0);
  });
});
