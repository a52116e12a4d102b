import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, describe, expect, it } from "vitest";
import { checkLedgerInput } from "./ledger-input.js";

const dir = mkdtempSync(join(tmpdir(), "coop-ledger-input-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const header = '{"hash":"00","format":"coop-ledger/1"}';

describe("checkLedgerInput", () => {
  it("passes a file with LF line ends and no BOM", () => {
    const p = join(dir, "ok.jsonl");
    writeFileSync(p, `${header}\n{"a":1}\n`);
    expect(checkLedgerInput(p)).toEqual(E.right(undefined));
  });

  it("names a directory, a missing file and a non-regular file as file errors", () => {
    const d = checkLedgerInput(dir);
    expect(E.isLeft(d) && d.left._tag === "FileError" && d.left.message).toContain("is a directory");
    const m = checkLedgerInput(join(dir, "missing.jsonl"));
    expect(E.isLeft(m) && m.left._tag === "FileError" && m.left.message).toContain("no such file");
    // A named pipe made here, not /dev/null: some containers replace /dev/null with a regular file.
    const fifo = join(dir, "pipe.jsonl");
    execFileSync("mkfifo", [fifo]);
    const n = checkLedgerInput(fifo);
    expect(E.isLeft(n) && n.left._tag === "FileError" && n.left.message).toContain("not a regular file");
  });

  it("names a byte-order mark and CR LF line ends as conversions", () => {
    const bom = join(dir, "bom.jsonl");
    writeFileSync(bom, `\uFEFF${header}\n`);
    const b = checkLedgerInput(bom);
    expect(E.isLeft(b) && b.left._tag === "LedgerCorrupt" && b.left.message).toContain("byte-order mark");
    const crlf = join(dir, "crlf.jsonl");
    writeFileSync(crlf, `${header}\r\n`);
    const c = checkLedgerInput(crlf);
    expect(E.isLeft(c) && c.left._tag === "LedgerCorrupt" && c.left.message).toContain("CR LF");
  });

  it("an empty file passes (the chain check names what is missing)", () => {
    const p = join(dir, "empty.jsonl");
    writeFileSync(p, "");
    expect(E.isRight(checkLedgerInput(p))).toBe(true);
  });
});
