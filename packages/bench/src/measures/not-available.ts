/**
 * Thrown when a measurement needs a piece of the workspace that has not landed (a `Subjects` member is
 * `undefined`); the child reports it as "not available" rather than as a figure.
 *
 * @example need(subjects.replayLedger, "projections replay")
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
 * @example const replay = need(subjects.replayLedger, "replay (projections)");
 */
export const need = <A>(value: A | undefined, what: string): A => {
  if (value === undefined) throw new NotAvailable(what);
  return value;
};
