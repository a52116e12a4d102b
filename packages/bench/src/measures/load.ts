import type { RecordedEvent } from "@coop-ledger/domain";
import type { DatasetFacts, Validation } from "../subjects.js";

/**
 * Learns, from the events of a dataset, what random queries may range over: the span of effective dates
 * and recording instants, the province codes and sectors of the co-ops founded.
 *
 * @example
 * import { asRecorded, generateLedger } from "@coop-ledger/generator";
 * const events = [];
 * for (const e of generateLedger({ preset: "province", seed: 7 })) if (events.push(e) >= 200) break;
 * const facts = factsOf(asRecorded(events));
 * console.log(facts.firstDate <= facts.lastDate, facts.sectors.length > 0); // true true
 */
export const factsOf = (events: Iterable<RecordedEvent>): DatasetFacts => {
  let firstDate = "9999-12-31";
  let lastDate = "0000-01-01";
  let firstRecordedAt = "9999";
  let lastRecordedAt = "0000";
  const provinces = new Map<string, Set<string>>();
  const place = (loc: { gazetteer: string; provinceCode: string }): void => {
    let set = provinces.get(loc.gazetteer);
    if (set === undefined) {
      set = new Set();
      provinces.set(loc.gazetteer, set);
    }
    set.add(loc.provinceCode);
  };
  const sectors = new Set<string>();
  for (const e of events) {
    const data = e.event.data as { effectiveDate?: string };
    const d = data.effectiveDate;
    if (d !== undefined) {
      if (d < firstDate) firstDate = d;
      if (d > lastDate) lastDate = d;
    }
    const r = e.metadata.recordedAt;
    if (r < firstRecordedAt) firstRecordedAt = r;
    if (r > lastRecordedAt) lastRecordedAt = r;
    if (e.event.type === "CoopFounded") {
      place(e.event.data.location);
      sectors.add(e.event.data.sector);
    } else if (e.event.type === "HeadOfficeMoved") {
      place(e.event.data.location);
    }
  }
  return {
    firstDate,
    lastDate,
    firstRecordedAt,
    lastRecordedAt,
    provincesByGazetteer: Object.fromEntries([...provinces].map(([g, set]) => [g, [...set].sort()])),
    sectors: [...sectors].sort(),
  };
};

/**
 * Reads a whole ledger into memory (for measurements that must not time the file read), with the
 * store's `trusted` validation: the file was written by the store from codec-checked events and this
 * read is not timed, so there is no point paying for re-validation here.
 *
 * @example
 * import { type DatasetRef, liveSubjects, need } from "@coop-ledger/bench";
 * // A tiny dataset (the bench uses a province, 100 k and national ones).
 * const generate = need(liveSubjects.generate, "generate");
 * const made = await generate("province", 7, 200, "load-all.jsonl");
 * const dataset: DatasetRef = { label: "tiny", path: "load-all.jsonl", events: made.events };
 * const events = await loadAll(need(liveSubjects.readLedger, "readLedger"), dataset.path);
 * console.log(events.length); // 200
 */
export const loadAll = async (
  readLedger: (path: string, validation?: Validation) => AsyncIterable<RecordedEvent>,
  path: string,
): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for await (const e of readLedger(path, "trusted")) events.push(e);
  return events;
};
