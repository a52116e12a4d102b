import { describe, expect, it } from "vitest";
import { parseOptions } from "./options.js";

describe("parseOptions", () => {
  it("defaults to a full run with 3 repetitions", () => {
    expect(parseOptions([])).toMatchObject({ quick: false, reps: 3, profile: false, docs: true });
  });

  it("reads every option", () => {
    const o = parseOptions([
      "--quick",
      "--reps",
      "5",
      "--only",
      "queries,emmett",
      "--datasets",
      "100k",
      "--no-docs",
    ]);
    expect(o).toMatchObject({
      quick: true,
      reps: 5,
      only: ["queries", "emmett"],
      datasets: ["100k"],
      docs: false,
    });
  });

  it("refuses an unknown option rather than silently running everything", () => {
    expect(() => parseOptions(["--quik"])).toThrow(/unknown option/);
  });
});
