import type { Run } from "./timed-run.js";

/**
 * The as-of question of the side-by-side: valid at V ({@link VALID_AT}), known at K ({@link KNOWN_AT}):
 * late-recorded events then matter.
 * @example console.log(VALID_AT); // "2022-12-31"
 */
export const VALID_AT = "2022-12-31";
/**
 * The knowledge instant of the side-by-side's question (see {@link VALID_AT}).
 * @example console.log(KNOWN_AT > VALID_AT); // true
 */
export const KNOWN_AT = "2023-03-31T00:00:00.000Z";

/** What one cold-CLI run measured (written as JSON, rendered as the tables of docs/performance.md). */
export interface ColdCliResult {
  readonly label: string;
  readonly ledger: string;
  readonly started: string;
  readonly finished: string;
  readonly loadAverage: { readonly start: number[]; readonly end: number[] };
  readonly ledgerBytes: number;
  readonly indexBytes: number;
  readonly events: number;
  readonly floors: {
    read: number;
    hash: number;
    parse: number;
    lines: number;
    readCpuMs?: number;
    hashCpuMs?: number;
    parseCpuMs?: number;
    /** The hashing floor's work on every core (`parallelHashFloor`): wall, CPU, threads. */
    hashAll?: number;
    hashAllCpuMs?: number;
    hashAllThreads?: number;
  };
  readonly runs: ReadonlyArray<Run>;
  /** The DuckDB side-by-side: both answers equal? */
  readonly sideBySide?: {
    readonly same: boolean;
    readonly provinces: number;
    readonly total: number;
    readonly differences: string[];
  };
  /** Per-province query times (ms) in our side-by-side process, the first after opening included. */
  readonly queryMs?: ReadonlyArray<number>;
  /** The growth run on a smaller prefix of the same ledger. */
  readonly growth?: {
    readonly events: number;
    readonly build: Run;
    readonly verified: Run;
    readonly noVerify: Run;
  };
}
