import { predecessorProvinces } from "@coop-ledger/domain";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { buildIndex } from "./bitemporal-index/projection-index.js";
import { INDICATORS } from "./catalogue/catalogue.js";
import type { IndicatorId } from "./catalogue/indicator-id.js";
import type { Snapshot } from "./evaluate/snapshot.js";
import { snapshot } from "./evaluate/snapshot-of-index.js";
import { historyAndQueriesArb, queryOf } from "./test-support/arbitraries.js";

const RUNS = Number(process.env.PROJECTIONS_LAW_RUNS ?? 100);

// Counts and amounts add up across provinces; so do the numerator and denominator of every ratio and
// average (a share of new Lâm Đồng is the sum of its old provinces' numerators over the sum of their
// denominators). District coverage counts distinct districts, which have no 2025 meaning: left out; so
// is the farm-household share's denominator, an input given with the query, not a sum over places.
const ADDITIVE: ReadonlyArray<IndicatorId> = INDICATORS.filter(
  (d) => d.id !== "valueChain.districtCoverage",
).map((d) => d.id);

/** The additive parts of every figure: value for counts and amounts, numerator and denominator otherwise. */
const parts = (s: Snapshot): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const f of s.figures) {
    if (f.numerator !== undefined || f.denominator !== undefined) {
      out[`${f.id}.numerator`] = f.numerator ?? 0;
      out[`${f.id}.denominator`] = f.denominator ?? 0;
    } else if (f.unit === "count" || f.unit === "vnd") out[f.id] = f.value ?? 0;
    for (const [k, v] of Object.entries(f.breakdown ?? {})) out[`${f.id}.${k}`] = v;
  }
  delete out["members.farmHouseholdShare.denominator"];
  return out;
};

describe("geography across 2025-07-01", () => {
  it("law: for every date, a new province's additive figure in the 2025 geography equals the sum of its old provinces' figures in the 2008 geography", () => {
    fc.assert(
      fc.property(historyAndQueriesArb, ([events, queries]) => {
        const index = buildIndex(events);
        for (const qp of queries) {
          const q = queryOf(qp);
          const options = { ...q.options, farmHouseholds: 1000 };
          for (const newProvince of ["68", "25"]) {
            const whole = snapshot(index, {
              ...q,
              options,
              scope: { province: newProvince },
              geography: "2025-07-01",
              indicators: ADDITIVE,
            });
            if (E.isLeft(whole)) throw new Error(whole.left.message);
            const sum: Record<string, number> = {};
            for (const old of predecessorProvinces(newProvince)) {
              const s = snapshot(index, {
                ...q,
                options,
                scope: { province: old },
                geography: "2008-08-01",
                indicators: ADDITIVE,
              });
              if (E.isLeft(s)) throw new Error(s.left.message);
              for (const [k, v] of Object.entries(parts(s.right))) sum[k] = (sum[k] ?? 0) + v;
            }
            const w = parts(whole.right);
            for (const k of Object.keys(w))
              expect(sum[k] ?? 0, `${newProvince} ${k} at ${q.validAt}`).toBe(w[k]);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
