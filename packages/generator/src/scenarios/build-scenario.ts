import {
  addMonths,
  addMonthsDay,
  allianceStream,
  type BusinessDate,
  type CoopId,
  coopStream,
  DAY_MS,
  type DistrictGazetteer,
  type DomainEvent,
  dayOf,
  daysInMonth,
  addDays as domainAddDays,
  type EventMetadata,
  type FundId,
  fundStream,
  isoDate,
  type Location,
  makeDate,
  type Rating,
  type StreamId,
  type Text,
} from "@coop-ledger/domain";
import { genProvince } from "../geography.js";
import type { GeneratedEvent } from "../recorder.js";
import { mk } from "../recorder.js";
import { generatedEventId } from "../uuid.js";
import type { ScenarioSpec, SpreadCount } from "./scenario-spec.js";

/** A small seeded generator (mulberry32): deterministic across runs and platforms. */
const seeded = (seed: number): (() => number) => {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
};

// The day arithmetic is the domain's (values/time.ts, values/day-number.ts); dates here are plain strings.
const addDays = (date: string, n: number): string => domainAddDays(date as BusinessDate, n);

/** Day `i` of `n` spread evenly over months `fromMonth`–`toMonth` of `year`. */
const dayOfSpread = (year: number, i: number, n: number, fromMonth = 1, toMonth = 12): string => {
  const start = dayOf(makeDate(year, fromMonth, 1));
  const end = dayOf(makeDate(year, toMonth, daysInMonth(year, toMonth)));
  return isoDate(start + Math.floor(((i + 0.5) * (end - start)) / n));
};

/** Day `i` of `n` spread evenly over `from`–`to`. */
const spread = (s: SpreadCount, i: number): string => {
  const a = dayOf(s.from);
  const b = dayOf(s.to);
  return isoDate(a + Math.floor(((i + 0.5) * (b - a)) / s.count));
};

interface Unit {
  readonly id: CoopId;
  readonly form: "cooperative" | "union" | "group";
  readonly foundedOn: string;
  readonly agricultural: boolean;
  dissolvedOn?: string;
  ocopValidUntil?: string;
  members: number;
}

interface Pending {
  readonly stream: StreamId;
  readonly effective: string;
  readonly event: DomainEvent;
  readonly by: string;
}

/** Where the 2025-07-01 reform starts: locations recorded from then on are in the new gazetteer. */
const REFORM = "2025-07-01";

/**
 * Builds a calibrated scenario's events (see {@link ScenarioSpec}), in recording order: each event is
 * recorded 1–20 days after it took effect, at 09:00 Vietnam time (02:00 UTC), never before its stream's
 * previous event; events recorded after `until` are left out, as in `generateLedger`. Deterministic: the
 * same spec (and district gazetteer) gives the same events, ids and instants.
 *
 * The co-ops' own draws (members, sectors, which co-op is dissolved, which is certified) come from one
 * seeded stream, in world order; groups, farm households, the fund, loans and the alliance's activities
 * use another, so adding them does not move the co-op figures a calibration was tuned on.
 *
 * @example
 * const events = buildScenario(SCENARIOS["004"].spec, districts);
 * events.length > 0 // true
 */
