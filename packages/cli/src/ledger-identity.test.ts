import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, hasBin, REPO_ROOT, runBin } from "./test-support/run-bin.js";

if (!hasBin())
  console.warn(`\n!! SKIPPED: the CLI tests run the built bin ${BIN}; build first with tsc -b\n`);

const sample = join(REPO_ROOT, "examples/sample-ledgers/province-60.jsonl");
const dir = mkdtempSync(join(tmpdir(), "coop-identity-"));

/** The identity read independently of the CLI: the last line's stored hash and the event lines (the header has no position). */
const expected = (() => {
  const lines = readFileSync(sample, "utf8")
    .split("\n")
    .filter((l) => l.trim().length > 0);
  const events = lines.filter((l) => (JSON.parse(l) as { position?: unknown }).position !== undefined);
  const last = JSON.parse(events[events.length - 1] as string) as { hash: string; position: number };
  return { events: events.length, lastHash: last.hash, lastPosition: last.position };
})();

const figureCommands: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
  ["snapshot", ["--valid-at", "2022-12-31"]],
  ["series", ["--from", "2020-01-01", "--to", "2022-12-31", "--indicator", "coops.active"]],
  ["explain", ["coops.active", "--valid-at", "2022-12-31"]],
  ["diff", ["--valid-at", "2022-12-31", "--known-at", "2023-01-15", "--known-at", "2024-06-30"]],
  ["targets", ["--resolution", "000", "--valid-at", "2025-12-31"]],
];

const run = (cmd: string, args: ReadonlyArray<string>, extra: ReadonlyArray<string>) =>
  runBin([
    cmd,
    ...(cmd === "explain" ? [args[0] as string] : []),
    "--ledger",
    sample,
    ...args.slice(cmd === "explain" ? 1 : 0),
    ...extra,
  ]);

describe.skipIf(!hasBin())("every output carries the ledger identity (issue #13)", () => {
  it.each(figureCommands)("%s --format json has a top-level ledger member", (cmd, args) => {
    const r = run(cmd, args, ["--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { ledger: Record<string, unknown> };
    expect(j.ledger).toEqual({
      path: sample,
      events: expected.events,
      lastPosition: expected.lastPosition,
      lastHash: expected.lastHash,
      verified: true,
      chain: "verified",
    });
  });

  it.each(figureCommands)(
    "%s --format csv carries ledger_* columns; --no-verify says unverified",
    (cmd, args) => {
      const r = run(cmd, args, ["--format", "csv", "--no-verify"]);
      expect(r.code, r.stderr).toBe(0);
      const [header, ...rows] = r.stdout.split("\r\n").filter((l) => l.length > 0);
      expect(header).toMatch(
        /,ledger_path,ledger_events,ledger_last_position,ledger_last_hash,ledger_chain$/,
      );
      for (const row of rows)
        expect(
          row.endsWith(`,${expected.events},${expected.lastPosition},${expected.lastHash},unverified`),
        ).toBe(true);
    },
  );

  it.each(figureCommands)("%s table output ends with the ledger footer", (cmd, args) => {
    const verified = run(cmd, args, []);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain(`last hash ${expected.lastHash} · hash chain verified`);
    const unverified = run(cmd, args, ["--no-verify"]);
    expect(unverified.stdout).toMatch(/· UNVERIFIED: hash chain not checked \(--no-verify\)\n$/);
  });

  it("the HTML report shows the identity in one block, unverified when --no-verify", () => {
    const out = join(dir, "r.html");
    const r = runBin(["report", "--ledger", sample, "--out", out, "--no-verify"]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toMatch(
      /<p class="meta ledger-identity[^"]*" data-chain="unverified"[^>]*>Ledger \((<span lang="vi">)?sổ cái(<\/span>)?\):/,
    );
    expect(html).toContain(`last hash ${expected.lastHash} · UNVERIFIED`);
  });

  it("a printed identity re-checks with verify --expect-hash/--expect-events; another state fails (exit 4)", () => {
    const snap = runBin(["snapshot", "--ledger", sample, "--valid-at", "2022-12-31", "--format", "json"]);
    const id = (JSON.parse(snap.stdout) as { ledger: { events: number; lastHash: string } }).ledger;
    const ok = runBin([
      "verify",
      "--ledger",
      sample,
      "--expect-hash",
      id.lastHash,
      "--expect-events",
      String(id.events),
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(runBin(["verify", "--ledger", sample, "--expect-hash", id.lastHash]).code).toBe(0);
    // The state one event earlier is a prefix of this ledger: it holds it, with one event appended since.
    const lines = readFileSync(sample, "utf8").split("\n");
    const earlier = (JSON.parse(lines[lines.length - 3] as string) as { hash: string }).hash;
    const grown = runBin([
      "verify",
      "--ledger",
      sample,
      "--expect-hash",
      earlier,
      "--expect-events",
      String(id.events - 1),
    ]);
    expect(grown.code, grown.stderr).toBe(0);
    expect(grown.stdout).toContain("1 event(s) appended since");
    const wrong = runBin([
      "verify",
      "--ledger",
      sample,
      "--expect-hash",
      earlier,
      "--expect-events",
      String(id.events),
    ]);
    expect(wrong.code).toBe(4);
    expect(runBin(["verify", "--ledger", sample, "--expect-hash", earlier]).code).toBe(4);
    expect(runBin(["verify", "--ledger", sample, "--expect-events", "3"]).code).toBe(2);
  });
});
