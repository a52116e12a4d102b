import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SAMPLE_LEDGER } from "./engine/sample-ledger.js";
import { REPO_ROOT } from "./test-support/run-bin.js";
import { runInProcess } from "./test-support/run-in-process.js";

// Every command that reads a ledger, given each kind of wrong --ledger: the documented exit code
// (docs/cli.md, "Wrong ledger paths"), one error sentence and a hint, never "this is a bug", never a hang
// (a FIFO with no writer blocked `verify`, `repair` and `export` forever; a directory was an internal
// error in `verify` and `export`).
const dir = mkdtempSync(join(tmpdir(), "coop-ledger-inputs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const header = readFileSync(join(REPO_ROOT, SAMPLE_LEDGER), "utf8").split("\n")[0] as string;
const paths = {
  directory: join(dir, "a-directory"),
  missing: join(dir, "missing.jsonl"),
  empty: join(dir, "empty.jsonl"),
  headerOnly: join(dir, "header-only.jsonl"),
  fifo: join(dir, "fifo.jsonl"),
};
mkdirSync(paths.directory);
writeFileSync(paths.empty, "");
writeFileSync(paths.headerOnly, `${header}\n`);
let hasFifo = true;
try {
  execFileSync("mkfifo", [paths.fifo]);
} catch {
  hasFifo = false;
}

let outputs = 0;
const commands: ReadonlyArray<readonly [string, () => string[]]> = [
  ["verify", () => ["verify"]],
  ["repair", () => ["repair"]],
  ["snapshot", () => ["snapshot", "--valid-at", "2022-12-31"]],
  ["series", () => ["series", "--from", "2021-01-01", "--to", "2022-12-31", "--indicator", "coops.active"]],
  ["explain", () => ["explain", "coops.active", "--valid-at", "2022-12-31"]],
  [
    "diff",
    () => ["diff", "--valid-at", "2022-12-31", "--known-at", "2022-01-01", "--known-at", "2023-01-01"],
  ],
  ["targets", () => ["targets", "--resolution", "000", "--valid-at", "2022-12-31"]],
  ["report", () => ["report", "--out", join(dir, `report-${outputs++}.html`)]],
  // An unreachable server: every wrong path below is refused before any connection is tried.
  ["export", () => ["export", "--esdb", "esdb://127.0.0.1:1?tls=false"]],
];

const sentence = (stderr: string) => {
  expect(stderr).toMatch(/^coop-ledger: error: .+\nhint: .+\n?$/);
  expect(stderr).not.toMatch(/this is a bug|\bat .*\.js:\d+/);
};

describe("every ledger-reading command on a wrong --ledger", () => {
  for (const [name, args] of commands) {
    it(`${name}: a directory, a missing file or a FIFO is a file error (3); an empty file is not a ledger (4)`, async () => {
      for (const [kind, code] of [
        ["directory", 3],
        ["missing", 3],
        ...(hasFifo ? [["fifo", 3] as const] : []),
        ["empty", 4],
      ] as const) {
        const r = await runInProcess([...args(), "--ledger", paths[kind]], dir);
        expect(r.code, `${name} ${kind}: ${r.stderr}`).toBe(code);
        sentence(r.stderr);
        if (kind === "directory") expect(r.stderr).toContain("is a directory");
        if (kind === "fifo") expect(r.stderr).toContain("not a regular file");
      }
    });
  }

  it("a header-only ledger (no events) answers with zeros, and targets says the province is not in it (5)", async () => {
    for (const [name, args] of commands) {
      if (name === "export") continue; // would connect: nothing to refuse
      const r = await runInProcess([...args(), "--ledger", paths.headerOnly], dir);
      expect(r.code, `${name}: ${r.stderr}`).toBe(name === "targets" ? 5 : 0);
      if (r.code !== 0) sentence(r.stderr);
    }
  });

  it("report refuses --from after --valid-at (2), before reading the ledger", async () => {
    const r = await runInProcess(
      [
        "report",
        "--ledger",
        paths.missing,
        "--from",
        "2024-01-01",
        "--valid-at",
        "2022-12-31",
        "--out",
        join(dir, "r.html"),
      ],
      dir,
    );
    expect(r.code).toBe(2);
    sentence(r.stderr);
    expect(r.stderr).toContain("reversed");
  });
});
