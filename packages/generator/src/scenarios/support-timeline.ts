import {
  addMonths,
  allianceStream,
  type BusinessDate,
  coopStream,
  type FundId,
  fundStream,
} from "@coop-ledger/domain";
import { mk } from "../recorder.js";
import { addDays, dayOfSpread, type ScenarioWorld, spread } from "./scenario-world.js";

/**
 * Schedules what the second seeded stream (`xr`) draws: cooperative groups, the provincial support fund,
 * loan applications and loans, and the alliance's activities. Kept apart from the co-ops' own draws
 * so that adding them does not move the co-op figures a calibration was tuned on.
 *
 * @example
 * import { scenarioWorld } from "../src/scenarios/scenario-world.js";
 * const w = scenarioWorld(SCENARIOS["000"].spec);
 * scheduleSupport(w);
 * w.happenings.length > 0 // true
 */
export const scheduleSupport = (w: ScenarioWorld): void => {
  const { spec, found, activeOn, at, push, xint, xr, pickOf, province } = w;
  const { alliance, fund: fundBy } = w.by;
  const groups = spec.groups;
  if (groups !== undefined) {
    const members = () => xint(groups.members.min, groups.members.max);
    for (let i = 0; i < groups.preExisting; i++)
      at(spec.preExisting.on, 6, () => found(spec.preExisting.on, "group", true, members(), xr));
    for (const y of groups.founded)
      for (let i = 0; i < y.count; i++) {
        const on = dayOfSpread(y.year, i, y.count, y.fromMonth, y.toMonth);
        at(on, 6, () => found(on, "group", false, members(), xr));
      }
  }
  const fund = spec.fund;
  const fundId = `qht-${spec.provinceCode}` as FundId;
  if (fund !== undefined) {
    at(fund.establishedOn, 6, () =>
      push(
        fundStream(fundId),
        fund.establishedOn,
        mk("FundEstablished", {
          fundId,
          effectiveDate: fund.establishedOn,
          kind: "provincialSupportFund",
          name: fund.name,
          charterCapitalVnd: fund.charterCapitalVnd,
          provinceCode: province.code,
          gazetteer: "2008-08-01",
        } as never),
        fundBy,
      ),
    );
    for (const c of fund.capitalChanges)
      at(c.on, 6, () =>
        push(
          fundStream(fundId),
          c.on,
          mk("FundCapitalChanged", {
            fundId,
            effectiveDate: c.on,
            charterCapitalVnd: c.charterCapitalVnd,
          } as never),
          fundBy,
        ),
      );
  }
  let application = 0;
  const apply = (on: string, requestedVnd: number): string | undefined => {
    const applicant = pickOf(xr)(activeOn(on));
    if (applicant === undefined) return undefined;
    application += 1;
    const applicationId = `hs-${spec.provinceCode}-${String(application).padStart(4, "0")}`;
    push(
      fundStream(fundId),
      on,
      mk("LoanApplicationReceived", {
        fundId,
        effectiveDate: on,
        applicationId,
        coopId: applicant.id,
        requestedVnd,
      } as never),
      fundBy,
    );
    return applicationId;
  };
  for (const a of spec.loanApplications ?? [])
    for (let i = 0; i < a.count; i++) {
      const on = spread(a, i);
      at(on, 7, () => apply(on, xint(10, 150) * 10_000_000));
    }
  let loan = 0;
  for (const l of spec.loans ?? [])
    at(l.on, 7, () => {
      const borrower = pickOf(xr)(activeOn(l.on).filter((c) => addDays(c.foundedOn, 180) <= l.on));
      if (borrower === undefined) return;
      const applicationId = apply(addDays(l.on, -l.applicationDaysBefore), l.principalVnd);
      loan += 1;
      push(
        coopStream(borrower.id),
        l.on,
        mk("LoanDisbursed", {
          coopId: borrower.id,
          effectiveDate: l.on,
          loanId: `loan-${spec.provinceCode}-${String(loan).padStart(4, "0")}`,
          fundKind: "provincialSupportFund",
          principalVnd: l.principalVnd,
          termMonths: l.termMonths,
          maturityDate: addMonths(l.on as BusinessDate, l.termMonths),
          fundId,
          ...(applicationId !== undefined ? { applicationId } : {}),
          purpose: l.purpose,
        } as never),
        fundBy,
      );
    });
  for (const a of spec.activities ?? [])
    for (let i = 0; i < a.count; i++) {
      const on = spread(a, i);
      at(on, 7, () =>
        push(
          allianceStream(province.code),
          on,
          mk("AllianceActivityRecorded", {
            effectiveDate: on,
            provinceCode: province.code,
            gazetteer: "2008-08-01",
            kind: a.kind,
            count: 1,
          } as never),
          alliance,
        ),
      );
    }
};
