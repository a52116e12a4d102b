import {
  addDays,
  type BusinessDate,
  type CoopId,
  coopStream,
  DomainEvent,
  type EventId,
  type EventMetadata,
  type Instant,
  makeDate,
  type ProvinceCode,
  type Rating,
  type RecordedEvent,
  type StreamId,
} from "@coop-ledger/domain";

/**
 * A deterministic builder of one province's history for the calibrated scenario. It is told what
 * happened in the world — how many co-ops were founded and dissolved each year, the rating mix, the
 * OCOP certification rounds, the unions — and generates the events with valid and recording times.
 * It never computes an indicator: the figures come out of the projection engine's fold.
 */

/** A small seeded generator (mulberry32): deterministic across runs and platforms. */
export const seeded = (seed: number): (() => number) => {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
};

/** Co-ops founded new in a year, spread evenly over months `fromMonth`–`toMonth` (default the year). */
export interface YearCount {
  readonly year: number;
  readonly count: number;
  readonly fromMonth?: number;
  readonly toMonth?: number;
}

/** One OCOP certification round: `coops` co-ops without a valid certificate each certify products. */
export interface OcopRound {
  readonly on: BusinessDate;
  readonly coops: number;
  /** Products per co-op, cycled over the co-ops of the round. */
  readonly productsCycle: ReadonlyArray<number>;
}

/** A union of co-ops founded on a date by `members` co-ops. */
export interface UnionSpec {
  readonly foundedOn: BusinessDate;
  readonly members: number;
}

/** What happened in the province. */
export interface ProvinceSpec {
  readonly seed: number;
  readonly provinceCode: string;
  readonly districts: ReadonlyArray<string>;
  /** Co-ops already existing when the ledger starts (origin `preExisting`, 2003 law). */
  readonly preExisting: { readonly count: number; readonly on: BusinessDate };
  readonly founded: ReadonlyArray<YearCount>;
  readonly dissolved: ReadonlyArray<YearCount>;
  /** Probability that a new co-op is agricultural. */
  readonly agriculturalShare: number;
  /** Ratings, cycled over the co-ops rated each year (in id order); ratings for Y are made in February Y+1. */
  readonly ratingCycle: ReadonlyArray<Rating>;
  readonly ratedYears: { readonly from: number; readonly to: number };
  readonly ocopRounds: ReadonlyArray<OcopRound>;
  readonly unions: ReadonlyArray<UnionSpec>;
  /** Annual reports (with members' monthly income) for these fiscal years, filed in March of the next. */
  readonly reportedYears: { readonly from: number; readonly to: number };
  readonly memberIncomeVnd: { readonly min: number; readonly max: number };
  /** Official members at founding: uniform in [min, max]; each year-end report adds 0–`yearlyGrowth`. */
  readonly members: { readonly min: number; readonly max: number; readonly yearlyGrowth: number };
}

interface Coop {
  readonly id: CoopId;
  readonly form: "cooperative" | "union";
  readonly foundedOn: BusinessDate;
  dissolvedOn?: BusinessDate;
  ocopValidUntil?: BusinessDate;
  members: number;
}

interface Pending {
  readonly stream: StreamId;
  readonly effective: BusinessDate;
  readonly event: DomainEvent;
}

const dayOfSpread = (year: number, i: number, n: number, fromMonth = 1, toMonth = 12): BusinessDate => {
  const start = makeDate(year, fromMonth, 1);
  const end = makeDate(year, toMonth, 31);
  const span = (Date.parse(end) - Date.parse(start)) / 86_400_000;
  return addDays(start, Math.floor(((i + 0.5) * span) / n));
};

/** Decodes an event written here, so the history only holds valid events (a builder bug throws). */
const ev = (json: unknown): DomainEvent => {
  const r = DomainEvent.decode(json);
  if (r._tag === "Left") throw new Error(`Invalid event built: ${JSON.stringify(json)}`);
  return r.right;
};

