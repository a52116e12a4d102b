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

  it("reads an existing national ledger and Emmett's streams per store", () => {
    expect(parseOptions(["--national", "/data/n.jsonl", "--emmett-streams-per-store", "0"])).toMatchObject({
      national: "/data/n.jsonl",
      emmettStreamsPerStore: 0,
    });
    expect(parseOptions([])).toMatchObject({ national: undefined, emmettStreamsPerStore: undefined });
    expect(() => parseOptions(["--emmett-streams-per-store", "many"])).toThrow(/a count/);
  });

  it("refuses an unknown option rather than silently running everything", () => {
    expect(() => parseOptions(["--quik"])).toThrow(/unknown option/);
  });
});
