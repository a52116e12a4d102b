import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CURRENT_SCHEMA_VERSION,
  type DomainEvent,
  type EventId,
  type Instant,
  type StreamId,
} from "@coop-ledger/domain";
import { indicatorDefinition } from "@coop-ledger/projections";
import { openFileLedger } from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadLedger } from "./engine/load-ledger.js";
import { diffAnswer } from "./serve/diff-answer.js";
import { quietContext } from "./test-support/quiet-context.js";
import { REPO_ROOT } from "./test-support/run-bin.js";
import { runInProcess } from "./test-support/run-in-process.js";

// A restatement can leave a total unchanged and still move its parts: a founding in one sector and a
// dissolution in another, both recorded late, keep `coops.active` equal while two sector cells move.
// `diff` (and serve's compare view, which shares `restatement`) must list those cells.

const dir = mkdtempSync(join(tmpdir(), "coop-diff-breakdown-"));
const path = join(dir, "l.jsonl");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const A = "2020-05-01T00:00:00.000Z";
const B = "2020-06-01T00:00:00.000Z";
const LATE = "2020-05-15T00:00:00.000Z" as Instant;
const VALID = "2019-12-31";

beforeAll(async () => {
  const lines = readFileSync(join(REPO_ROOT, "examples/sample-ledgers/province-60.jsonl"), "utf8").split(
    "\n",
  );
  // A prefix of a hash-chained ledger is a valid ledger: the header and the first 5,000 events
  // (recorded up to 2020-04-30).
  writeFileSync(path, `${lines.slice(0, 5001).join("\n")}\n`);
  const opened = await openFileLedger(path)();
  if (E.isLeft(opened)) throw new Error(opened.left.message);
  const ledger = opened.right;
  const founded = {
    type: "CoopFounded",
    schemaVersion: CURRENT_SCHEMA_VERSION.CoopFounded,
    data: {
      coopId: "htx-60-99001",
      effectiveDate: "2019-06-01",
      form: "cooperative",
      foundingMembers: 9,
      charterCapitalVnd: 500_000_000,
      location: { districtCode: "600", gazetteer: "2008-08-01", provinceCode: "60" },
      name: "HTX Vận tải Thử Nghiệm",
      origin: { kind: "new", lawRegime: "2012" },
      registrationCode: "6099990001",
      sector: "transport",
    },
  } as unknown as DomainEvent;
  const dissolved = {
    type: "CoopDissolved",
    schemaVersion: CURRENT_SCHEMA_VERSION.CoopDissolved,
    data: { coopId: "htx-60-00096", effectiveDate: "2019-06-01", mode: "voluntary" },
  } as unknown as DomainEvent;
  for (const [stream, event, id] of [
    ["coop-htx-60-99001", founded, "00000000-0000-5000-8000-0000000b0001"],
    ["coop-htx-60-00096", dissolved, "00000000-0000-5000-8000-0000000b0002"],
  ] as const) {
    const r = await ledger.append(
      stream as StreamId,
      [{ eventId: id as EventId, event, metadata: { recordedAt: LATE } }],
      { expectedRevision: "any" },
    )();
    if (E.isLeft(r)) throw new Error(r.left.message);
  }
  await ledger.close();
}, 120_000);

const figure = async (knownAt: string, extra: string[] = []): Promise<number> => {
  const r = await runInProcess(
    [
      "explain",
      "coops.active",
      "--ledger",
      path,
      "--valid-at",
      VALID,
      "--known-at",
      knownAt,
      "--format",
      "json",
      ...extra,
    ],
    dir,
  );
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { figure: { value: number } }).figure.value;
};

interface Exact {
  readonly value: number | null;
  readonly numerator?: number;
  readonly denominator?: number;
}
interface CellChange {
  readonly id: string;
  readonly axis: string;
  readonly cell: string;
  readonly before: Exact;
  readonly after: Exact;
}

