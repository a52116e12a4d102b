import type { LawRegime } from "../values/law.js";
import type { BusinessDate } from "../values/time.js";
import type { Action } from "./domain-error.js";

/**
 * Why an accepted command deserves a second look. Historical records that break a rule that came later
 * are accepted (the rule in force on the effective date decides), with a warning:
 * - `LaterRuleNotApplied`: the event would break `rule`, in force only from `inForceFrom`;
 * - `LateConformance`: a co-op conformed to a law after that law's deadline.
 *
 * @example
 * import { decideWithWarnings, type DomainWarning, evolve, initialState, makeCommand } from "@coop-ledger/domain";
 * const found = makeCommand("FoundCoop", {
 *   coopId: "htx-1",
 *   effectiveDate: "2010-03-01", // under the 2003 law
 *   name: "HTX Thanh Long",
 *   form: "cooperative",
 *   sector: "agriculture",
 *   location: { gazetteer: "2008-08-01", provinceCode: "60" },
 *   foundingMembers: 7,
 * });
 * const conform = makeCommand("ConformToLaw", { coopId: "htx-1", effectiveDate: "2018-01-01", law: "2012", method: "reRegistered" });
 * if (found._tag === "Left" || conform._tag === "Left") throw new Error("invalid command data");
 * const founded = decideWithWarnings(found.right, initialState);
 * if (founded._tag === "Left") throw new Error(founded.left.message);
 * const state = founded.right.events.reduce((s, e) => evolve(s, e), initialState);
 * const r = decideWithWarnings(conform.right, state);
 * const tags = (ws: ReadonlyArray<DomainWarning>) => ws.map((w) => w._tag);
 * if (r._tag === "Right") console.log(r.right.events.length, tags(r.right.warnings)); // 1 ["LateConformance"]
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
