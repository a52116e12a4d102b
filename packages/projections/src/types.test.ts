// Type tests (checked by `tsc -p tsconfig.test.json`, run as ordinary tests by vitest), as in
// packages/domain/src/types.test.ts: a query's error union is closed, so a caller's exhaustive match
// breaks the build when a tag is added. Every `@ts-expect-error` marks a line that must NOT compile.
import { match } from "ts-pattern";
import { describe, expect, it } from "vitest";
import type { ProjectionError } from "./query/projection-error.js";

describe("types: exhaustive matches over ProjectionError", () => {
  it("ProjectionError has exactly these tags (a tag added or gone does not compile here)", () => {
    const tags: Record<ProjectionError["_tag"], true> = {
      InvalidQuery: true,
      DistrictsNotInGazetteer: true,
      UnknownProvince: true,
      UnknownIndicator: true,
      ArithmeticOverflow: true,
    };
    expect(Object.keys(tags)).toHaveLength(5);
  });

  it("a match missing a case does not compile", () => {
    const partial = (e: ProjectionError): string =>
      match(e)
        .with({ _tag: "InvalidQuery" }, { _tag: "DistrictsNotInGazetteer" }, () => "the query")
        .with({ _tag: "UnknownProvince" }, { _tag: "UnknownIndicator" }, () => "a name")
        // @ts-expect-error ArithmeticOverflow is not handled: exhaustive() refuses to compile
        .exhaustive();
    expect(partial({ _tag: "UnknownIndicator", id: "x", message: "" })).toBe("a name");
  });
});
