/**
 * How the command handler waits between retries after a concurrency conflict (see
 * {@link backoffDelay}).
 * @example const p: BackoffPolicy = { baseMs: 4, capMs: 250, budgetMs: 2000 };
 */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
  /** Total waiting allowed for one command; a retry whose wait would pass it is not made. */
  readonly budgetMs: number;
}

/**
 * The default back-off: 4 ms base, 250 ms cap, 2 s budget per command.
 * @example
 * import { type Instant, ledgerDecider, makeCommand, stateFromHistory, streamOf } from "@coop-ledger/domain";
 * import { DEFAULT_BACKOFF, makeCommandHandler, makeInMemoryStore } from "@coop-ledger/store/internal";
 * console.log(DEFAULT_BACKOFF); // { baseMs: 4, capMs: 250, budgetMs: 2000 }
 * // A service that must answer fast gives up on a contended stream after 500 ms of waiting.
 * const handler = makeCommandHandler({
 *   store: makeInMemoryStore(),
 *   decider: ledgerDecider,
 *   streamOf,
 *   stateFromHistory,
 *   clock: () => "2024-01-15T08:00:00.000Z" as Instant,
 *   backoff: { ...DEFAULT_BACKOFF, budgetMs: 500 },
 * });
 */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 4, capMs: 250, budgetMs: 2000 };

/**
 * The wait before retry `retry` (1 for the first retry) with draw `u` in [0, 1): full jitter,
 * `u · min(capMs, baseMs · 2^(retry−1))` (AWS Architecture Blog, "Exponential Backoff And Jitter":
 * spreads the competing writers out so most of them find the stream quiet on the next try).
 *
 * @example backoffDelay(DEFAULT_BACKOFF, 3, 0.5) // 8 (half of min(250, 4·2²))
 */
export const backoffDelay = (policy: BackoffPolicy, retry: number, u: number): number =>
  u * Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, retry - 1));
