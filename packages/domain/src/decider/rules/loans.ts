import * as E from "fp-ts/lib/Either.js";
import type { EventOf } from "../../events/domain-event.js";
import type { BusinessDate } from "../../values/time.js";
import type { DomainWarning } from "../domain-warning.js";
import { all, type Check, fail, ok, type RuleContext } from "../rule-context.js";
import type { CoopState, LoanState } from "../stream-state.js";
import { notBefore } from "./shared-checks.js";

/** The loan events on a co-op stream (as in `events/loans.ts`). */
export type LoanEvent = EventOf<"LoanDisbursed" | "LoanRepaid" | "LoanRescheduled">;

const loanOf = (ctx: RuleContext, c: CoopState, loanId: string) =>
  c.loans.get(loanId) ??
  fail(ctx, "UnknownLoan", { loanId }, `loan ${loanId} was never disbursed to co-op ${c.coopId}`);

/**
 * The rules of an event on a loan already disbursed (a repayment, a rescheduling): the loan exists and
 * the event is not dated before its disbursement, then the event's own `checks` on that loan.
 */
const onDisbursedLoan = (
  ctx: RuleContext,
  c: CoopState,
  d: { readonly loanId: string; readonly effectiveDate: BusinessDate },
  checks: (loan: LoanState) => ReadonlyArray<() => Check>,
): Check => {
  const loan = loanOf(ctx, c, d.loanId);
  if ("_tag" in loan) return loan;
  return all(
    () => notBefore(ctx, `disbursement of loan ${d.loanId}`, d.effectiveDate, loan.disbursedOn),
    ...checks(loan),
  );
};

/**
 * A loan event's own rules, after the common co-op stream rules passed: one disbursement per loan id,
 * within the fund's cap in force on the disbursement date; repayments and reschedulings of a loan that
 * exists, never more than is outstanding.
 * @example
 * const ctx = { config: defaultDomainConfig, geography: undefined, action: "LoanRepaid" } as const;
 * const founded = { type: "CoopFounded", schemaVersion: 2, data: { coopId: "htx-1", effectiveDate: "2019-03-01", name: "HTX Thanh Long", form: "cooperative", sector: "agriculture", location: { gazetteer: "2008-08-01", provinceCode: "60" }, foundingMembers: 7, origin: { kind: "new" } } } as unknown as DomainEvent;
 * const state = given([founded]).state; // an active co-op, founded 2019-03-01
 * const repaid = LoanRepaid.decode({ type: "LoanRepaid", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2020-08-01", loanId: "l-1", principalVnd: 50000000 } });
 * const r = state._tag === "Coop" && E.isRight(repaid) ? checkLoanEvent(ctx, state, repaid.right) : undefined;
 * r !== undefined && E.isLeft(r) && r.left._tag // "UnknownLoan"
 */
export const checkLoanEvent = (ctx: RuleContext, c: CoopState, event: LoanEvent): Check => {
  switch (event.type) {
    case "LoanDisbursed": {
      const d = event.data;
      return all(
        () =>
          c.loans.has(d.loanId)
            ? fail(ctx, "DuplicateLoan", { loanId: d.loanId }, `loan ${d.loanId} was already disbursed`)
            : ok,
        () =>
          d.principalVnd === 0
            ? fail(ctx, "ZeroAmount", { field: "principalVnd" }, "a loan needs a positive principal")
            : ok,
        () =>
          d.maturityDate <= d.effectiveDate
            ? fail(
                ctx,
                "InvalidMaturity",
                { loanId: d.loanId, maturityDate: d.maturityDate, after: d.effectiveDate },
                `maturity ${d.maturityDate} is not after disbursement ${d.effectiveDate}`,
              )
            : ok,
        () => {
          const warnings: DomainWarning[] = [];
          for (const cap of ctx.config.fundCaps) {
            if (cap.fundKind !== d.fundKind || d.principalVnd <= cap.maxPrincipalVnd) continue;
            const basis = cap.basis ?? "configured fund cap";
            if (d.effectiveDate >= cap.from) {
              return fail(
                ctx,
                "LoanExceedsFundCap",
                {
                  fundKind: d.fundKind,
                  principalVnd: d.principalVnd,
                  capVnd: cap.maxPrincipalVnd,
                  since: cap.from,
                },
                `${d.principalVnd} VND exceeds the ${d.fundKind} cap of ${cap.maxPrincipalVnd} VND per project in force since ${cap.from} (${basis})`,
              );
            }
            warnings.push({
              _tag: "LaterRuleNotApplied",
              action: ctx.action,
              rule: `${d.fundKind} cap ${cap.maxPrincipalVnd} VND per project (${basis})`,
              inForceFrom: cap.from,
              effectiveDate: d.effectiveDate,
              message: `${ctx.action}: ${d.principalVnd} VND exceeds the ${d.fundKind} cap of ${cap.maxPrincipalVnd} VND in force from ${cap.from}; accepted, as it was disbursed on ${d.effectiveDate}`,
            });
          }
          return E.right(warnings);
        },
      );
    }
    case "LoanRepaid": {
      const d = event.data;
      return onDisbursedLoan(ctx, c, d, (loan) => [
        () =>
          d.principalVnd === 0 && (d.interestVnd ?? 0) === 0
            ? fail(
                ctx,
                "ZeroAmount",
                { field: "principalVnd" },
                "a repayment must repay principal or interest",
              )
            : ok,
        () =>
          d.principalVnd > loan.outstandingVnd
            ? fail(
                ctx,
                "RepaymentExceedsOutstanding",
                { loanId: d.loanId, repaidVnd: d.principalVnd, outstandingVnd: loan.outstandingVnd },
                `repaying ${d.principalVnd} VND of loan ${d.loanId}, but only ${loan.outstandingVnd} VND is outstanding (principal repaid never exceeds outstanding)`,
              )
            : ok,
      ]);
    }
    case "LoanRescheduled": {
      const d = event.data;
      return onDisbursedLoan(ctx, c, d, (loan) => [
        () =>
          loan.outstandingVnd === 0
            ? fail(
                ctx,
                "LoanFullyRepaid",
                { loanId: d.loanId },
                `loan ${d.loanId} is fully repaid; nothing to reschedule`,
              )
            : ok,
        () =>
          d.newMaturityDate <= loan.disbursedOn
            ? fail(
                ctx,
                "InvalidMaturity",
                { loanId: d.loanId, maturityDate: d.newMaturityDate, after: loan.disbursedOn },
                `new maturity ${d.newMaturityDate} is not after disbursement ${loan.disbursedOn}`,
              )
            : ok,
      ]);
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};