export const buildScenario = (
  spec: ScenarioSpec,
  districts?: DistrictGazetteer,
): ReadonlyArray<GeneratedEvent> => {
  const province = genProvince(spec.provinceCode, districts);
  if (province === undefined)
    throw new RangeError(`buildScenario: unknown 2008 province code ${spec.provinceCode}`);
  const rnd = seeded(spec.seed);
  const xr = seeded(spec.seed ^ 0x2545f491);
  const pickOf =
    (r: () => number) =>
    <T>(xs: ReadonlyArray<T>): T =>
      xs[Math.floor(r() * xs.length)] as T;
  const pick = pickOf(rnd);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const xint = (min: number, max: number) => min + Math.floor(xr() * (max - min + 1));
  const units: Unit[] = [];
  const pending: Pending[] = [];
  const registry = `so-tai-chinh-${spec.provinceCode}/dang-ky-kinh-doanh`;
  const alliance = `lien-minh-htx-${spec.provinceCode}/van-thu`;
  const fundBy = `qht-${spec.provinceCode}/tin-dung`;
  const push = (stream: StreamId, effective: string, event: DomainEvent, by: string) =>
    pending.push({ stream, effective, event, by });
  let seq = 0;

  const location2008 = (r: () => number): Location => {
    const d = pickOf(r)(province.districts);
    return (
      d.code === undefined
        ? { gazetteer: "2008-08-01", provinceCode: province.code }
        : { gazetteer: "2008-08-01", provinceCode: province.code, districtCode: d.code }
    ) as Location;
  };

  const found = (
    on: string,
    form: Unit["form"],
    preExisting: boolean,
    members: number,
    r: () => number = rnd,
    advised = false,
  ): Unit => {
    seq += 1;
    const prefix = form === "union" ? "lh" : form === "group" ? "tht" : "htx";
    const id = `${prefix}-${spec.provinceCode}-${String(seq).padStart(4, "0")}` as CoopId;
    const agricultural = form !== "cooperative" || r() < spec.agriculturalShare;
    const unit: Unit = { id, form, foundedOn: on, agricultural, members };
    units.push(unit);
    const sector = agricultural
      ? "agriculture"
      : pickOf(r)(["commerceServices", "industryHandicraft", "transport"]);
    const name =
      form === "union"
        ? `Liên hiệp HTX ${province.name} số ${seq}`
        : form === "group"
          ? `Tổ hợp tác số ${seq}`
          : `HTX số ${seq}`;
    push(
      coopStream(id),
      on,
      mk("CoopFounded", {
        coopId: id,
        effectiveDate: on,
        name: name as Text,
        form,
        sector,
        ...(agricultural ? { agricultureKind: pickOf(r)(["crop", "livestock", "forestry", "general"]) } : {}),
        location: location2008(r),
        foundingMembers: members,
        origin: preExisting ? { kind: "preExisting", lawRegime: "2003" } : { kind: "new" },
        ...(advised ? { advisedByAlliance: true } : {}),
      } as never),
      registry,
    );
    return unit;
  };

  const activeOn = (d: string, form: Unit["form"] = "cooperative") =>
    units.filter(
      (c) => c.form === form && c.foundedOn <= d && (c.dissolvedOn === undefined || c.dissolvedOn > d),
    );
  const coopsActiveOn = (d: string) =>
    units.filter(
      (c) => c.form !== "group" && c.foundedOn <= d && (c.dissolvedOn === undefined || c.dissolvedOn > d),
    );

  // The world's timeline, day by day in order.
  type Happening = { on: string; order: number; run: () => void };
  const happenings: Happening[] = [];
  const at = (on: string, order: number, run: () => void) => happenings.push({ on, order, run });

  for (let i = 0; i < spec.preExisting.count; i++)
    at(spec.preExisting.on, 0, () =>
      found(spec.preExisting.on, "cooperative", true, int(spec.members.min, spec.members.max)),
    );
  for (const y of spec.founded)
    for (let i = 0; i < y.count; i++) {
      const on = dayOfSpread(y.year, i, y.count, y.fromMonth, y.toMonth);
      // The `advised` of the year spread evenly over its foundings (no draw: other figures do not move).
      const a = Math.min(y.advised ?? 0, y.count);
      const advised = Math.floor(((i + 1) * a) / y.count) > Math.floor((i * a) / y.count);
      at(on, 1, () => found(on, "cooperative", false, int(spec.members.min, spec.members.max), rnd, advised));
    }
  for (const u of spec.unions) at(u.foundedOn, 1, () => found(u.foundedOn, "union", false, u.members));
  for (const y of spec.dissolved)
    for (let i = 0; i < y.count; i++) {
      const on = dayOfSpread(y.year, i, y.count, y.fromMonth, y.toMonth);
      at(on, 2, () => {
        // A co-op at least a year old, not a union, holding no valid OCOP certificate.
        const candidates = activeOn(on).filter(
          (c) =>
            addDays(c.foundedOn, 365) <= on && (c.ocopValidUntil === undefined || c.ocopValidUntil <= on),
        );
        const victim = pick(candidates);
        victim.dissolvedOn = on;
        push(
          coopStream(victim.id),
          on,
          mk("CoopDissolved", {
            coopId: victim.id,
            effectiveDate: on,
            // Compulsory dissolutions name their ground (Law 23/2012/QH13 art. 54(2)).
            ...(rnd() < 0.7 ? { mode: "voluntary" } : { mode: "compulsory", ground: "notOperating12Months" }),
          } as never),
          registry,
        );
      });
    }
  let product = 0;
  for (const round of spec.ocopRounds)
    at(round.on, 3, () => {
      const holders = activeOn(round.on).filter(
        (c) => c.ocopValidUntil === undefined || c.ocopValidUntil <= round.on,
      );
      // Certificates are valid 36 months (Decision 148/QĐ-TTg 2023; Decision 1048/QĐ-TTg 2019 before it).
      const validUntil = isoDate(addMonthsDay(dayOf(round.on), 36));
      for (let i = 0; i < round.coops; i++) {
        const coop = holders.splice(Math.floor(rnd() * holders.length), 1)[0] as Unit;
        coop.ocopValidUntil = validUntil;
        const n = round.productsCycle[i % round.productsCycle.length] as number;
        for (let k = 0; k < n; k++) {
          product += 1;
          const score = int(50, 95);
          push(
            coopStream(coop.id),
            round.on,
            mk("OcopCertified", {
              coopId: coop.id,
              effectiveDate: round.on,
              productId: `p-${spec.provinceCode}-${product}`,
              productName: `Sản phẩm ${product}`,
              score,
              stars: score >= 90 ? 5 : score >= 70 ? 4 : 3,
              validUntil,
              level: "province",
            } as never),
            alliance,
          );
        }
      }
    });
  // Ratings for year Y (February Y+1) of co-ops active at the end of Y and founded before Y began.
  for (let y = spec.ratedYears.from; y <= spec.ratedYears.to; y++) {
    const on = makeDate(y + 1, 2, 15);
    at(on, 4, () => {
      const stillActive = new Set(activeOn(on));
      const rated = activeOn(makeDate(y, 12, 31)).filter(
        (c) => c.foundedOn < makeDate(y, 1, 1) && stillActive.has(c),
      );
      rated.forEach((c, i) => {
        const rating = spec.ratingCycle[i % spec.ratingCycle.length] as Rating;
        push(
          coopStream(c.id),
          on,
          mk("CoopAssessed", {
            coopId: c.id,
            effectiveDate: on,
            year: y,
            scheme: "circular-01-2020-TT-BKHDT",
            score: { good: 85, fair: 70, average: 55, weak: 40 }[rating],
            rating,
          } as never),
          alliance,
        );
      });
    });
  }
  // Membership at each year end (farm households among them) and annual reports in March.
  const membership = (c: Unit, on: string) => {
    const farm =
      c.form === "group"
        ? c.members
        : c.agricultural
          ? Math.round(c.members * spec.farmHouseholdShareOfMembers)
          : 0;
    push(
      coopStream(c.id),
      on,
      mk("MembershipReported", {
        coopId: c.id,
        effectiveDate: on,
        officialMembers: c.members,
        memberHouseholds: c.members,
        farmHouseholds: farm,
      } as never),
      alliance,
    );
  };
  for (let y = spec.reportedYears.from; y <= spec.reportedYears.to; y++) {
    const yearEnd = makeDate(y, 12, 31);
    const filed = makeDate(y + 1, 3, 15);
    at(yearEnd, 5, () => {
      for (const c of activeOn(yearEnd)) {
        c.members += int(0, spec.members.yearlyGrowth);
        membership(c, yearEnd);
      }
      for (const g of activeOn(yearEnd, "group")) membership(g, yearEnd);
    });
    at(filed, 5, () => {
      for (const c of activeOn(filed).filter((x) => x.foundedOn <= yearEnd)) {
        const capital = int(200, 2000) * 1_000_000;
        push(
          coopStream(c.id),
          filed,
          mk("AnnualReportFiled", {
            coopId: c.id,
            effectiveDate: filed,
            fiscalYear: y,
            charterCapitalVnd: capital,
            totalAssetsVnd: capital * 2,
            revenueVnd: capital * 3,
            profitVnd: int(-50, 300) * 1_000_000,
            memberMonthlyIncomeVnd:
              int(spec.memberIncomeVnd.min / 1000, spec.memberIncomeVnd.max / 1000) * 1000,
          } as never),
          alliance,
        );
      }
    });
  }

  // --- What the second stream draws: groups, fund, loans, activities, the 2025 re-recording. ---
  const groups = spec.groups;
  if (groups !== undefined) {
    const members = () => xint(groups.members.min, groups.members.max);
    for (let i = 0; i < groups.preExisting; i++)
      at(spec.preExisting.on, 6, () => found(spec.preExisting.on, "group", true, members(), xr));
    for (const y of groups.founded)
      for (let i = 0; i < y.count; i++) {
        const on = dayOfSpread(y.year, i, y.count, y.fromMonth, y.toMonth);
        at(on, 6, () => found(on, "group", false, members(), xr));
      }
  }
  const fund = spec.fund;
  const fundId = `qht-${spec.provinceCode}` as FundId;
  if (fund !== undefined) {
    at(fund.establishedOn, 6, () =>
      push(
        fundStream(fundId),
        fund.establishedOn,
        mk("FundEstablished", {
          fundId,
          effectiveDate: fund.establishedOn,
          kind: "provincialSupportFund",
          name: fund.name,
          charterCapitalVnd: fund.charterCapitalVnd,
          provinceCode: province.code,
          gazetteer: "2008-08-01",
        } as never),
        fundBy,
      ),
    );
    for (const c of fund.capitalChanges)
      at(c.on, 6, () =>
        push(
          fundStream(fundId),
          c.on,
          mk("FundCapitalChanged", {
            fundId,
            effectiveDate: c.on,
            charterCapitalVnd: c.charterCapitalVnd,
          } as never),
          fundBy,
        ),
      );
  }
  let application = 0;
  const apply = (on: string, requestedVnd: number): string | undefined => {
    const applicant = pickOf(xr)(activeOn(on));
    if (applicant === undefined) return undefined;
    application += 1;
    const applicationId = `hs-${spec.provinceCode}-${String(application).padStart(4, "0")}`;
    push(
      fundStream(fundId),
      on,
      mk("LoanApplicationReceived", {
        fundId,
        effectiveDate: on,
        applicationId,
        coopId: applicant.id,
        requestedVnd,
      } as never),
      fundBy,
    );
    return applicationId;
  };
  for (const a of spec.loanApplications ?? [])
    for (let i = 0; i < a.count; i++) {
      const on = spread(a, i);
      at(on, 7, () => apply(on, xint(10, 150) * 10_000_000));
    }
  let loan = 0;
  for (const l of spec.loans ?? [])
    at(l.on, 7, () => {
      const borrower = pickOf(xr)(activeOn(l.on).filter((c) => addDays(c.foundedOn, 180) <= l.on));
      if (borrower === undefined) return;
      const applicationId = apply(addDays(l.on, -l.applicationDaysBefore), l.principalVnd);
      loan += 1;
      push(
        coopStream(borrower.id),
        l.on,
        mk("LoanDisbursed", {
          coopId: borrower.id,
          effectiveDate: l.on,
          loanId: `loan-${spec.provinceCode}-${String(loan).padStart(4, "0")}`,
          fundKind: "provincialSupportFund",
          principalVnd: l.principalVnd,
          termMonths: l.termMonths,
          maturityDate: addMonths(l.on as BusinessDate, l.termMonths),
          fundId,
          ...(applicationId !== undefined ? { applicationId } : {}),
          purpose: l.purpose,
        } as never),
        fundBy,
      );
    });
  for (const a of spec.activities ?? [])
    for (let i = 0; i < a.count; i++) {
      const on = spread(a, i);
      at(on, 7, () =>
        push(
          allianceStream(province.code),
          on,
          mk("AllianceActivityRecorded", {
            effectiveDate: on,
            provinceCode: province.code,
            gazetteer: "2008-08-01",
            kind: a.kind,
            count: 1,
          } as never),
          alliance,
        ),
      );
    }
  // Moves decided on 2025-07-01 take effect later in the year: held here until the timeline reaches them.
  const deferred: Array<{ on: string; unit: Unit }> = [];
  if (spec.reRecordedAfter2025 > 0 && spec.until >= REFORM)
    at(REFORM, 8, () => {
      const horizon = Math.min(dayOf(spec.until), dayOf(REFORM) + 364);
      for (const unit of [...coopsActiveOn(REFORM), ...activeOn(REFORM, "group")])
        if (xr() < spec.reRecordedAfter2025)
          deferred.push({ on: isoDate(xint(dayOf(REFORM), horizon)), unit });
      deferred.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    });
  const moveDue = (until: string) => {
    while (deferred.length > 0 && (deferred[0] as { on: string }).on <= until) {
      const { on, unit } = deferred.shift() as { on: string; unit: Unit };
      if (unit.dissolvedOn !== undefined && unit.dissolvedOn <= on) continue;
      push(
        coopStream(unit.id),
        on,
        mk("HeadOfficeMoved", {
          coopId: unit.id,
          effectiveDate: on,
          location: { gazetteer: "2025-07-01", provinceCode: province.successorCode },
        } as never),
        registry,
      );
    }
  };

  happenings.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.order - b.order));
  for (const h of happenings) {
    if (h.on > spec.until) break;
    moveDue(h.on);
    h.run();
  }
  moveDue(spec.until);

  // Recording instants: 1–20 days after the effective date, never before the stream's previous event.
  const lagRng = seeded(spec.seed ^ 0x68e31da4);
  const cutoff = (dayOf(spec.until) + 1) * DAY_MS - 7 * 3_600_000 - 1;
  const lastRecorded = new Map<StreamId, number>();
  const timed = pending
    .filter((p) => p.effective <= spec.until)
    .map((p, i) => {
      const lag = 1 + Math.floor(lagRng() * 20);
      const candidate = (dayOf(p.effective) + lag) * DAY_MS + 2 * 3_600_000;
      const prev = lastRecorded.get(p.stream);
      const ms = prev !== undefined && prev >= candidate ? prev + 1000 : candidate;
      lastRecorded.set(p.stream, ms);
      return { p, ms, i };
    })
    // Per stream, instants only grow: an event cut off is followed by none of its stream.
    .filter((t) => t.ms <= cutoff)
    .sort((a, b) => a.ms - b.ms || a.i - b.i);
  return timed.map(({ p, ms }, position) => ({
    streamId: p.stream,
    eventId: generatedEventId(spec.seed, p.stream, position),
    event: p.event,
    metadata: { recordedAt: new Date(ms).toISOString(), recordedBy: p.by } as EventMetadata,
  }));
};