const uuid = (n: number): EventId => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}` as EventId;

/**
 * Builds the province's events, ordered as a store would hand them out: positions by recording
 * instant, revisions per stream in stream order. Each event is recorded 1–20 days after it took
 * effect, at 09:00 UTC, never before the stream's previous event.
 *
 * @example const events = buildProvinceHistory(BAC_KAN_SPEC);
 */
export const buildProvinceHistory = (spec: ProvinceSpec): ReadonlyArray<RecordedEvent> => {
  const rnd = seeded(spec.seed);
  const pick = <T>(xs: ReadonlyArray<T>): T => xs[Math.floor(rnd() * xs.length)] as T;
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const coops: Coop[] = [];
  const pending: Pending[] = [];
  const province = spec.provinceCode as ProvinceCode;
  let seq = 0;

  const found = (on: BusinessDate, form: "cooperative" | "union", preExisting: boolean, members: number) => {
    seq += 1;
    const id = `${form === "union" ? "lh" : "htx"}-${String(seq).padStart(4, "0")}` as CoopId;
    const agricultural = form === "union" || rnd() < spec.agriculturalShare;
    const coop: Coop = { id, form, foundedOn: on, members };
    coops.push(coop);
    pending.push({
      stream: coopStream(id),
      effective: on,
      event: ev({
        type: "CoopFounded",
        schemaVersion: 2,
        data: {
          coopId: id,
          effectiveDate: on,
          name: `${form === "union" ? "Liên hiệp HTX" : "HTX"} số ${seq}`,
          form,
          sector: agricultural
            ? "agriculture"
            : pick(["commerceServices", "industryHandicraft", "transport"]),
          ...(agricultural ? { agricultureKind: pick(["crop", "livestock", "forestry", "general"]) } : {}),
          location: { gazetteer: "2008-08-01", provinceCode: province, districtCode: pick(spec.districts) },
          foundingMembers: members,
          origin: preExisting ? { kind: "preExisting", lawRegime: "2003" } : { kind: "new" },
        },
      }),
    });
  };

  const activeOn = (d: BusinessDate) =>
    coops.filter((c) => c.foundedOn <= d && (c.dissolvedOn === undefined || c.dissolvedOn > d));

  // The world's timeline, day by day in order: foundings, dissolutions, unions, OCOP rounds.
  type Happening = { on: BusinessDate; order: number; run: () => void };
  const happenings: Happening[] = [];
  for (let i = 0; i < spec.preExisting.count; i++)
    happenings.push({
      on: spec.preExisting.on,
      order: 0,
      run: () => found(spec.preExisting.on, "cooperative", true, int(spec.members.min, spec.members.max)),
    });
  for (const y of spec.founded)
    for (let i = 0; i < y.count; i++) {
      const on = dayOfSpread(y.year, i, y.count, y.fromMonth, y.toMonth);
      happenings.push({
        on,
        order: 1,
        run: () => found(on, "cooperative", false, int(spec.members.min, spec.members.max)),
      });
    }
  for (const u of spec.unions)
    happenings.push({ on: u.foundedOn, order: 1, run: () => found(u.foundedOn, "union", false, u.members) });
  for (const y of spec.dissolved)
    for (let i = 0; i < y.count; i++) {
      const on = dayOfSpread(y.year, i, y.count, y.fromMonth, y.toMonth);
      happenings.push({
        on,
        order: 2,
        run: () => {
          // A co-op at least a year old, not a union, holding no valid OCOP certificate.
          const candidates = activeOn(on).filter(
            (c) =>
              c.form === "cooperative" &&
              addDays(c.foundedOn, 365) <= on &&
              (c.ocopValidUntil === undefined || c.ocopValidUntil <= on),
          );
          const victim = pick(candidates);
          victim.dissolvedOn = on;
          pending.push({
            stream: coopStream(victim.id),
            effective: on,
            event: ev({
              type: "CoopDissolved",
              schemaVersion: 1,
              data: { coopId: victim.id, effectiveDate: on, mode: rnd() < 0.7 ? "voluntary" : "compulsory" },
            }),
          });
        },
      });
    }
  let product = 0;
  for (const round of spec.ocopRounds)
    happenings.push({
      on: round.on,
      order: 3,
      run: () => {
        const holders = activeOn(round.on).filter(
          (c) => c.form === "cooperative" && (c.ocopValidUntil === undefined || c.ocopValidUntil <= round.on),
        );
        const validUntil = addDays(round.on, 3 * 365 + 1);
        for (let i = 0; i < round.coops; i++) {
          const at = Math.floor(rnd() * holders.length);
          const coop = holders.splice(at, 1)[0] as Coop;
          coop.ocopValidUntil = validUntil;
          const n = round.productsCycle[i % round.productsCycle.length] as number;
          for (let k = 0; k < n; k++) {
            product += 1;
            const score = int(50, 95);
            pending.push({
              stream: coopStream(coop.id),
              effective: round.on,
              event: ev({
                type: "OcopCertified",
                schemaVersion: 1,
                data: {
                  coopId: coop.id,
                  effectiveDate: round.on,
                  productId: `p-${product}`,
                  productName: `Sản phẩm ${product}`,
                  score,
                  stars: score >= 90 ? 5 : score >= 70 ? 4 : 3,
                  validUntil,
                  level: "province",
                },
              }),
            });
          }
        }
      },
    });
  // Ratings for year Y (February Y+1) of co-ops active at the end of Y and founded before Y began.
  for (let y = spec.ratedYears.from; y <= spec.ratedYears.to; y++) {
    const on = makeDate(y + 1, 2, 15);
    happenings.push({
      on,
      order: 4,
      run: () => {
        const rated = activeOn(makeDate(y, 12, 31)).filter(
          (c) => c.form === "cooperative" && c.foundedOn < makeDate(y, 1, 1) && activeOn(on).includes(c),
        );
        rated.forEach((c, i) => {
          const rating = spec.ratingCycle[i % spec.ratingCycle.length] as Rating;
          const score = { good: 85, fair: 70, average: 55, weak: 40 }[rating];
          pending.push({
            stream: coopStream(c.id),
            effective: on,
            event: ev({
              type: "CoopAssessed",
              schemaVersion: 1,
              data: {
                coopId: c.id,
                effectiveDate: on,
                year: y,
                scheme: "circular-01-2020-TT-BKHDT",
                score,
                rating,
              },
            }),
          });
        });
      },
    });
  }
  // Membership at each year end and annual reports (March of the next year).
  for (let y = spec.reportedYears.from; y <= spec.reportedYears.to; y++) {
    const yearEnd = makeDate(y, 12, 31);
    const filed = makeDate(y + 1, 3, 15);
    happenings.push({
      on: yearEnd,
      order: 5,
      run: () => {
        for (const c of activeOn(yearEnd).filter((x) => x.form === "cooperative")) {
          c.members += int(0, spec.members.yearlyGrowth);
          pending.push({
            stream: coopStream(c.id),
            effective: yearEnd,
            event: ev({
              type: "MembershipReported",
              schemaVersion: 1,
              data: { coopId: c.id, effectiveDate: yearEnd, officialMembers: c.members },
            }),
          });
        }
      },
    });
    happenings.push({
      on: filed,
      order: 5,
      run: () => {
        for (const c of activeOn(filed).filter((x) => x.form === "cooperative" && x.foundedOn <= yearEnd)) {
          const capital = int(200, 2000) * 1_000_000;
          pending.push({
            stream: coopStream(c.id),
            effective: filed,
            event: ev({
              type: "AnnualReportFiled",
              schemaVersion: 1,
              data: {
                coopId: c.id,
                effectiveDate: filed,
                fiscalYear: y,
                charterCapitalVnd: capital,
                totalAssetsVnd: capital * 2,
                revenueVnd: capital * 3,
                profitVnd: int(-50, 300) * 1_000_000,
                memberMonthlyIncomeVnd:
                  int(spec.memberIncomeVnd.min / 1000, spec.memberIncomeVnd.max / 1000) * 1000,
              },
            }),
          });
        }
      },
    });
  }

  happenings.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.order - b.order));
  for (const h of happenings) h.run();

  // Envelopes: revisions in stream order; recordedAt after the effective date and the stream's last.
  const revision = new Map<StreamId, number>();
  const lastRecorded = new Map<StreamId, string>();
  const enveloped = pending.map((p, i) => {
    const rev = revision.get(p.stream) ?? 0;
    revision.set(p.stream, rev + 1);
    const lag = 1 + Math.floor(rnd() * 20);
    const candidate = `${addDays(p.effective, lag)}T09:00:00.000Z`;
    const prev = lastRecorded.get(p.stream);
    const recordedAt = (prev !== undefined && prev > candidate ? prev : candidate) as Instant;
    lastRecorded.set(p.stream, recordedAt);
    return { p, rev, recordedAt, i };
  });
  enveloped.sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : a.i - b.i));
  return enveloped.map(({ p, rev, recordedAt }, position) => ({
    eventId: uuid(position + 1),
    streamId: p.stream,
    revision: rev,
    position,
    event: p.event,
    metadata: { recordedAt, recordedBy: "alliance-06/clerk" } as EventMetadata,
  }));
};
