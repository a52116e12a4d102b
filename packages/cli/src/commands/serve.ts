import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as E from "fp-ts/lib/Either.js";
import type { CliContext } from "../context.js";
import { identityLine, type LedgerIdentity } from "../engine/ledger-identity.js";
import { type CliError, usage } from "../errors/cli-error.js";
import type { VerifySwitch } from "../options/common.js";
import type { CliOutput } from "../output/data-table.js";
import { isLoopback } from "../serve/access.js";
import { openLedgerSession } from "../serve/ledger-session.js";
import { webServer } from "../serve/server.js";
import { warmUp } from "../serve/warm-up.js";

/** Options of `coop-ledger serve`. */
export interface ServeOptions extends VerifySwitch {
  readonly ledger: string;
  readonly host: string;
  readonly port: string;
  readonly token?: string;
  readonly allowHost?: ReadonlyArray<string>;
}

/** A running web view. */
export interface RunningServe {
  /** The address to open (with `?token=…` when a token is set). */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** The ledger state opened at start (the page shows the current one with every answer). */
  readonly identity: LedgerIdentity;
  /**
   * Resolves when the ledger opened at start is warmed (what the page's first questions read, read
   * ahead while idle: see `warmUp`), or the warm-up stopped (ledger reopened, server closed).
   */
  readonly warmed: Promise<void>;
  readonly close: () => Promise<void>;
}

/**
 * Checks the options and starts the web view (see {@link runServe}); resolves once it listens.
 * @example
 * // A year of Bình Thuận (60) written to a ledger file (525 events).
 * const ctx = makeContext(processIo());
 * await writeLedger("start-serve.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * const s = await startServe(ctx, { ledger: "start-serve.jsonl", host: "127.0.0.1", port: "0" });
 * if (E.isLeft(s)) throw new Error(s.left.message);
 * const meta = (await (await fetch(new URL("/api/meta", s.right.url))).json()) as { result: { events: number } };
 * console.log(s.right.url, meta.result.events); // http://127.0.0.1:<free port>/ 525
 * await s.right.close();
 */
export const startServe = async (
  ctx: CliContext,
  o: ServeOptions,
): Promise<E.Either<CliError, RunningServe>> => {
  const port = Number(o.port);
  if (!Number.isSafeInteger(port) || port < 0 || port > 65535)
    return E.left(usage(`--port: not a port number: ${o.port}`, "use 0–65535 (0: any free port)"));
  const token = o.token ?? ctx.io.env.COOP_LEDGER_TOKEN;
  if (token !== undefined && token.length < 16)
    return E.left(
      usage("--token: too short (16 characters at least)", "e.g. --token $(openssl rand -hex 16)"),
    );
  if (!isLoopback(o.host) && token === undefined)
    return E.left(
      usage(
        `--host ${o.host} exposes the ledger's figures to the network: a token is required`,
        "give --token SECRET (or $COOP_LEDGER_TOKEN) and share the printed URL only with the auditors; see docs/web-view.md",
      ),
    );
  const session = await openLedgerSession(ctx, o.ledger, {
    verify: o.verify !== false,
    reindex: o.reindex === true,
  });
  if (E.isLeft(session)) return session;
  const opened = await session.right.current();
  if (E.isLeft(opened)) return opened;
  const server = webServer({
    session: session.right,
    numberFormat: ctx.numberFormat,
    access: { host: o.host, allowHosts: o.allowHost ?? [], token },
  });
  const listening = await new Promise<E.Either<CliError, number>>((resolve) => {
    server.once("error", (e: NodeJS.ErrnoException) =>
      resolve(
        E.left(
          usage(
            `cannot listen on ${o.host}:${port}: ${e.code ?? e.message}`,
            e.code === "EADDRINUSE" ? "choose another --port (0 picks a free one)" : "check --host",
          ),
        ),
      ),
    );
    server.listen(port, o.host, () => resolve(E.right((server.address() as AddressInfo).port)));
  });
  if (E.isLeft(listening)) return listening;
  let closing = false;
  const opens = session.right.opens();
  const warmed = warmUp(opened.right, () => closing || session.right.opens() !== opens);
  const hostInUrl = o.host.includes(":") ? `[${o.host}]` : o.host;
  return E.right({
    url: `http://${hostInUrl}:${listening.right}/${token !== undefined ? `?token=${encodeURIComponent(token)}` : ""}`,
    port: listening.right,
    server,
    identity: opened.right.identity,
    warmed,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
};

/** Resolves on the first SIGINT or SIGTERM (Ctrl+C, a service manager stopping the server). */
const untilStopped = (): Promise<string> =>
  new Promise((resolve) => {
    const stop = (signal: string) => () => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      resolve(signal);
    };
    const onInt = stop("SIGINT");
    const onTerm = stop("SIGTERM");
    process.once("SIGINT", onInt);
    process.once("SIGTERM", onTerm);
  });

/**
 * `coop-ledger serve --ledger FILE [--host H] [--port N] [--token T]`: a local, read-only web view of
 * the ledger (figures at a date as known at an instant, provenance, restatements, targets), answered
 * from the ledger opened once through the CLI's load path. Runs until Ctrl+C.
 *
 * @example
 * // A year of Bình Thuận (60) written to a ledger file (525 events).
 * const ctx = makeContext(processIo());
 * await writeLedger("serve.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * // Served until the promise given settles (by default Ctrl+C or SIGTERM); here, at once.
 * const r = await runServe(ctx, { ledger: "serve.jsonl", host: "127.0.0.1", port: "0" }, async () => "done");
 * console.log(E.isRight(r) && r.right.notes); // ["stopped (done)"]
 */
export const runServe = async (
  ctx: CliContext,
  o: ServeOptions,
  stopped: () => Promise<string> = untilStopped,
): Promise<E.Either<CliError, CliOutput>> => {
  const s = await startServe(ctx, o);
  if (E.isLeft(s)) return s;
  ctx.io.stdout(
    `coop-ledger serve: open ${s.right.url}\n${identityLine(s.right.identity)}\n(read-only; Ctrl+C stops it)\n`,
  );
  const signal = await stopped();
  await s.right.close();
  return E.right({ json: { stopped: signal }, tables: [], notes: [`stopped (${signal})`] });
};
