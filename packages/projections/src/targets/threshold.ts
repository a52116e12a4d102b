import { literals, struct } from "@coop-ledger/domain";
import * as t from "io-ts";

/**
 * The unit of a threshold, so that every threshold is an exact integer:
 * - `count` — co-ops, unions, members per co-op, news items…;
 * - `basisPoints` — a share, 1/100 of a percent (75 % is 7500);
 * - `vnd` — Vietnamese đồng (6 m VND/month is 6 000 000).
 *
 * @example ThresholdUnit.decode("basisPoints") // Right
 */
export const ThresholdUnit = literals(["count", "basisPoints", "vnd"], "ThresholdUnit");
/** @see ThresholdUnit */
export type ThresholdUnit = t.TypeOf<typeof ThresholdUnit>;

const SafeInt = t.refinement(t.number, Number.isSafeInteger, "SafeInteger");
const NonNegativeInt = t.refinement(t.number, (n) => Number.isSafeInteger(n) && n >= 0, "NonNegativeInteger");

/**
 * A threshold: an exact integer in its unit, and for `~` ("khoảng", about) the tolerance either side
 * in the same unit. Growth thresholds may be negative (a target to cap decline), hence a signed value.
 *
 * @example Threshold.decode({ unit: "basisPoints", value: 7000, tolerance: 500 }) // Right: about 70 %
 */
export const Threshold = struct(
  { unit: ThresholdUnit, value: SafeInt },
  { tolerance: NonNegativeInt },
  "Threshold",
);
/** @see Threshold */
export type Threshold = t.TypeOf<typeof Threshold>;

/**
 * How many of the unit make one of the figure's ratio: a share's numerator / denominator is scaled to
 * basis points; counts and amounts are taken as they are.
 *
 * @example unitScale("basisPoints") // 10000
 */
export const unitScale = (unit: ThresholdUnit): number => (unit === "basisPoints" ? 10_000 : 1);

/**
 * A threshold for reports: "75.00 %", "6,000,000 VND", "350".
 *
 * @example formatThreshold({ unit: "basisPoints", value: 7500 }) // "75.00 %"
 */
export const formatThreshold = (th: Threshold): string => {
  const body =
    th.unit === "basisPoints"
      ? `${(th.value / 100).toFixed(2)} %`
      : th.unit === "vnd"
        ? `${th.value.toLocaleString("en-US")} VND`
        : String(th.value);
  if (th.tolerance === undefined) return body;
  const tol =
    th.unit === "basisPoints" ? `${(th.tolerance / 100).toFixed(2)} %` : th.tolerance.toLocaleString("en-US");
  return `${body} ± ${tol}`;
};
