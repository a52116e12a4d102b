// Type tests (checked by `tsc -p tsconfig.test.json`, run as ordinary tests by vitest), as in
// packages/domain/src/types.test.ts: the CLI's error union is closed, and each tag has its exit code,
// so a tag added without one breaks the build. Every `@ts-expect-error` marks a line that must NOT compile.
import { match } from "ts-pattern";
import { describe, expect, it } from "vitest";
import { type CliError, exitCodeOf } from "./errors/cli-error.js";

describe("types: exhaustive matches over CliError", () => {
  it("CliError has exactly these tags, each with its exit code", () => {
    const sample: Record<CliError["_tag"], CliError> = {
      UsageError: { _tag: "UsageError", message: "", hint: "" },
      FileError: { _tag: "FileError", message: "", hint: "", path: "" },
      LedgerCorrupt: { _tag: "LedgerCorrupt", message: "", hint: "", path: "" },
      QueryError: { _tag: "QueryError", message: "", hint: "" },
      StoreUnavailable: { _tag: "StoreUnavailable", message: "", hint: "" },
      Conflict: { _tag: "Conflict", message: "", hint: "" },
      Internal: { _tag: "Internal", message: "", hint: "" },
    };
    expect(new Set(Object.values(sample).map(exitCodeOf)).size).toBe(7);
  });

  it("a match missing a case does not compile", () => {
    const partial = (e: CliError): string =>
      match(e)
        .with({ _tag: "UsageError" }, { _tag: "QueryError" }, () => "the command line")
        .with({ _tag: "FileError" }, { _tag: "LedgerCorrupt" }, () => "the ledger")
        .with({ _tag: "StoreUnavailable" }, { _tag: "Conflict" }, () => "the store")
        // @ts-expect-error Internal is not handled: exhaustive() refuses to compile
        .exhaustive();
    expect(partial({ _tag: "UsageError", message: "", hint: "" })).toBe("the command line");
  });
});
