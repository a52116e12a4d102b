import {
  type BusinessDate,
  type CoopId,
  coopStream,
  type DistrictGazetteer,
  type DomainEvent,
  dayOf,
  daysInMonth,
  addDays as domainAddDays,
  isoDate,
  type Location,
  makeDate,
  type StreamId,
  type Text,
} from "@coop-ledger/domain";
import { type GenProvince, genProvince } from "../geography.js";
import { mulberry32 } from "../mulberry32.js";
import { mk } from "../recorder.js";
import type { ScenarioSpec, SpreadCount } from "./scenario-spec.js";

// The day arithmetic is the domain's (values/time.ts, values/day-number.ts); dates here are plain strings.
/**
 * `n` days after an ISO date (before it when negative).
 * @example addDays("2024-02-28", 2) // "2024-03-01"
 */
export const addDays = (date: string, n: number): string => domainAddDays(date as BusinessDate, n);

/**
 * Day `i` of `n` spread evenly over months `fromMonth`–`toMonth` of `year`.
 * @example dayOfSpread(2021, 0, 1) // "2021-07-02": the one day of a year, in its middle
 */
export const dayOfSpread = (year: number, i: number, n: number, fromMonth = 1, toMonth = 12): string => {
  const start = dayOf(makeDate(year, fromMonth, 1));
  const end = dayOf(makeDate(year, toMonth, daysInMonth(year, toMonth)));
  return isoDate(start + Math.floor(((i + 0.5) * (end - start)) / n));
};

/**
 * Day `i` of `n` spread evenly over `from`–`to`.
 * @example spread({ from: "2021-01-01", to: "2021-01-11", count: 2 }, 1) // "2021-01-08"
 */
export const spread = (s: SpreadCount, i: number): string => {
  const a = dayOf(s.from);
  const b = dayOf(s.to);
  return isoDate(a + Math.floor(((i + 0.5) * (b - a)) / s.count));
};

/**
 * An organisation of the scenario as the world tracks it while it is built.
 * @example const u: Unit = { id: "htx-06-0001" as CoopId, form: "cooperative", foundedOn: "2020-01-15", agricultural: true, members: 12 };
 */
export interface Unit {
  readonly id: CoopId;
  readonly form: "cooperative" | "union" | "group";
  readonly foundedOn: string;
  readonly agricultural: boolean;
  dissolvedOn?: string;
  ocopValidUntil?: string;
  members: number;
}

/**
 * An event decided by the world, waiting for its recording instant.
 * @example const p: Pending = { stream: coopStream("htx-06-0001" as CoopId), effective: "2020-01-15", event: mk("CoopSuspended", { coopId: "htx-06-0001", effectiveDate: "2020-01-15" } as never), by: "registry" };
 */
export interface Pending {
  readonly stream: StreamId;
  readonly effective: string;
  readonly event: DomainEvent;
  readonly by: string;
}

/** Something that happens on a day of the world's timeline; `order` ranks the happenings of one day. */
interface Happening {
  readonly on: string;
  readonly order: number;
  readonly run: () => void;
}

/**
 * The state a scenario is built in: its province, its two seeded draw streams (`rnd` for the co-ops'
 * own draws, `xr` for groups, the fund, loans and the alliance, so that adding those does not move the
 * co-op figures a calibration was tuned on), the organisations so far, the events decided and the
 * timeline of what happens when.
 *
 * @example
 * const w = scenarioWorld(SCENARIOS["004"].spec);
 * w.found("2020-01-15", "cooperative", false, 12).id // "htx-06-0001"
 */
export interface ScenarioWorld {
  readonly spec: ScenarioSpec;
  readonly province: GenProvince;
  readonly rnd: () => number;
  readonly xr: () => number;
  readonly pickOf: (r: () => number) => <T>(xs: ReadonlyArray<T>) => T;
  readonly int: (min: number, max: number) => number;
  readonly xint: (min: number, max: number) => number;
  /** Who records: the business registry, the alliance's office, the fund. */
  readonly by: { readonly registry: string; readonly alliance: string; readonly fund: string };
  readonly units: Unit[];
  readonly pending: Pending[];
  readonly push: (stream: StreamId, effective: string, event: DomainEvent, by: string) => void;
  /** Founds an organisation (a `CoopFounded` event) and tracks it. */
  readonly found: (
    on: string,
    form: Unit["form"],
    preExisting: boolean,
    members: number,
    r?: () => number,
    advised?: boolean,
  ) => Unit;
  /** The organisations of a form (co-ops by default) existing on a day. */
  readonly activeOn: (d: string, form?: Unit["form"]) => Unit[];
  /** The co-ops and unions existing on a day. */
  readonly coopsActiveOn: (d: string) => Unit[];
  /** Schedules `run` on day `on`, after the happenings of that day with a lower `order`. */
  readonly at: (on: string, order: number, run: () => void) => void;
  /** The happenings scheduled, in the order they were scheduled (the builder sorts them by day). */
  readonly happenings: Happening[];
}

/**
 * An empty world for a scenario spec (and district gazetteer).
 * @example scenarioWorld(SCENARIOS["000"].spec).province.code // "60"
 */
export const scenarioWorld = (spec: ScenarioSpec, districts?: DistrictGazetteer): ScenarioWorld => {
  const province = genProvince(spec.provinceCode, districts);
  if (province === undefined)
    throw new RangeError(`buildScenario: unknown 2008 province code ${spec.provinceCode}`);
  const rnd = mulberry32(spec.seed);
  const xr = mulberry32(spec.seed ^ 0x2545f491);
  const pickOf =
    (r: () => number) =>
    <T>(xs: ReadonlyArray<T>): T =>
      xs[Math.floor(r() * xs.length)] as T;
  const units: Unit[] = [];
  const pending: Pending[] = [];
  const happenings: Happening[] = [];
  const by = {
    registry: `so-tai-chinh-${spec.provinceCode}/dang-ky-kinh-doanh`,
    alliance: `lien-minh-htx-${spec.provinceCode}/van-thu`,
    fund: `qht-${spec.provinceCode}/tin-dung`,
  };
  const push = (stream: StreamId, effective: string, event: DomainEvent, who: string) => {
    pending.push({ stream, effective, event, by: who });
  };
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
      by.registry,
    );
    return unit;
  };

  return {
    spec,
    province,
    rnd,
    xr,
    pickOf,
    int: (min, max) => min + Math.floor(rnd() * (max - min + 1)),
    xint: (min, max) => min + Math.floor(xr() * (max - min + 1)),
    by,
    units,
    pending,
    push,
    found,
    activeOn: (d, form = "cooperative") =>
      units.filter(
        (c) => c.form === form && c.foundedOn <= d && (c.dissolvedOn === undefined || c.dissolvedOn > d),
      ),
    coopsActiveOn: (d) =>
      units.filter(
        (c) => c.form !== "group" && c.foundedOn <= d && (c.dissolvedOn === undefined || c.dissolvedOn > d),
      ),
    at: (on, order, run) => {
      happenings.push({ on, order, run });
    },
    happenings,
  };
};
