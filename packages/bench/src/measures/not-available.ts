/**
 * Thrown when a measurement needs a piece of the workspace that has not landed (a `Subjects` member is
 * `undefined`); the child reports it as "not available" rather than as a figure.
 *
 * @example
 * import { NotAvailable, need, type Subjects } from "@coop-ledger/bench";
 * const partial: Subjects = {}; // a workspace where the projections have not landed
 * try {
 *   need(partial.replayLedger, "projections replay");
 * } catch (e) {
 *   console.log(e instanceof NotAvailable, (e as Error).message); // true "not available: projections replay"
 * }
 */
export class NotAvailable extends Error {
  constructor(what: string) {
    super(`not available: ${what}`);
    this.name = "NotAvailable";
  }
}

/**
 * Returns the value, or throws {@link NotAvailable} naming what is missing.
 *
 * @example
 * import { liveSubjects, need } from "@coop-ledger/bench";
 * const replay = need(liveSubjects.replayLedger, "replay (projections)"); // present: returned as it is
 * console.log(typeof replay); // "function"
 */
export const need = <A>(value: A | undefined, what: string): A => {
  if (value === undefined) throw new NotAvailable(what);
  return value;
};
