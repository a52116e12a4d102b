import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { liveEvents, timed } from "../model/live-events.js";
import { sweepStream } from "../model/stream-sweep.js";
import { historyArb } from "../test-support/arbitraries.js";
import { aspectFactsOf } from "./back-dated-aspect.js";
import { reportFactsOf } from "./back-dated-report.js";
import { imageSourceOf } from "./index-image.js";
import { arrivalFactsOf } from "./retracted-duplicate.js";
import {
  decodeStreamFold,
  encodeStreamFold,
  FOLD_BYTES,
  FOLD_START,
  foldOfImage,
  foldParts,
  foldReader,
  packStreamFolds,
  type StreamFold,
} from "./stream-fold.js";

const RUNS = Number(process.env.PROJECTIONS_LAW_RUNS ?? 100);

/** Every stream's fold over its whole history (state, tail from its first live day on, its ends). */
const foldsOf = (events: Parameters<typeof timed>[0][]): StreamFold[] => {
  const byStream = new Map<string, ReturnType<typeof timed>[]>();
  for (const e of events) {
    const list = byStream.get(e.streamId) ?? [];
    list.push(timed(e));
    byStream.set(e.streamId, list);
  }
  return [...byStream.values()].map((list) => {
    const live = liveEvents(list);
    const { state, deltas } = sweepStream(live, Number.NEGATIVE_INFINITY);
    const first = live[0];
    const last = live[live.length - 1];
    return {
      state,
      tail: deltas,
      liveCount: live.length,
      firstType: first?.recorded.event.type,
      firstDay: first?.day ?? Number.NaN,
      firstRevision: first?.recorded.revision ?? Number.NaN,
      lastDay: last?.day ?? Number.NaN,
      lastRevision: last?.recorded.revision ?? Number.NaN,
      ...reportFactsOf(live),
      ...aspectFactsOf(live),
      ...arrivalFactsOf(list),
    };
  });
};

/** An encoded fold per stream, "" for a stream without one (any text: the packing must not care). */
const foldTextArb = fc.oneof(fc.constant(""), fc.string({ unit: "grapheme" }));

/** An image holding only the packed folds of `texts` (one stream each), as the index writes them. */
const foldImageOf = (texts: ReadonlyArray<string>) =>
  imageSourceOf({
    meta: {
      events: 0,
      deltas: 0,
      latest: null,
      cells: 0,
      streams: texts.length,
      levels: {
        ledger: { count: 0, segments: [] },
        province: { count: 0, segments: [] },
        detail: { count: 0, segments: [] },
      },
    },
    strings: { cellKeys: [], streamIds: [] },
    arrays: packStreamFolds(texts),
  });

/** The encoding as it was first written (a replacer tagging maps, sets and non-finite numbers): the reference. */
const replacer = (_key: string, value: unknown): unknown => {
  if (typeof value === "number") return Number.isFinite(value) ? value : { $n: String(value) };
  if (value instanceof Map) return { $m: [...value] };
  if (value instanceof Set) return { $s: [...value] };
  return value;
};
const referenceEncoding = (f: StreamFold): string => JSON.stringify(foldParts(f), replacer);

describe("stream folds persisted in the index (issue #12)", () => {
  it("law: the encoding is the replacer's text, byte for byte (no index format change)", () => {
    fc.assert(
      fc.property(historyArb, (events) => {
        for (const f of foldsOf(events)) expect(encodeStreamFold(f)).toBe(referenceEncoding(f));
      }),
      { numRuns: RUNS },
    );
  });

  it("law: the encoding is the replacer's text for any state shape (members needing a tag anywhere among others)", () => {
    // A state of any shape: the encoding is generic over it, and copies only what holds a tag.
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.double(),
        fc.string({ maxLength: 3 }),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 2 }), tie("value"), { maxKeys: 4 }),
        fc
          .array(fc.tuple(fc.oneof(fc.integer(), fc.string({ maxLength: 2 })), tie("value")), {
            maxLength: 3,
          })
          .map((e) => new Map(e)),
        fc
          .array(fc.oneof(fc.integer(), fc.string({ maxLength: 2 })), { maxLength: 3 })
          .map((e) => new Set(e)),
      ),
    }));
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 3 }), value, { maxKeys: 6 }), value, (state, tail) => {
        const f = {
          state,
          tail,
          liveCount: 0,
          firstType: undefined,
          firstDay: Number.NaN,
          firstRevision: Number.NaN,
          lastDay: Number.NaN,
          lastRevision: Number.NaN,
          membersDay: Number.NEGATIVE_INFINITY,
          reportDays: new Map([[2020, 18_000]]),
          aspectDays: new Map(),
          arrival: null,
        } as unknown as StreamFold;
        expect(encodeStreamFold(f)).toBe(referenceEncoding(f));
      }),
      { numRuns: RUNS },
    );
  });

  it("decode ∘ encode is the identity on every stream's fold (maps, sets, non-finite days included)", () => {
    fc.assert(
      fc.property(historyArb, (events) => {
        for (const f of foldsOf(events)) expect(decodeStreamFold(encodeStreamFold(f))).toEqual(f);
      }),
      { numRuns: RUNS },
    );
  });

  it("packed folds are read back one stream at a time, each exactly as encoded", () => {
    fc.assert(
      fc.property(fc.array(foldTextArb), (texts) => {
        const img = foldImageOf(texts);
        texts.forEach((t, i) => {
          expect(foldOfImage(img, i)).toBe(t === "" ? undefined : t);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it("law: the packed bytes are each fold's UTF-8 in turn, zero-padded to a word (the packing before encodeInto)", () => {
    // The reference is the earlier packing: each fold encoded on its own, then copied into the words.
    const reference = (texts: ReadonlyArray<string>): Uint8Array => {
      const parts = texts.map((t) => new TextEncoder().encode(t));
      const n = parts.reduce((a, p) => a + p.length, 0);
      const bytes = new Uint8Array(4 * Math.ceil(n / 4));
      let at = 0;
      for (const p of parts) {
        bytes.set(p, at);
        at += p.length;
      }
      return bytes;
    };
    fc.assert(
      fc.property(fc.array(foldTextArb), (texts) => {
        const words = packStreamFolds(texts)[FOLD_BYTES];
        expect(new Uint8Array(words.buffer, words.byteOffset, words.byteLength)).toEqual(reference(texts));
        // Nothing more is held than the words (a grown array is cut to size).
        expect(words.buffer.byteLength).toBe(words.byteLength);
      }),
      { numRuns: RUNS },
    );
  });

  it("a fold reader gives each fold as encoded, by its own entry first, then from the start table read whole", () => {
    fc.assert(
      fc.property(
        fc.array(foldTextArb, { minLength: 1, maxLength: 120 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 64, size: "max" }),
        (texts, picks) => {
          const image = foldImageOf(texts);
          let whole = 0;
          const img = {
            ...image,
            array: (name: string) => {
              if (name === FOLD_START) whole++;
              return image.array(name);
            },
          };
          const read = foldReader(img);
          for (const p of picks) {
            const i = p % texts.length;
            expect(read(i)).toBe(texts[i] === "" ? undefined : texts[i]);
          }
          // The table is read whole once, after the first 32 folds, and never for fewer.
          expect(whole).toBe(picks.length > 32 ? 1 : 0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("a fold that is not one is refused as damage, never used", () => {
    expect(() => decodeStreamFold("[1,2")).toThrow(/not valid JSON/);
    expect(() => decodeStreamFold("[1,2,3]")).toThrow(/shape/);
  });
});
