import type { RecordedEvent } from "@coop-ledger/domain";
import { explain } from "../audit/explain.js";
import { INDICATORS } from "../catalogue/catalogue.js";
import { type QueryPoint, queryOf } from "./query-points.js";

/** A query without the inputs that are not events (explain leaves them out of the parts). */
export const eventOnly = (q: ReturnType<typeof queryOf>) => ({
  ...q,
  options: { ...q.options, farmHouseholds: undefined, districtCount: undefined },
});

/**
 * Every indicator under every query point (as an event-only query), with `explain`'s answer from the
 * events: the reference the provenance table's answers are compared with.
 */
export function* explainCases(events: ReadonlyArray<RecordedEvent>, queries: ReadonlyArray<QueryPoint>) {
  for (const qp of queries)
    for (const d of INDICATORS) {
      const q = eventOnly(queryOf(qp));
      yield { id: d.id, q, slow: explain(events, d.id, q) };
    }
}
