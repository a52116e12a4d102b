import type { FoundingOrigin } from "../events/coop-founded.js";
import type { DomainEvent, EventData } from "../events/domain-event.js";
import type { OcopStars } from "../events/products-and-links.js";
import type { AgricultureKind, CoopForm, FundKind, ManagerRole, Sector } from "../values/classification.js";
import type { EventId } from "../values/ids.js";
import type { LawRegime } from "../values/law.js";
import type { GazetteerVersion, Location, ProvinceCode } from "../values/location.js";
import type { BusinessDate } from "../values/time.js";
import type { CoopStatus } from "./domain-error.js";

/** One event as the stream saw it, with its id when the fold was given one (see `EvolveContext`). */
export interface LoggedEvent {
  readonly eventId: EventId | undefined;
  readonly event: DomainEvent;
}

/**
 * Everything a stream has recorded, retracted events included, newest first (an immutable cons list, so
 * `evolve` appends in O(1)), and the ids retracted so far. The decider needs it to check retractions
 * and back-dated terminations, and `evolve` refolds from it when an event is retracted.
 */
export interface StreamHistory {
  readonly last: HistoryNode | undefined;
  readonly length: number;
  readonly retracted: ReadonlySet<string>;
}

/** A node of {@link StreamHistory}. */
export interface HistoryNode {
  readonly entry: LoggedEvent;
  readonly previous: HistoryNode | undefined;
}

/**
 * The events of a history, oldest first.
 * @example
 * historyEntries(emptyHistory).length // 0
 */
export const historyEntries = (h: StreamHistory): ReadonlyArray<LoggedEvent> => {
  const out: LoggedEvent[] = new Array(h.length);
  let node = h.last;
  for (let i = h.length - 1; node !== undefined; i--, node = node.previous) out[i] = node.entry;
  return out;
};

/**
 * The events of a history that count: not retracted, not retractions; oldest first.
 * @example
 * effectiveEntries(emptyHistory).length // 0
 */
export const effectiveEntries = (h: StreamHistory): ReadonlyArray<LoggedEvent> =>
  historyEntries(h).filter(
    (e) => e.event.type !== "EventRetracted" && (e.eventId === undefined || !h.retracted.has(e.eventId)),
  );

/**
 * An empty history.
 * @example
 * emptyHistory.length // 0
 */
export const emptyHistory: StreamHistory = { last: undefined, length: 0, retracted: new Set() };

/** A loan as the co-op's stream knows it. */
export interface LoanState {
  readonly loanId: string;
  readonly fundKind: FundKind;
  readonly disbursedOn: BusinessDate;
  readonly principalVnd: number;
  readonly outstandingVnd: number;
  readonly maturityDate: BusinessDate;
}

/** An OCOP product's latest certificate. */
export interface OcopState {
  readonly stars: OcopStars;
  readonly certifiedOn: BusinessDate;
  readonly validUntil: BusinessDate;
  readonly ended: boolean;
}

/**
 * One suspension of operations (tạm ngừng hoạt động): from its effective date to its last day, inclusive
 * (`until` as recorded, or the day before the co-op resumed or began dissolution, whichever came first).
 */
export interface SuspensionPeriod {
  readonly from: BusinessDate;
  readonly until: BusinessDate | undefined;
}

/** A stream with nothing (effective) on it yet: the initial state of every stream. */
export interface EmptyState {
  readonly _tag: "Empty";
  readonly history: StreamHistory;
}

/**
 * A co-op, union or group (stream `coop-<id>`): what the rules need to know.
 * `lawRegime` is the law it operates under (from its founding, or the last law it conformed to).
 */
