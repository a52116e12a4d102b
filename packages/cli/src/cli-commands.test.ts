import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, hasBin, runBin } from "./test-support/run-bin.js";

if (!hasBin())
  console.warn(`\n!! SKIPPED: the CLI tests run the built bin ${BIN}; build first with tsc -b\n`);

/** Splits RFC 4180 CSV without quoted newlines (our data has none) into rows of fields. */
const parseCsv = (text: string): string[][] =>
  text
    .split("\r\n")
    .filter((l) => l.length > 0)
    .map((line) => {
      const out: string[] = [];
      let cur = "";
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i]!;
        if (quoted) {
          if (c === '"' && line[i + 1] === '"') {
            cur += '"';
            i++;
          } else if (c === '"') quoted = false;
          else cur += c;
        } else if (c === '"') quoted = true;
        else if (c === ",") {
          out.push(cur);
          cur = "";
        } else cur += c;
      }
      out.push(cur);
      return out;
    });

describe.skipIf(!hasBin())("coop-ledger (built bin) on a small generated ledger", () => {
  const dir = mkdtempSync(join(tmpdir(), "coop-cli-"));
  const ledger = join(dir, "province.jsonl");

  beforeAll(() => {
    const r = runBin(["generate", "--preset", "province", "--seed", "7", "--out", ledger]);
    expect(r.code, r.stderr).toBe(0);
  });

  it("generate refuses to overwrite without --force (exit 3) and rejects a non-integer seed (exit 2)", () => {
    const again = runBin(["generate", "--seed", "7", "--out", ledger]);
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/already exists\nhint: .*--force/);
    const bad = runBin(["generate", "--seed", "abc", "--out", join(dir, "x.jsonl")]);
    expect(bad.code).toBe(2);
  });

  it("verify: a clean ledger passes (exit 0) and prints its anchor; piped output carries no progress", () => {
    const r = runBin(["verify", "--ledger", ledger, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const j = JSON.parse(r.stdout) as { ok: boolean; events: number; lastHash: string };
    expect(j.ok).toBe(true);
    expect(j.events).toBeGreaterThan(1000);
    expect(j.lastHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("verify: a changed line is named (exit 4), whatever the format", () => {
    const lines = readFileSync(ledger, "utf8").split("\n");
    const n = 500; // 1-based line n+1 holds event n
    lines[n] = lines[n]!.replace(
      /"effectiveDate":"(\d{4})/,
      (_m, y: string) => `"effectiveDate":"${Number(y) - 1}`,
    );
    const tampered = join(dir, "tampered.jsonl");
    writeFileSync(tampered, lines.join("\n"));
    const r = runBin(["verify", "--ledger", tampered]);
    expect(r.code).toBe(4);
    expect(r.stderr.split("\n")[0]).toMatch(new RegExp(`^coop-ledger: error: .*line ${n + 1}\\b`));
    expect(r.stderr).toMatch(/\nhint: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const j = runBin(["verify", "--ledger", tampered, "--format", "json"]);
    expect(j.code).toBe(4);
    expect((JSON.parse(j.stdout) as { ok: boolean; issue: { line: number } }).issue.line).toBe(n + 1);
  });

  it("verify: a file that is not a ledger is exit 4; snapshot refuses to compute on it", () => {
    const junk = join(dir, "junk.jsonl");
    writeFileSync(junk, "hello\nworld\n");
    expect(runBin(["verify", "--ledger", junk]).code).toBe(4);
    const s = runBin(["snapshot", "--ledger", junk, "--valid-at", "2022-12-31"]);
    expect(s.code).toBe(4);
    expect(s.stdout).toBe("");
  });

  it("snapshot: table, JSON and CSV carry the same figures", () => {
    const args = ["snapshot", "--ledger", ledger, "--valid-at", "31/12/2022"];
    const table = runBin(args);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("Active co-ops (Số hợp tác xã đang hoạt động)");
    const json = runBin([...args, "--format", "json"]);
    const snap = JSON.parse(json.stdout) as {
      validAt: string;
      figures: Array<{ id: string; value: number | null }>;
    };
    expect(snap.validAt).toBe("2022-12-31");
    const csv = parseCsv(runBin([...args, "--format", "csv"]).stdout);
    const header = csv[0]!;
    expect(header.slice(0, 4)).toEqual(["id", "label_en", "label_vi", "value"]);
    expect(csv.length - 1).toBe(snap.figures.length);
    for (const f of snap.figures) {
      const row = csv.find((r) => r[0] === f.id)!;
      expect(row[3], f.id).toBe(f.value === null ? "" : String(f.value));
    }
    const active = snap.figures.find((f) => f.id === "coops.active")!.value!;
    expect(active).toBeGreaterThan(0);
    expect(table.stdout).toMatch(new RegExp(`coops\\.active\\s+${active.toLocaleString("en-US")}\\s`));
  });

  it("snapshot: knowing less never shows later-recorded co-ops (knownAt before the ledger began is empty)", () => {
    const j = runBin([
      "snapshot",
      "--ledger",
      ledger,
      "--valid-at",
      "2022-12-31",
      "--known-at",
      "2012-12-31",
      "--format",
      "json",
    ]);
    expect(j.code).toBe(0);
    const snap = JSON.parse(j.stdout) as { figures: Array<{ id: string; value: number | null }> };
    expect(snap.figures.find((f) => f.id === "coops.active")?.value).toBe(0);
  });

  it("snapshot: a district in the 2025 geography is a query error (exit 5)", () => {
    const r = runBin([
      "snapshot",
      "--ledger",
      ledger,
      "--valid-at",
      "2022-12-31",
      "--district",
      "593",
      "--geography",
      "2025-07-01",
    ]);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^coop-ledger: error: .*\nhint: /);
  });

  it("series: one CSV row per year, values equal to the snapshot's at each year end", () => {
    const r = runBin([
      "series",
      "--ledger",
      ledger,
      "--from",
      "2016-01-01",
      "--to",
      "2025-12-31",
      "--every",
      "year",
      "--indicator",
      "coops.active",
      "coops.founded",
      "--format",
      "csv",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const rows = parseCsv(r.stdout);
    // The ledger identity columns follow the figures (docs/cli.md, "Ledger identity").
    expect(rows[0]).toEqual([
      "date",
      "coops.active",
      "coops.founded",
      "ledger_path",
      "ledger_events",
      "ledger_last_position",
      "ledger_last_hash",
      "ledger_chain",
    ]);
    expect(rows.slice(1).map((x) => x[0])).toEqual(Array.from({ length: 10 }, (_, i) => `${2016 + i}-12-31`));
    const snap = JSON.parse(
      runBin(["snapshot", "--ledger", ledger, "--valid-at", "2020-12-31", "--format", "json"]).stdout,
    ) as {
      figures: Array<{ id: string; value: number }>;
    };
    const row2020 = rows.find((x) => x[0] === "2020-12-31")!;
    expect(Number(row2020[1])).toBe(snap.figures.find((f) => f.id === "coops.active")!.value);
    // founded over the calendar year, as the snapshot's default period
    expect(Number(row2020[2])).toBe(snap.figures.find((f) => f.id === "coops.founded")!.value);
  });

  it("series: an unknown indicator is exit 5 and names it", () => {
    const r = runBin([
      "series",
      "--ledger",
      ledger,
      "--from",
      "2020-01-01",
      "--to",
      "2021-01-01",
      "--indicator",
      "coops.nope",
    ]);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('unknown indicator "coops.nope"');
  });

  it("diff: needs --known-at twice (exit 2); between the ledger's start and now every figure is restated by the events recorded in between", () => {
    expect(
      runBin(["diff", "--ledger", ledger, "--valid-at", "2022-12-31", "--known-at", "2023-01-01"]).code,
    ).toBe(2);
    const r = runBin([
      "diff",
      "--ledger",
      ledger,
      "--valid-at",
      "2022-12-31",
      "--known-at",
      "2022-06-30",
      "--known-at",
      "2023-06-30",
      "--format",
      "json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout) as {
      changes: Array<{ id: string }>;
      events: Array<{ metadata: { recordedAt: string } }>;
    };
    expect(d.changes.length).toBeGreaterThan(0);
    for (const e of d.events) {
      expect(e.metadata.recordedAt > "2022-06-30T23:59:59.999Z").toBe(true);
      expect(e.metadata.recordedAt <= "2023-06-30T23:59:59.999Z").toBe(true);
    }
  });

  it("targets: k of n counts the seed's numbered targets and adds up over their sub-targets; an unknown resolution is exit 5", () => {
    const r = runBin([
      "targets",
      "--ledger",
      ledger,
      "--resolution",
      "000",
      "--valid-at",
      "2025-12-31",
      "--format",
      "json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const t = JSON.parse(r.stdout) as {
      targets: Array<{ number: string; status: { _tag: string } }>;
      summary: {
        met: number;
        notMet: number;
        pending: number;
        notYetDue: number;
        notMeasurable: number;
        total: number;
        subTargets: { met: number; total: number };
      };
    };
    const s = t.summary;
    expect(s.met + s.notMet + s.pending + s.notYetDue + s.notMeasurable).toBe(s.total);
    expect(s.total).toBe(new Set(t.targets.map((x) => x.number)).size);
    expect(s.subTargets.total).toBe(t.targets.length);
    expect(t.targets.filter((x) => x.status._tag === "met").length).toBe(s.subTargets.met);
    const numbersAllMet = [...new Set(t.targets.map((x) => x.number))].filter((n) =>
      t.targets.filter((x) => x.number === n).every((x) => x.status._tag === "met"),
    );
    expect(numbersAllMet.length).toBe(s.met);
    const bad = runBin(["targets", "--ledger", ledger, "--resolution", "999", "--valid-at", "2025-12-31"]);
    expect(bad.code).toBe(5);
    expect(bad.stderr).toContain('unknown resolution "999"');
  });

  it("targets: every resolution on its own province — refuses another province's ledger (exit 5), --province is a labelled what-if, --sector/--form/--district and a bare --geography are refused (exit 2)", () => {
    const base = ["targets", "--ledger", ledger, "--valid-at", "2025-12-31"];
    const own = runBin([...base, "--resolution", "004"]);
    expect(own.code).toBe(5);
    expect(own.stderr).toContain("holds nothing for Tỉnh Bắc Kạn (06, gazetteer 2008-08-01)");
    expect(own.stdout).not.toContain("không đạt");
    const whatIf = runBin([...base, "--resolution", "004", "--province", "60", "--format", "json"]);
    expect(whatIf.code, whatIf.stderr).toBe(0);
    const j = JSON.parse(whatIf.stdout) as {
      province: { code: string };
      whatIf?: { resolutionProvince: { code: string } };
    };
    expect(j.province.code).toBe("60");
    expect(j.whatIf?.resolutionProvince.code).toBe("06");
    const table = runBin([...base, "--resolution", "004", "--province", "60"]);
    expect(table.stdout).toContain("WHAT-IF (giả định): resolution 004 evaluated on Tỉnh Bình Thuận (60");
    for (const extra of [
      ["--sector", "agriculture"],
      ["--form", "union"],
      ["--district", "593"],
      ["--geography", "2025-07-01"],
    ]) {
      const r = runBin([...base, "--resolution", "000", ...extra]);
      expect(r.code, extra.join(" ")).toBe(2);
      expect(r.stderr).toContain(extra[0]);
    }
    const notThere = runBin([
      ...base,
      "--resolution",
      "000",
      "--province",
      "60",
      "--geography",
      "2025-07-01",
    ]);
    expect(notThere.code).toBe(5);
    expect(notThere.stderr).toContain("not a province of the 2025-07-01 gazetteer");
  });

  it("explain: the listed events' contributions add up to the figure", () => {
    const r = runBin([
      "explain",
      "coops.active",
      "--ledger",
      ledger,
      "--valid-at",
      "2022-12-31",
      "--format",
      "json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const x = JSON.parse(r.stdout) as {
      figure: { value: number };
      events: Array<{ contribution: { value?: number } }>;
    };
    expect(x.events.length).toBeGreaterThan(0);
    expect(x.events.reduce((n, e) => n + (e.contribution.value ?? 0), 0)).toBe(x.figure.value);
    expect(runBin(["explain", "coops.nope", "--ledger", ledger, "--valid-at", "2022-12-31"]).code).toBe(5);
  });

  it("demo runs end to end on a given ledger in well under a minute", () => {
    const t = Date.now();
    const r = runBin(["demo", "--ledger", ledger]);
    expect(r.code, r.stderr).toBe(0);
    expect(Date.now() - t).toBeLessThan(60_000);
    for (const s of ["━━ 1.", "━━ 2.", "━━ 3.", "━━ 4.", "━━ 5."]) expect(r.stdout).toContain(s);
  });
});
