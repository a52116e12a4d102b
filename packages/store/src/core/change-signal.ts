/**
 * A counter that wakes waiters when it moves: a store bumps it after each durable append, live
 * subscriptions wait on it. Waiting on the version read *before* a read means no append is missed
 * between "read to the end" and "wait".
 *
 * @example
 * import { ChangeSignal } from "@coop-ledger/store/internal";
 * const signal = new ChangeSignal();
 * const seen = signal.version; // read before reading the log to its end
 * const woken = signal.next(seen).then(() => signal.version);
 * signal.bump(); // an append became durable
 * console.log(await woken); // 1
 */
export class ChangeSignal {
  #version = 0;
  #waiters: Array<() => void> = [];

  /** The current version. */
  get version(): number {
    return this.#version;
  }

  /** Resolves once the version differs from `seen` (at once if it already does). */
  next(seen: number): Promise<void> {
    if (this.#version !== seen) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Moves the version and wakes every waiter. */
  bump(): void {
    this.#version++;
    const ws = this.#waiters;
    this.#waiters = [];
    for (const w of ws) w();
  }
}