describe("diff lists figures whose total is unchanged but whose breakdown moved", () => {
  it("a late founding in one sector and a late dissolution in another: coops.active's total stays, its two sector cells are listed with the values snapshot gives for them", async () => {
    // The premise, from the CLI itself: the total did not move, the two sector cells did.
    expect(await figure(B)).toBe(await figure(A));
    const transportA = await figure(A, ["--sector", "transport"]);
    const transportB = await figure(B, ["--sector", "transport"]);
    const agricultureA = await figure(A, ["--sector", "agriculture"]);
    const agricultureB = await figure(B, ["--sector", "agriculture"]);
    expect(transportB).toBe(transportA + 1);
    expect(agricultureB).toBe(agricultureA - 1);

    const r = await runInProcess(
      ["diff", "--ledger", path, "--valid-at", VALID, "--known-at", A, "--known-at", B, "--format", "json"],
      dir,
    );
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      changes: Array<{ id: string }>;
      breakdownChanges: CellChange[];
    };
    expect(out.changes.map((c) => c.id)).not.toContain("coops.active");
    const cells = out.breakdownChanges.filter((c) => c.id === "coops.active" && c.axis === "sector");
    expect(cells.map((c) => [c.cell, c.before.value, c.after.value])).toEqual(
      expect.arrayContaining([
        ["transport", transportA, transportB],
        ["agriculture", agricultureA, agricultureB],
      ]),
    );
    // Every listed cell really moved (its value, or a ratio's exact parts), and its total did not.
    const exact = (f: Exact) => [f.value, f.numerator, f.denominator];
    for (const c of out.breakdownChanges) {
      expect(exact(c.before), `${c.id} ${c.axis}=${c.cell}`).not.toEqual(exact(c.after));
      expect(out.changes.map((x) => x.id)).not.toContain(c.id);
      // A form cell is a part of its figure: `unions.active` has no "form = cooperative" cell (scoped to
      // another form an indicator measures that form instead, which is no part of its total).
      if (c.axis === "form")
        expect(indicatorDefinition(c.id as never).forms, `${c.id} form=${c.cell}`).toContain(c.cell);
    }

    const table = await runInProcess(
      ["diff", "--ledger", path, "--valid-at", VALID, "--known-at", A, "--known-at", B],
      dir,
    );
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/total unchanged/);
    expect(table.stdout).toMatch(/sector = transport/);
  });

  it("serve's compare view lists the same moved cells as diff, in its answer and as a table", async () => {
    const cli = await runInProcess(
      ["diff", "--ledger", path, "--valid-at", VALID, "--known-at", A, "--known-at", B, "--format", "json"],
      dir,
    );
    const fromCli = (JSON.parse(cli.stdout) as { breakdownChanges: CellChange[] }).breakdownChanges;
    const ctx = quietContext({ cwd: dir });
    const ledger = await loadLedger(ctx, path, { verify: true });
    if (E.isLeft(ledger)) throw new Error(ledger.left.message);
    const served = diffAnswer(ledger.right, new URLSearchParams({ validAt: VALID, a: A, b: B }), "en");
    if (E.isLeft(served)) throw new Error(served.left.message);
    const result = served.right.result as { breakdownChanges: CellChange[] };
    const key = (c: CellChange) => `${c.id} ${c.axis}=${c.cell}`;
    expect(result.breakdownChanges.map(key)).toEqual(fromCli.map(key));
    expect(fromCli.length).toBeGreaterThan(0);
    expect(served.right.tables.map((t) => t.title).join("\n")).toMatch(
      /total is unchanged but whose breakdown moved/,
    );
  });

  it("a form cell is a part of its figure: a late dissolution moves coops.active, and unions.active lists no 'form = cooperative' cell", async () => {
    const sample = join(dir, "sample.jsonl");
    writeFileSync(sample, readFileSync(join(REPO_ROOT, "examples/sample-ledgers/province-60.jsonl")));
    const args = [
      "--valid-at",
      "2022-12-31",
      "--province",
      "60",
      "--known-at",
      "2023-01-15",
      "--known-at",
      "2026-06-30",
    ];
    const r = await runInProcess(["diff", "--ledger", sample, ...args, "--format", "json"], dir);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { changes: Array<{ id: string }>; breakdownChanges: CellChange[] };
    // The premise: the co-ops' total moved while the unions' and groups' did not.
    expect(out.changes.map((c) => c.id)).toContain("coops.active");
    expect(out.changes.map((c) => c.id)).not.toContain("unions.active");
    for (const c of out.breakdownChanges.filter((x) => x.axis === "form"))
      expect(indicatorDefinition(c.id as never).forms, `${c.id} form=${c.cell}`).toContain(c.cell);
  });

  it("nothing recorded between the instants: no figure and no cell listed", async () => {
    const r = await runInProcess(
      [
        "diff",
        "--ledger",
        path,
        "--valid-at",
        VALID,
        "--known-at",
        "2020-05-02T00:00:00Z",
        "--known-at",
        "2020-05-10T00:00:00Z",
        "--format",
        "json",
      ],
      dir,
    );
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { changes: unknown[]; breakdownChanges: unknown[] };
    expect(out.changes).toEqual([]);
    expect(out.breakdownChanges).toEqual([]);
  });
});
