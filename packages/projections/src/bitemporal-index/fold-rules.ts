import type { TimedEvent } from "../model/live-events.js";
import { applyEvent, type FlowSink } from "../model/stream-state.js";
import { sweepFrom } from "../model/stream-sweep.js";
import { backDatedAspectFoldable, foldBackDatedAspect, noteAspect } from "./back-dated-aspect.js";
import { backDatedReportFoldable, foldBackDatedReport, noteLaterEvent } from "./back-dated-report.js";
import type { DeltaSink } from "./column-layout.js";
import { upperBound } from "./column-segment.js";
import { emitDifference } from "./delta-difference.js";
import { foldRetractedDuplicate, noteArrival, retractedDuplicateFoldable } from "./retracted-duplicate.js";
import { scratchNew, tailAfter } from "./stream-entry.js";
import { placeInFold, type StreamFold } from "./stream-fold.js";

/**
 * How a cold stream's fold takes an event without the stream's history (see {@link foldWay}):
 * `later` (after every live event in valid time), `continuing` (on the last live event's day, after
 * it), `flow` (an independent flow: an alliance activity, a fund's loan application), `report` (a
 * back-dated annual or membership report or rating, `backDatedReportFoldable`), `aspect` (a back-dated event
 * that changes one aspect of the state, `backDatedAspectFoldable`), `retraction` (the retraction of a
 * duplicate entered twice, `retractedDuplicateFoldable`).
 * @example const way: FoldWay = "later";
 */
export type FoldWay = "later" | "continuing" | "flow" | "report" | "aspect" | "retraction";

/**
 * Which way a cold stream's fold takes an event that is a new revision recorded no earlier than the
 * stream's others (the caller checks those), or undefined when it cannot: the stream is then read back
 * and re-folded. A retraction is taken only when it retracts a duplicate (see `retractedDuplicateFoldable`).
 * @example
 * import { timed } from "../src/model/live-events.js";
 * import { hotFold, newStreamEntry } from "../src/bitemporal-index/stream-entry.js";
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const [first] = events;
 * if (first === undefined) throw new Error("no events");
 * console.log(foldWay(hotFold(newStreamEntry()), timed(first))); // "later": an empty stream takes anything
 */
export const foldWay = (f: StreamFold, te: TimedEvent): FoldWay | undefined => {
  const type = te.recorded.event.type;
  if (type === "EventRetracted") return retractedDuplicateFoldable(f, te) ? "retraction" : undefined;
  if (
    type === "AllianceActivityRecorded" ||
    (type === "LoanApplicationReceived" &&
      f.liveCount > 0 &&
      f.firstType === "FundEstablished" &&
      f.firstDay <= te.day)
  )
    return "flow";
  if (f.liveCount === 0 || f.lastDay < te.day) return "later";
  if (f.lastDay === te.day && f.lastRevision < te.recorded.revision) return "continuing";
  if (backDatedReportFoldable(f, te)) return "report";
  if (backDatedAspectFoldable(f, te)) return "aspect";
  return undefined;
};

/** The one-event live list a fold is resumed with (only its last element is read). */
const scratchOne: TimedEvent[] = [];
let flowOut: DeltaSink = { push: () => undefined };
let flowDay = 0;
let flowRec = 0;
/** The sink of an independent event's flows (one closure, not one per event). */
const flowSink: FlowSink = (key, cell, amount) => {
  if (amount !== 0) flowOut.push(key, cell, flowDay, amount, flowRec);
};

/**
 * Folds an event into a cold stream's fold the way {@link foldWay} gave, pushing to `out` the deltas
 * its stream's contribution changed by (what the full re-fold would give): the same steps as the feed
 * takes for a hot stream.
 * @example
 * import { timed } from "../src/model/live-events.js";
 * import { hotFold, newStreamEntry } from "../src/bitemporal-index/stream-entry.js";
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const founding = events.find((e) => e.event.type === "CoopFounded");
 * if (founding === undefined) throw new Error("no founding");
 * const fold = hotFold(newStreamEntry());
 * const amounts: number[] = [];
 * foldEvent(fold, timed(founding), "later", { push: (_k, _c, _d, amount) => amounts.push(amount) });
 * console.log(fold.liveCount, fold.state.exists, amounts.length > 0); // 1 true true
 */
export const foldEvent = (f: StreamFold, te: TimedEvent, way: FoldWay, out: DeltaSink): void => {
  const e = te.recorded.event;
  if (way === "retraction") {
    // Nothing to push: the stream's contribution and every other event's marginal are unchanged.
    foldRetractedDuplicate(f);
    return;
  }
  if (way === "flow") {
    flowOut = out;
    flowDay = te.day;
    flowRec = te.recordedMs;
    applyEvent(f.state, e, flowSink);
  } else if (way === "report") foldBackDatedReport(f, te, out);
  else if (way === "aspect") foldBackDatedAspect(f, te, out, f.liveCount);
  else {
    const continuing = way === "continuing";
    noteLaterEvent(f, te);
    noteAspect(f, te);
    scratchOne[0] = te;
    const suffix = sweepFrom(f.state, scratchOne, 0, te.day, continuing, scratchNew);
    // The causes index the live list: this event is its last one.
    for (let i = 0; i < suffix.causes.length; i++)
      suffix.causes[i] = (suffix.causes[i] as number) + f.liveCount;
    const old = f.tail;
    const cut = upperBound(old.days, 0, old.days.length, continuing ? te.day : te.day - 1);
    emitDifference(out, old, cut, suffix, te.recordedMs);
    f.tail = tailAfter(f.tail, suffix, te.day);
  }
  placeInFold(f, e.type, te.day, te.recorded.revision);
  noteArrival(f, te);
};
