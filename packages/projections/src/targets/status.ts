/**
 * The status of one target row:
 * - `met` — the figure satisfies the threshold (final once the deadline has passed; before it, "met
 *   ahead of time", đạt và vượt tiến độ);
 * - `notMet` — the deadline (or the year) is over and the figure falls short;
 * - `pending` — not met yet, or the figure is not known yet (annual figures come after the year
 *   closes), while there is still time;
 * - `notYetDue` — the query date is before the target's period starts;
 * - `notMeasurable` — the ledger cannot measure it (the resolution data says why), or the engine
 *   could not give the figure although the row is final (missing input).
 *
 * A `met` row that is not final yet carries `aheadOfSchedule`: the level is reached before the
 * deadline ("đạt và vượt tiến độ", as the seeds' reviews say).
 *
 * @example const s: TargetStatus = { _tag: "pending", why: "Due 2025-12-31" };
 */
export type TargetStatus =
  | { readonly _tag: "met"; readonly aheadOfSchedule?: true }
  | { readonly _tag: "notMet" }
  | { readonly _tag: "pending"; readonly why: string }
  | { readonly _tag: "notYetDue"; readonly why: string }
  | { readonly _tag: "notMeasurable"; readonly why: string };

/** The tag of a {@link TargetStatus}. @example const t: TargetStatusTag = "met"; */
export type TargetStatusTag = TargetStatus["_tag"];

/**
 * The status in words for reports, with its Vietnamese term; a target met before its deadline is
 * "met ahead of schedule (đạt và vượt tiến độ)".
 * @example statusLabel({ _tag: "met", aheadOfSchedule: true }) // "met ahead of schedule (đạt và vượt tiến độ)"
 */
export const statusLabel = (s: TargetStatus): string =>
  s._tag === "met" && s.aheadOfSchedule === true
    ? "met ahead of schedule (đạt và vượt tiến độ)"
    : {
        met: "met (đạt)",
        notMet: "not met (không đạt)",
        pending: "pending (đang thực hiện)",
        notYetDue: "not yet due (chưa đến kỳ)",
        notMeasurable: "not measurable (không đo được)",
      }[s._tag];
