import { describe, expect, it } from "vitest";
import { ledgerToCheckAhead } from "./chain-ahead-args.js";

const at = (argv: ReadonlyArray<string>, env: Record<string, string> = {}) =>
  ledgerToCheckAhead(argv, env, "/audit");

describe("the ledger the executable checks ahead (ledgerToCheckAhead)", () => {
  it("is the --ledger of a command that verifies the ledger it loads", () => {
    for (const c of ["snapshot", "series", "explain", "diff", "report", "targets"])
      expect(at([c, "--ledger", "n.jsonl", "--valid-at", "2022-12-31"])).toBe("n.jsonl");
    expect(at(["explain", "coops.active", "--ledger=n.jsonl"])).toBe("n.jsonl");
    expect(at(["snapshot", "--ledger", "a.jsonl", "--ledger", "b.jsonl"])).toBe("b.jsonl"); // commander's
    expect(at(["--number-format", "vi", "--debug", "series", "--ledger", "/l/n.jsonl"])).toBe("/l/n.jsonl");
  });

  it("is relative to the user's directory as the program resolves it (npm run cli)", () => {
    const env = { npm_lifecycle_event: "cli", INIT_CWD: "/home/an", npm_package_json: "/audit/package.json" };
    expect(at(["snapshot", "--ledger", "n.jsonl"], env)).toBe("/home/an/n.jsonl");
  });

  it("is none without a verifying command, with --no-verify, a help request or no --ledger", () => {
    expect(at(["verify", "--ledger", "n.jsonl"])).toBeUndefined(); // its own, strict check
    expect(at(["generate", "--out", "n.jsonl"])).toBeUndefined();
    expect(at(["serve", "--ledger", "n.jsonl"])).toBeUndefined();
    expect(at(["snapshot", "--ledger", "n.jsonl", "--no-verify"])).toBeUndefined();
    expect(at(["snapshot", "--ledger", "n.jsonl", "--help"])).toBeUndefined();
    expect(at(["snapshot", "--valid-at", "2022-12-31"])).toBeUndefined();
    expect(at(["snapshot", "--", "--ledger", "n.jsonl"])).toBeUndefined();
    expect(at(["--version"])).toBeUndefined();
    expect(at([])).toBeUndefined();
  });
});
