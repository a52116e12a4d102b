import type { LawRegime } from "../values/law.js";
import type { BusinessDate } from "../values/time.js";
import type { Action } from "./domain-error.js";

/**
 * Why an accepted command deserves a second look. Historical records that break a rule that came later
 * are accepted (the rule in force on the effective date decides), with a warning:
 * - `LaterRuleNotApplied`: the event would break `rule`, in force only from `inForceFrom`;
 * - `LateConformance`: a co-op conformed to a law after that law's deadline.
 *
 * @example decideWithWarnings(cmd, state) // Right({ events, warnings: [{ _tag: "LaterRuleNotApplied", ... }] })
 */
export type DomainWarning =
  | {
      readonly _tag: "LaterRuleNotApplied";
      readonly action: Action;
      readonly rule: string;
      readonly inForceFrom: BusinessDate;
      readonly effectiveDate: BusinessDate;
      readonly message: string;
    }
  | {
      readonly _tag: "LateConformance";
      readonly action: Action;
      readonly law: LawRegime;
      readonly deadline: BusinessDate;
      readonly effectiveDate: BusinessDate;
      readonly message: string;
    };
