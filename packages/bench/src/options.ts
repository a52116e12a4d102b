/** Command-line options of `pnpm bench`. */
export interface BenchOptions {
  /** `--quick`: province + 100 k only; otherwise full (adds the 1 M national dataset). */
  readonly quick: boolean;
  /** `--reps N`: repetitions of every timed measurement (≥ 3 for a spread; default 3). */
  readonly reps: number;
  /** `--only a,b`: run only these measurement kinds (parseVsReplay, indexBuild, queries, appends, emmett). */
  readonly only: ReadonlyArray<string> | undefined;
  /** `--datasets a,b`: run only on these dataset labels (province, 100k, national). */
  readonly datasets: ReadonlyArray<string> | undefined;
  /** `--profile`: run every child with `--cpu-prof`, writing `.cpuprofile` files to `.bench-out/prof/`. */
  readonly profile: boolean;
  /** `--no-docs`: do not rewrite the figures in docs/performance.md after a full run. */
  readonly docs: boolean;
  /**
   * `--merge file.json`: include the results of an earlier run's JSON (e.g. a quick run) in this run's
   * summary, so a 1 M-only run still reports growth from 10 k; the report names the merged run.
   */
  readonly merge: string | undefined;
  /** `--render file.json`: print (and, for a full run, write to the docs) a saved run again, measuring nothing. */
  readonly render: string | undefined;
  /**
   * `--national PATH`: use this existing file ledger as the national dataset instead of generating the
   * bench's own (e.g. the ledger the command-line bench `cold-cli.js` measured).
   */
  readonly national: string | undefined;
  /**
   * `--emmett-streams-per-store N`: streams per Emmett in-memory store in measurement 5 (0: one store
   * for every stream, whose load costs O(events × streams); default `EMMETT_STREAMS_PER_STORE`).
   */
  readonly emmettStreamsPerStore: number | undefined;
}

/**
 * Parses the command line (unknown flags are an error, so a typo does not silently run the full suite).
 *
 * @example parseOptions(["--quick"]) // { quick: true, reps: 3, ... }
 */
export const parseOptions = (argv: ReadonlyArray<string>): BenchOptions => {
  let quick = false;
  let reps = 3;
  let only: string[] | undefined;
  let datasets: string[] | undefined;
  let profile = false;
  let docs = true;
  let merge: string | undefined;
  let render: string | undefined;
  let national: string | undefined;
  let emmettStreamsPerStore: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--quick") quick = true;
    else if (a === "--full") quick = false;
    else if (a === "--reps") reps = Math.max(1, Number.parseInt(next(), 10) || 3);
    else if (a === "--only") only = next().split(",");
    else if (a === "--datasets") datasets = next().split(",");
    else if (a === "--profile") profile = true;
    else if (a === "--no-docs") docs = false;
    else if (a === "--merge") merge = next();
    else if (a === "--render") render = next();
    else if (a === "--national") national = next();
    else if (a === "--emmett-streams-per-store") {
      const v = next();
      emmettStreamsPerStore = Number.parseInt(v, 10);
      if (!(emmettStreamsPerStore >= 0)) throw new Error(`--emmett-streams-per-store ${v}: a count ≥ 0`);
    } else throw new Error(`unknown option ${a} (see packages/bench/README.md)`);
  }
  return { quick, reps, only, datasets, profile, docs, merge, render, national, emmettStreamsPerStore };
};
