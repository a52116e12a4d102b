import { groupDigits } from "./output/numbers.js";

/** Where progress goes and whether it is shown. */
export interface ProgressSink {
  readonly write: (text: string) => void;
  /** Shown only on an interactive terminal: piped or redirected output stays clean. */
  readonly enabled: boolean;
  /** Milliseconds since some origin, injected so tests can drive time. */
  readonly now: () => number;
}

/**
 * A progress line for long work (generating, reading a large ledger, building the index): one line on
 * stderr, rewritten in place at most every `intervalMs`, erased when done. A no-op when the sink is
 * disabled, so commands can report progress unconditionally.
 *
 * @example
 * let shown = "";
 * let clock = 0;
 * const sink: ProgressSink = { write: (s) => { shown += s; }, enabled: true, now: () => (clock += 200) };
 * const p: Progress = makeProgress(sink, "reading ledger");
 * for (let i = 0; i < 3; i++) p.tick(1, 3);
 * p.done("read 3 events");
 * console.log(shown.includes("reading ledger"), shown.includes("read 3 events")); // true true
 */
export interface Progress {
  /** Shows a static status line (for work that cannot count, e.g. a single verification pass). */
  readonly status: (text: string) => void;
  readonly tick: (n: number, total?: number) => void;
  readonly done: (summary?: string) => void;
}

/**
 * Makes a {@link Progress} for one task.
 * @example makeProgress({ write: (s) => process.stderr.write(s), enabled: process.stderr.isTTY, now: Date.now }, "reading")
 */
export const makeProgress = (sink: ProgressSink, label: string, intervalMs = 100): Progress => {
  if (!sink.enabled) return { status: () => {}, tick: () => {}, done: () => {} };
  const started = sink.now();
  let count = 0;
  let last = 0;
  let shown = false;
  return {
    status: (text) => {
      sink.write(`\r\x1b[2K${label}: ${text}`);
      shown = true;
    },
    tick: (n, total) => {
      count += n;
      const t = sink.now();
      if (t - last < intervalMs) return;
      last = t;
      const secs = Math.max((t - started) / 1000, 0.001);
      const of = total !== undefined ? ` / ${groupDigits(total)}` : "";
      sink.write(
        `\r\x1b[2K${label}: ${groupDigits(count)}${of} (${groupDigits(Math.round(count / secs))}/s)`,
      );
      shown = true;
    },
    done: (summary) => {
      if (shown) sink.write("\r\x1b[2K");
      if (summary !== undefined) sink.write(`${label}: ${summary}\n`);
    },
  };
};
