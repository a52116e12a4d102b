import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "./test-support/run-bin.js";
import { runInProcess } from "./test-support/run-in-process.js";

const dir = mkdtempSync(join(tmpdir(), "coop-closed-period-"));
const ledger = join(dir, "province-60.jsonl");
copyFileSync(join(REPO_ROOT, "examples/sample-ledgers/province-60.jsonl"), ledger);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The figures of FY 2021 closed by 1 April 2022 (the sample's reports take effect on 31 March; its
// ratings come during the year, so the rating share is not closed yet on 1 April).
const ANNUAL = [
  "finance.growth.capital",
  "finance.growth.assets",
  "finance.growth.revenue",
  "finance.growth.profit",
  "income.workerMonthlyVnd",
  "income.memberMonthlyVnd",
] as const;

interface Row {
  readonly id: string;
  readonly fiscalYear?: number;
  readonly numerator?: number;
  readonly denominator?: number;
}

const annualAt = async (validAt: string, scope: ReadonlyArray<string>) => {
  const r = await runInProcess(
    ["snapshot", "--ledger", ledger, "--valid-at", validAt, ...scope, "--format", "json"],
    dir,
  );
  expect(r.code, r.stderr).toBe(0);
  const figures = (JSON.parse(r.stdout) as { figures: Row[] }).figures;
  return ANNUAL.map((id) => {
    const f = figures.find((x) => x.id === id) as Row;
    return { id, fiscalYear: f.fiscalYear, numerator: f.numerator, denominator: f.denominator };
  });
};

// The bundled sample's co-ops move between districts in 2022 after filing their FY 2021 reports (31
// March): FY 2021 read on 1 April and on 31 December 2022 must be the same figure in every scope.
describe("closed periods on the bundled sample ledger (CLI)", () => {
  it("FY 2021 figures read on 2022-04-01 and 2022-12-31 agree in every district, sector and the province", async () => {
    const scopes: string[][] = [
      [],
      ["--province", "60"],
      ...["593", "594", "595", "596", "597", "598", "599", "600", "601", "602"].map((d) => ["--district", d]),
      ...["agriculture", "peoplesCreditFund", "industryHandicraft"].map((s) => ["--sector", s]),
    ];
    for (const scope of scopes) {
      const april = await annualAt("2022-04-01", scope);
      expect(april.every((f) => f.fiscalYear === 2021)).toBe(true);
      expect(await annualAt("2022-12-31", scope), scope.join(" ")).toEqual(april);
    }
  }, 180_000);
});
