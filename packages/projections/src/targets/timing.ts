import { BusinessDate, FiscalYear, struct } from "@coop-ledger/domain";
import * as t from "io-ts";

/**
 * When a target (or a reported figure) is evaluated:
 * - `at` — a figure as it stood on one date (a reported baseline: "đến nay…");
 * - `by` — a level to reach by a deadline ("đến năm 2025…"): evaluated on the deadline, or on the
 *   query date while it is still ahead;
 * - `period` — a flow over a fixed range ("cả năm 2019", "trong nhiệm kỳ");
 * - `perYear` — a flow (or an annual figure) to reach every calendar year ("mỗi năm", "hằng năm"):
 *   one row per year from `fromYear` to `toYear`, produced up to the query date.
 *
 * @example Timing.decode({ kind: "perYear", fromYear: 2021, toYear: 2025 }) // Right
 */
export const Timing = t.union(
  [
    struct({ kind: t.literal("at"), date: BusinessDate }),
    struct({ kind: t.literal("by"), date: BusinessDate }),
    struct({ kind: t.literal("period"), from: BusinessDate, to: BusinessDate }),
    struct({ kind: t.literal("perYear"), fromYear: FiscalYear, toYear: FiscalYear }),
  ],
  "Timing",
);
/** @see Timing */
export type Timing = t.TypeOf<typeof Timing>;
