import { readFileSync } from "node:fs";
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import * as E from "fp-ts/lib/Either.js";
import { match } from "ts-pattern";
import type { LoadedLedger } from "../engine/load-ledger.js";
import { type CliError, internal } from "../errors/cli-error.js";
import type { NumberFormat } from "../output/numbers.js";
import { PACKAGE_ROOT } from "../package-root.js";
import { type AccessPolicy, hostAllowed, presentedToken, TOKEN_COOKIE, tokenMatches } from "./access.js";
import { API_ROUTES } from "./api.js";
import { type ApiAnswer, ledgerMember } from "./api-answer.js";
import type { LedgerSession } from "./ledger-session.js";

/** The page's files (plain HTML, CSS and JavaScript: no build step), read once at start. */
const WEB_DIR = new URL("web/", PACKAGE_ROOT);
const ASSETS: ReadonlyArray<readonly [string, URL, string]> = [
  ["/", new URL("index.html", WEB_DIR), "text/html; charset=utf-8"],
  // The page's modules (app.js imports the others; see its opening comment for what each holds).
  ...[
    "app.js",
    "api.js",
    "controls.js",
    "dom.js",
    "page-state.js",
    "url-state.js",
    "views.js",
    "widgets.js",
  ].map((file) => [`/${file}`, new URL(file, WEB_DIR), "text/javascript; charset=utf-8"] as const),
  ["/app.css", new URL("app.css", WEB_DIR), "text/css; charset=utf-8"],
  // The report's Vietnamese marking, compiled: the page marks its text with the very same rule.
  ["/vi-text.js", new URL("dist/report/vi-text.js", PACKAGE_ROOT), "text/javascript; charset=utf-8"],
];

/**
 * The page may load its own script and style and call its own API, nothing else: no inline script, no
 * other origin (it works offline), no framing (no clickjacking of a figure).
 */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const COMMON_HEADERS = {
  "content-security-policy": CSP,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cross-origin-resource-policy": "same-origin",
  "x-frame-options": "DENY",
} as const;

/** Longest URL the web view answers (its own views' URLs are far shorter); longer ones get a 414. */
const MAX_URL_LENGTH = 8192;

/** The HTTP status of a refusal, by the CLI error's family. */
const httpStatusOf = (e: CliError): number =>
  match(e)
    .with({ _tag: "UsageError" }, () => 400)
    .with({ _tag: "QueryError" }, () => 422)
    .with({ _tag: "FileError" }, () => 503)
    .with({ _tag: "LedgerCorrupt" }, () => 409)
    .with({ _tag: "StoreUnavailable" }, () => 503)
    .with({ _tag: "Conflict" }, () => 409)
    .with({ _tag: "Internal" }, () => 500)
    .exhaustive();

/** The cache key of an answer: the ledger state (events, last hash, chain status) and the sorted query. */
const cacheKey = (url: URL, l: LoadedLedger): string => {
  const q = [...url.searchParams.entries()]
    .filter(([k]) => k !== "token")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([l.identity.events, l.identity.lastHash, l.identity.verified, url.pathname, q]);
};

/** A least-recently-used map of computed answers (a Map keeps insertion order: re-inserting refreshes). */
class AnswerCache {
  private readonly map = new Map<string, E.Right<ApiAnswer>>();
  constructor(private readonly capacity: number) {}
  get(key: string): E.Right<ApiAnswer> | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, v: E.Right<ApiAnswer>): void {
    this.map.delete(key);
    this.map.set(key, v);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as string);
  }
}

/** Options of {@link webServer}. */
export interface WebServerOptions {
  readonly session: LedgerSession;
  readonly numberFormat: NumberFormat;
  /** Who may connect; `port` is filled in once listening. */
  readonly access: Omit<AccessPolicy, "port">;
}

