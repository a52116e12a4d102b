/** A dataset written once to the cache as a file ledger. */
export interface DatasetRef {
  /** Short label used in tables: `province`, `100k`, `national`. */
  readonly label: string;
  readonly path: string;
  readonly events: number;
}

/**
 * One measurement, run in its own child process so that its peak memory (maxRSS) is its own and a
 * previous measurement's heap does not slow it down.
 */
export type Task =
  | {
      readonly kind: "generate";
      readonly label: string;
      readonly preset: "province" | "national";
      readonly seed: number;
      /** Stop after this many events (a prefix of the generated history), when set. */
      readonly maxEvents?: number;
      readonly path: string;
    }
  | {
      readonly kind: "parseVsReplay";
      readonly dataset: DatasetRef;
      readonly reps: number;
      /** Skip the trusted replay and the plain fold (to fit a 1 M run in the time there is). */
      readonly light?: boolean;
    }
  | {
      readonly kind: "indexBuild";
      readonly dataset: DatasetRef;
      /** Skip the ledger → index phase (parseVsReplay's replay already is one). */
      readonly memoryOnly?: boolean;
    }
  | {
      readonly kind: "queries";
      readonly dataset: DatasetRef;
      readonly seed: number;
      readonly queries: number;
      readonly reps: number;
      readonly replayQueries: number;
    }
  | {
      readonly kind: "appends";
      readonly dataset: DatasetRef;
      readonly dir: string;
      readonly single: number;
      readonly batched: number;
      readonly batchSize: number;
      readonly reps: number;
    }
  | {
      readonly kind: "emmett";
      readonly dataset: DatasetRef;
      readonly reps: number;
      /** Streams per Emmett in-memory store (0: one store for all; default `EMMETT_STREAMS_PER_STORE`). */
      readonly streamsPerStore?: number;
    };

/** The kind of a task. */
export type TaskKind = Task["kind"];

/** Named figures of a measurement: numbers (or lists of repetitions) and short notes. */
export type Figures = Readonly<Record<string, number | string | ReadonlyArray<number>>>;

/** What a child process sends back. */
export type TaskResult =
  | {
      readonly ok: true;
      readonly task: Task;
      readonly figures: Figures;
      /** Peak resident set size of the child, in MiB (`process.resourceUsage().maxRSS`). */
      readonly maxRssMiB: number;
      readonly wallMs: number;
    }
  | { readonly ok: false; readonly task: Task; readonly error: string; readonly wallMs: number };
