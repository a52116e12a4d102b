import { describe, expect, it } from "vitest";
import { fastCheckParametersFromEnv } from "./fast-check-env.js";

describe("fastCheckParametersFromEnv", () => {
  it("reads seed, path, runs and verbosity", () => {
    expect(
      fastCheckParametersFromEnv({
        COOP_LEDGER_SEED: "-42",
        COOP_LEDGER_PATH: "3:1",
        COOP_LEDGER_NUM_RUNS: "500",
        COOP_LEDGER_VERBOSE: "1",
      }),
    ).toEqual({
      seed: -42,
      path: "3:1",
      numRuns: 500,
      verbose: 2,
    });
  });
  it("ignores what is absent or malformed", () => {
    expect(fastCheckParametersFromEnv({ COOP_LEDGER_SEED: "x", COOP_LEDGER_NUM_RUNS: "-1" })).toEqual({});
  });
});