const json = (
  res: ServerResponse,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): void => {
  const text = JSON.stringify(body, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  res.writeHead(status, {
    ...COMMON_HEADERS,
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    ...extra,
  });
  res.end(text);
};

const errorBody = (e: CliError, l: LoadedLedger | undefined): unknown => ({
  ...(l !== undefined ? { ledger: ledgerMember(l) } : {}),
  error: {
    tag: e._tag,
    message: e.message,
    hint: e.hint,
    ...("line" in e && e.line !== undefined ? { line: e.line } : {}),
  },
});

/**
 * The web view's HTTP server (node:http; no framework: seven read-only routes and three files do not
 * need one). Every request is checked first: the Host header (DNS rebinding), then the token when one
 * is set; only GET and HEAD are served. API answers are JSON and name the ledger state they come from;
 * each carries a `Server-Timing` header with the time spent computing it.
 *
 * @example
 * import type { AddressInfo } from "node:net";
 * // A year of Bình Thuận (60) written to a ledger file (525 events).
 * const ctx = makeContext(processIo());
 * await writeLedger("web.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * const session = await openLedgerSession(ctx, "web.jsonl", { verify: true, reindex: false });
 * if (E.isLeft(session)) throw new Error(session.left.message);
 * const server = webServer({ session: session.right, numberFormat: "en", access: { host: "127.0.0.1", allowHosts: [], token: undefined } });
 * await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
 * const { port } = server.address() as AddressInfo;
 * const res = await fetch(`http://127.0.0.1:${port}/api/snapshot?validAt=2022-12-31`);
 * console.log(res.status, res.headers.get("server-timing")); // 200 'open;dur=…, compute;dur=…;desc="computed"'
 * server.closeAllConnections();
 * await new Promise((closed) => server.close(closed));
 */
export const webServer = (o: WebServerOptions): Server => {
  const files = new Map(ASSETS.map(([route, file, type]) => [route, { body: readFileSync(file), type }]));
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) json(res, 500, errorBody(internal(e), undefined));
      else res.destroy();
    });
  });
  // What Node's HTTP parser refuses before any handler runs (request line and headers over its 16 KiB
  // limit, bytes that are not HTTP, a request not sent in time) gets the same error body as the rest;
  // Node alone would answer with a bare status line.
  server.on("clientError", (e: Error & { code?: string }, socket: Duplex) => {
    if (e.code === "ECONNRESET" || socket.destroyed) return;
    const [status, tag, message] =
      e.code === "HPE_HEADER_OVERFLOW"
        ? [431, "HeadersTooLarge", "the URL and headers are over the server's 16 KiB limit"]
        : e.code === "ERR_HTTP_REQUEST_TIMEOUT"
          ? [408, "RequestTimeout", "the request was not sent in time"]
          : [400, "BadRequest", "the request is not valid HTTP"];
    const body = JSON.stringify({
      error: { tag, message, hint: "open the address coop-ledger serve printed" },
    });
    if (socket.writable)
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
    socket.destroy();
  });
  // Answers are pure functions of the ledger state and the query: a view visited again (back button,
  // a figure clicked twice) is served from memory. The key names the state, so a grown ledger misses.
  const answers = new AnswerCache(64);
  const policy = (): AccessPolicy => ({
    ...o.access,
    port: (server.address() as AddressInfo | null)?.port ?? 0,
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const access = policy();
    if (!hostAllowed(req.headers.host, access)) {
      json(res, 421, {
        error: {
          tag: "HostNotAllowed",
          message: `Host ${JSON.stringify(req.headers.host ?? "")} is not this server's name`,
          hint: "open the address coop-ledger serve printed, or start it with --allow-host NAME",
        },
      });
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      json(
        res,
        405,
        {
          error: {
            tag: "MethodNotAllowed",
            message: `${req.method ?? ""}: the web view is read-only`,
            hint: "use GET",
          },
        },
        { allow: "GET, HEAD" },
      );
      return;
    }
    if ((req.url ?? "").length > MAX_URL_LENGTH) {
      json(res, 414, {
        error: {
          tag: "UriTooLong",
          message: `the URL is ${(req.url ?? "").length} characters, over the ${MAX_URL_LENGTH}-character limit`,
          hint: "ask for fewer indicators or a shorter scope",
        },
      });
      return;
    }
    const url = new URL(req.url ?? "/", "http://server.invalid");
    if (access.token !== undefined) {
      const presented = presentedToken(req.headers, url.searchParams);
      if (!tokenMatches(presented, access.token)) {
        json(res, 401, {
          error: {
            tag: "TokenRequired",
            message: "this server requires its token",
            hint: "open the URL with ?token=… that coop-ledger serve printed",
          },
        });
        return;
      }
      if (url.searchParams.has("token") && url.pathname === "/") {
        // Keep the token out of the address bar, history and shared links: a cookie carries it from now on.
        url.searchParams.delete("token");
        res.writeHead(303, {
          ...COMMON_HEADERS,
          location: `/${url.search}`,
          "set-cookie": `${TOKEN_COOKIE}=${encodeURIComponent(access.token)}; HttpOnly; SameSite=Strict; Path=/`,
        });
        res.end();
        return;
      }
    }
    const file = files.get(url.pathname);
    if (file !== undefined) {
      res.writeHead(200, { ...COMMON_HEADERS, "content-type": file.type, "cache-control": "no-cache" });
      res.end(req.method === "HEAD" ? undefined : file.body);
      return;
    }
    const handler = API_ROUTES.get(url.pathname);
    if (handler === undefined) {
      json(res, 404, {
        error: { tag: "NotFound", message: `${url.pathname}: no such page`, hint: "open /" },
      });
      return;
    }
    const t0 = performance.now();
    const ledger = await o.session.current();
    if (E.isLeft(ledger)) {
      json(res, httpStatusOf(ledger.left), errorBody(ledger.left, undefined));
      return;
    }
    const t1 = performance.now();
    const key = cacheKey(url, ledger.right);
    const cached = answers.get(key);
    const a = cached ?? handler(ledger.right, url.searchParams, o.numberFormat);
    if (E.isRight(a)) answers.set(key, a);
    const t2 = performance.now();
    const timing = {
      "server-timing": `open;dur=${(t1 - t0).toFixed(1)}, compute;dur=${(t2 - t1).toFixed(1)};desc="${cached !== undefined ? "cached" : "computed"}"`,
    };
    if (E.isLeft(a)) json(res, httpStatusOf(a.left), errorBody(a.left, ledger.right), timing);
    else json(res, 200, a.right, timing);
  };
  return server;
};
