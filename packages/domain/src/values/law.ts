import type * as t from "io-ts";
import { literals } from "./codec-helpers.js";
import type { BusinessDate } from "./time.js";

/**
 * The Law on Cooperatives in force (Luật Hợp tác xã):
 * - `2003`: Law 18/2003/QH11, until 2013-06-30;
 * - `2012`: Law 23/2012/QH13, 2013-07-01 to 2024-06-30;
 * - `2023`: Law 17/2023/QH15, from 2024-07-01.
 *
 * @example LawRegime.decode("2012") // Right
 */
export const LawRegime = literals(["2003", "2012", "2023"], "LawRegime");
/** @see LawRegime */
export type LawRegime = t.TypeOf<typeof LawRegime>;

/**
 * The day Law 23/2012/QH13 took effect.
 * @example
 * regimeOn(LAW_2012_EFFECTIVE) // "2012"
 */
export const LAW_2012_EFFECTIVE = "2013-07-01" as BusinessDate;
/**
 * The day Law 17/2023/QH15 took effect.
 * @example
 * regimeOn(LAW_2023_EFFECTIVE) // "2023"
 */
export const LAW_2023_EFFECTIVE = "2024-07-01" as BusinessDate;

/**
 * The legal regime in force on a date: the rule that decides is the one in force on the event's
 * effective date, never the one in force when it is recorded.
 *
 * @example regimeOn("2013-06-30" as BusinessDate) // "2003"
 * @example regimeOn("2024-07-01" as BusinessDate) // "2023"
 */
export const regimeOn = (date: BusinessDate): LawRegime =>
  date < LAW_2012_EFFECTIVE ? "2003" : date < LAW_2023_EFFECTIVE ? "2012" : "2023";

/**
 * The law's citation, for messages and documents.
 * @example lawName("2012") // "Law on Cooperatives 23/2012/QH13 (Luật Hợp tác xã 2012)"
 */
export const lawName = (regime: LawRegime): string =>
  regime === "2003"
    ? "Law on Cooperatives 18/2003/QH11 (Luật Hợp tác xã 2003)"
    : regime === "2012"
      ? "Law on Cooperatives 23/2012/QH13 (Luật Hợp tác xã 2012)"
      : "Law on Cooperatives 17/2023/QH15 (Luật Hợp tác xã 2023)";