export interface CoopState {
  readonly _tag: "Coop";
  readonly history: StreamHistory;
  readonly coopId: string;
  readonly name: string;
  readonly form: CoopForm;
  readonly sector: Sector;
  readonly agricultureKind: AgricultureKind | undefined;
  readonly location: Location;
  readonly foundedOn: BusinessDate;
  /** The day it came to exist in the world: `originallyFoundedOn` for a pre-existing co-op, else `foundedOn`. */
  readonly existsSince: BusinessDate;
  readonly origin: FoundingOrigin;
  readonly lawRegime: LawRegime;
  readonly status: CoopStatus;
  readonly statusSince: BusinessDate;
  /**
   * The last day of the current suspension (`CoopSuspended.until`, inclusive) when it was given; the co-op
   * operates again from the day after without a CoopResumed (see {@link statusOn}). `undefined` when not
   * suspended or suspended with no end date.
   */
  readonly suspendedUntil: BusinessDate | undefined;
  /**
   * Every suspension so far, oldest first: its first day and its last day (inclusive; `undefined` while
   * it has no end). Rating rules count the days a co-op stopped operating in a year from it.
   */
  readonly suspensions: ReadonlyArray<SuspensionPeriod>;
  readonly alliance:
    | {
        readonly provinceCode: ProvinceCode;
        readonly gazetteer: GazetteerVersion;
        readonly since: BusinessDate;
      }
    | undefined;
  readonly officialMembers: number;
  readonly loans: ReadonlyMap<string, LoanState>;
  readonly managers: ReadonlyMap<string, { readonly role: ManagerRole; readonly since: BusinessDate }>;
  readonly ocop: ReadonlyMap<string, OcopState>;
  readonly linkages: ReadonlyMap<string, { readonly since: BusinessDate; readonly active: boolean }>;
}

/** A provincial alliance's activity stream (`alliance-<province>`). */
export interface AllianceState {
  readonly _tag: "Alliance";
  readonly history: StreamHistory;
  readonly provinceCode: ProvinceCode;
  readonly activities: number;
}

/** A support fund (`fund-<id>`). */
export interface FundState {
  readonly _tag: "Fund";
  readonly history: StreamHistory;
  readonly fundId: string;
  readonly kind: FundKind;
  readonly establishedOn: BusinessDate;
  readonly charterCapitalVnd: number;
  readonly applications: ReadonlySet<string>;
}

/** A reorganisation decision's stream (`reorganisation-<id>`). */
export interface ReorganisationState {
  readonly _tag: "Reorganisation";
  readonly history: StreamHistory;
  readonly decision: EventData<"ReorganisationDecided">;
}

/**
 * The state of one stream, by kind: a tagged union matched exhaustively. Every variant carries the
 * stream's {@link StreamHistory}.
 *
 * @example
 * import { decide, evolve, initialState, makeCommand, type StreamState } from "@coop-ledger/domain";
 * import { match } from "ts-pattern";
 * const found = makeCommand("FoundCoop", {
 *   coopId: "htx-1",
 *   effectiveDate: "2019-03-01",
 *   name: "HTX Thanh Long",
 *   form: "cooperative",
 *   sector: "agriculture",
 *   location: { gazetteer: "2008-08-01", provinceCode: "60" },
 *   foundingMembers: 7,
 * });
 * if (found._tag === "Left") throw new Error(found.left.message);
 * const status = (s: StreamState): string => match(s).with({ _tag: "Coop" }, (c) => c.status).otherwise(() => "none");
 * const founded = decide(found.right, initialState);
 * if (founded._tag === "Right") console.log(status(initialState), status(founded.right.reduce((s, e) => evolve(s, e), initialState))); // "none" "active"
 */
export type StreamState = EmptyState | CoopState | AllianceState | FundState | ReorganisationState;

/**
 * The state of an empty stream.
 * @example
 * initialState._tag // "Empty"
 */
export const initialState: StreamState = { _tag: "Empty", history: emptyHistory };

/**
 * A co-op's status as of a day: the recorded status, except that a suspension with an end date
 * (`until`, inclusive) has ended the day after it — the co-op is operating (`active`) again, as the
 * projections count it (`coops.suspended`), whether or not a CoopResumed was recorded. The decider judges
 * every command by the status on the command's effective date.
 *
 * @example statusOn({ status: "suspended", suspendedUntil: "2022-06-30" as BusinessDate }, "2022-07-01") // "active"
 */
export const statusOn = (
  c: Pick<CoopState, "status" | "suspendedUntil">,
  date: BusinessDate | string,
): CoopStatus =>
  c.status === "suspended" && c.suspendedUntil !== undefined && date > c.suspendedUntil ? "active" : c.status;
