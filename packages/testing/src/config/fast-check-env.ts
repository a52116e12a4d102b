import fc from "fast-check";

/**
 * The environment knobs of this package's property tests (and of yours, if you call
 * {@link configureFastCheckFromEnv}):
 * - `COOP_LEDGER_SEED` — the seed of a failing run, as fast-check printed it;
 * - `COOP_LEDGER_PATH` — the shrink path fast-check printed (replays the exact counterexample);
 * - `COOP_LEDGER_NUM_RUNS` — runs per property (e.g. 10 000 for a long soak);
 * - `COOP_LEDGER_VERBOSE=1` — list every failing value met while shrinking;
 * - `COOP_LEDGER_SLOW=1` — also run the slow suites (the national dataset).
 *
 * @example
 * // COOP_LEDGER_SEED=-301422148 COOP_LEDGER_PATH="21:4:10" npx pnpm@10.34.8 exec vitest run --project testing model
 * fastCheckParametersFromEnv({ COOP_LEDGER_SEED: "-301422148", COOP_LEDGER_PATH: "21:4:10" }) // { seed: -301422148, path: "21:4:10" } (process.env by default)
 */
export const fastCheckParametersFromEnv = (
  env: Readonly<Record<string, string | undefined>> = process.env,
): fc.GlobalParameters => {
  const out: { seed?: number; path?: string; numRuns?: number; verbose?: number } = {};
  const seed = env.COOP_LEDGER_SEED;
  if (seed !== undefined && seed !== "" && Number.isInteger(Number(seed))) out.seed = Number(seed);
  if (env.COOP_LEDGER_PATH !== undefined && env.COOP_LEDGER_PATH !== "") out.path = env.COOP_LEDGER_PATH;
  const runs = Number(env.COOP_LEDGER_NUM_RUNS);
  if (Number.isInteger(runs) && runs > 0) out.numRuns = runs;
  if (env.COOP_LEDGER_VERBOSE === "1") out.verbose = 2;
  return out;
};

/**
 * Applies {@link fastCheckParametersFromEnv} to fast-check's global configuration (call it at the top
 * of a property-test file). A `numRuns` given to a single `fc.assert` still wins over the global one,
 * except when `COOP_LEDGER_NUM_RUNS` is set: then the laws in this package use it.
 *
 * @example configureFastCheckFromEnv();
 */
export const configureFastCheckFromEnv = (): void => {
  const p = fastCheckParametersFromEnv();
  if (Object.keys(p).length > 0) fc.configureGlobal({ ...fc.readConfigureGlobal(), ...p });
};
