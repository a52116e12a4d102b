import { ev, founded, Ledger } from "./history.js";

/**
 * The hand-worked history of the scenario tests (docs/concepts.md walks through it): co-ops under both
 * law regimes, a dissolution recorded late, a founding retracted as a mistake, a split and a merger, the
 * 2025 geography change, OCOP, a loan, ratings and a manager.
 */
export const scenario = (): Ledger => {
  const l = new Ledger();
  // A: founded under the 2003 law, conformed to Law 23/2012/QH13 in 2015; Bình Thuận (60).
  l.record(founded("a", "2012-05-01", { members: 10, district: "593" }), "2012-05-03");
  l.record(
    ev("CoopConformedToLaw", {
      coopId: "a",
      effectiveDate: "2015-03-01",
      law: "2012",
      method: "reRegistered",
    }),
    "2015-03-05",
  );
  // B: transport, Đắk Nông (67), 120 members.
  l.record(founded("b", "2019-03-01", { province: "67", sector: "transport", members: 120 }), "2019-03-02");
  // F: split on 2022-07-01 into F1 and F2 (20 members each).
  l.record(founded("f", "2018-01-01", { members: 40 }), "2018-01-03");
  // G absorbs H on 2023-01-01.
  l.record(founded("g", "2019-06-01", { members: 12 }), "2019-06-02");
  l.record(founded("h", "2019-07-01", { members: 15 }), "2019-07-02");
  // D: founded 2020, dissolved on 2021-06-01 — recorded only on 2022-03-01.
  l.record(founded("d", "2020-01-10", { members: 30 }), "2020-01-12");
  l.record(
    ev("ManagerAppointed", {
      coopId: "a",
      effectiveDate: "2020-01-01",
      managerId: "m-1",
      role: "director",
      birthDate: "1975-06-01",
      qualification: "college",
    }),
    "2020-01-05",
  );
  l.record(
    ev("OcopCertified", {
      coopId: "a",
      effectiveDate: "2021-01-10",
      productId: "p-1",
      productName: "Thanh long",
      score: 72,
      stars: 4,
      validUntil: "2024-01-09",
    }),
    "2021-01-12",
  );
  // E: recorded by mistake, retracted on 2021-05-10.
  const e = l.record(founded("e", "2021-02-01", { members: 8 }), "2021-02-03");
  l.record(
    ev("LoanDisbursed", {
      coopId: "b",
      effectiveDate: "2021-03-01",
      loanId: "l-1",
      fundKind: "provincialSupportFund",
      principalVnd: 500_000_000,
      termMonths: 24,
      maturityDate: "2023-03-01",
    }),
    "2021-03-02",
  );
  l.record(
    ev("EventRetracted", { effectiveDate: "2021-05-10", retractedEventId: e.eventId, reason: "Nhập nhầm" }),
    "2021-05-10",
    e.streamId,
  );
  l.record(
    ev("CoopDissolved", { coopId: "d", effectiveDate: "2021-06-01", mode: "voluntary" }),
    "2022-03-01",
  );
  l.record(
    ev("LoanRepaid", { coopId: "b", effectiveDate: "2022-03-01", loanId: "l-1", principalVnd: 200_000_000 }),
    "2022-03-02",
  );
  l.record(
    ev("OcopCertified", {
      coopId: "a",
      effectiveDate: "2022-05-01",
      productId: "p-2",
      productName: "Nước mắm",
      score: 60,
      stars: 3,
      validUntil: "2025-04-30",
    }),
    "2022-05-02",
  );
  l.record(
    ev("CoopReorganisedAway", {
      coopId: "f",
      effectiveDate: "2022-07-01",
      reorganisationId: "r-1",
      kind: "split",
      successors: ["f1", "f2"],
    }),
    "2022-07-05",
  );
  for (const id of ["f1", "f2"]) {
    l.record(
      founded(id, "2022-07-01", {
        members: 20,
        origin: {
          kind: "reorganisation",
          reorganisationId: "r-1",
          reorganisationKind: "split",
          predecessors: ["f"],
        },
      }),
      "2022-07-05",
    );
  }
  l.record(
    ev("CoopReorganisedAway", {
      coopId: "h",
      effectiveDate: "2023-01-01",
      reorganisationId: "r-2",
      kind: "merger",
      successors: ["g"],
    }),
    "2023-01-03",
  );
  l.record(
    ev("CoopMergerReceived", {
      coopId: "g",
      effectiveDate: "2023-01-01",
      reorganisationId: "r-2",
      absorbedCoopIds: ["h"],
      membersReceived: 15,
    }),
    "2023-01-03",
  );
  // Ratings for fiscal year 2022, effective 2023-02-15.
  for (const [coopId, score, rating] of [
    ["a", 82, "good"],
    ["b", 70, "fair"],
    ["g", 55, "average"],
    ["f1", 40, "weak"],
  ] as const) {
    l.record(
      ev("CoopAssessed", {
        coopId,
        effectiveDate: "2023-02-15",
        year: 2022,
        scheme: "circular-01-2020-TT-BKHDT",
        score,
        rating,
      }),
      "2023-02-20",
    );
  }
  l.record(
    ev("LoanRescheduled", {
      coopId: "b",
      effectiveDate: "2023-06-01",
      loanId: "l-1",
      newMaturityDate: "2024-03-01",
    }),
    "2023-06-02",
  );
  l.record(
    ev("OcopEnded", { coopId: "a", effectiveDate: "2023-06-01", productId: "p-2", reason: "revoked" }),
    "2023-06-03",
  );
  // C: founded under Law 17/2023/QH15, old Lâm Đồng (68, 2008 list).
  l.record(founded("c", "2024-08-01", { province: "68", members: 5 }), "2024-08-02");
  // J: founded after the reform, in new Lâm Đồng (68, 2025 list).
  l.record(founded("j", "2025-09-01", { province: "68", gazetteer: "2025-07-01", members: 6 }), "2025-09-02");
  return l;
};
