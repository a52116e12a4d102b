import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import {
  type Command,
  type DomainError,
  defaultDomainConfig,
  formatValidationErrors,
  type Instant,
  makeLedgerDecider,
  shippedGeography,
  streamOf,
} from "@coop-ledger/domain";
import { ProjectionIndex, snapshot } from "@coop-ledger/projections";
import {
  type EventStore,
  type FileLedger,
  type HandlerError,
  makeCommandHandler,
  openFileLedger,
  type StoreError,
} from "@coop-ledger/store";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import * as E from "fp-ts/lib/Either.js";
import { match } from "ts-pattern";
import { type ApiError, statusOf } from "./api-error.js";
import { bearerMatches } from "./auth.js";
import { CommandBody } from "./envelope.js";
import { implausibleFields } from "./plausible.js";

/** How to run the service. */
export interface AppOptions {
  /** The file ledger (created if missing); the service holds its write lock while it runs. */
  readonly ledgerPath: string;
  /** The bearer token writes must present (from the environment in `main.ts`). */
  readonly token: string;
  /** The transaction-time clock (default: the system clock). */
  readonly clock?: () => Instant;
  /** Largest request body in bytes (default 64 KiB); larger bodies get a 413 `PayloadTooLarge`. */
  readonly bodyLimit?: number;
  /** Retries of a write after a concurrent change to the same stream before a 409 (default 8, with jittered back-off). */
  readonly maxRetries?: number;
  /** Wraps the store (tests use it to force interleavings). */
  readonly wrapStore?: (store: EventStore) => EventStore;
  readonly logger?: boolean;
  /** How long `close` waits for open requests before it cuts the remaining connections (default 4 s). */
  readonly drainMs?: number;
}

/** A running service. */
export interface App {
  readonly server: FastifyInstance;
  readonly ledger: FileLedger;
  /** Stops the server and releases the ledger's lock. */
  readonly close: () => Promise<void>;
}

/**
 * Absolute file paths never leave the service (store messages name the ledger's file): each is replaced
 * by its last component.
 */
const redactPaths = (text: string): string =>
  text.replace(/(?:[A-Za-z]:)?(?:[\\/][^\s\\/:'"`,;()]+){2,}/g, (p) => `…/${p.split(/[\\/]/).pop() ?? ""}`);

const send = (reply: FastifyReply, e: ApiError): FastifyReply =>
  reply.code(statusOf(e)).send({ error: { ...e, message: redactPaths(e.message) } });

/**
 * Refusals Node's HTTP parser makes before any route runs (an over-long request line or headers, bytes
 * that are not HTTP, a request not sent in time), written on the socket in the same error body as every
 * other status; Fastify's default would answer in its own shape.
 */
const clientError = (error: Error & { code?: string }, socket: Socket): void => {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const e: ApiError =
    error.code === "HPE_HEADER_OVERFLOW"
      ? { _tag: "HeadersTooLarge", message: "the URL and headers are over the server's size limit (16 KiB)" }
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? { _tag: "BadRequest", timeout: true, message: "the request was not sent in time" }
        : { _tag: "BadRequest", timeout: false, message: "the request is not valid HTTP" };
  const body = JSON.stringify({ error: e });
  const status = statusOf(e);
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy();
};

const fromStore = (e: StoreError): ApiError =>
  match(e)
    .with(
      { _tag: "WrongExpectedRevision" },
      (x): ApiError => ({
        _tag: "ConcurrencyConflict",
        streamId: x.streamId,
        message: x.message,
      }),
    )
    .with(
      { _tag: "LedgerLocked" },
      { _tag: "StoreUnavailable" },
      { _tag: "StoreClosed" },
      // A file ledger never denies access; a store that does (EventStoreDB) cannot serve the request.
      { _tag: "AccessDenied" },
      // EventStoreDB only: a follower answered, or the call timed out (an append's outcome unknown).
      { _tag: "NotLeader" },
      { _tag: "DeadlineExceeded" },
      (x): ApiError => ({
        _tag: "StoreUnavailable",
        message: x.message,
      }),
    )
    .with(
      { _tag: "CorruptLedger" },
      { _tag: "UndecodableEvent" },
      { _tag: "InvalidAppend" },
      { _tag: "StreamDeleted" },
      // The file was truncated or replaced underneath the service: nothing more is written; /health says so.
      { _tag: "LedgerChanged" },
      (x): ApiError => ({
        _tag: "Internal",
        message: x.message,
      }),
    )
    .exhaustive();

const fromHandler = (e: HandlerError<DomainError>): ApiError =>
  match(e)
    .with(
      { _tag: "Rejected" },
      (x): ApiError => ({
        _tag: "RuleViolated",
        rule: x.error._tag,
        message: (x.error as { message?: string }).message ?? x.message,
      }),
    )
    .with(
      { _tag: "Conflict" },
      (x): ApiError => ({
        _tag: "ConcurrencyConflict",
        streamId: x.streamId,
        message: `${x.message}: another write to ${x.streamId} won; re-read and retry with the same commandId`,
      }),
    )
    .with(
      { _tag: "CommandIdReused" },
      (x): ApiError => ({
        _tag: "CommandIdReused",
        commandId: x.commandId,
        usedOn: x.usedOn,
        reason: x.reason,
        message: x.message,
      }),
    )
    .with({ _tag: "StoreFailed" }, (x) => fromStore(x.error))
    .exhaustive();

/**
 * Builds the service: opens the file ledger (taking its write lock), wires the domain's decider into
 * the store's command handler, and keeps a projection index that catches up from the ledger before
 * every read, so a snapshot always reflects every acknowledged write.
 *
 * Routes: `GET /health`; `POST /commands` (any command; bearer token); `POST /coops` (found a co-op;
 * bearer token); `GET /snapshot?validAt=…&knownAt=…&province=…`; `GET /streams/:streamId`.
 *
 * @example const app = await buildApp({ ledgerPath: "ledger.jsonl", token: process.env.COOP_LEDGER_TOKEN! });
 */
export const buildApp = async (options: AppOptions): Promise<E.Either<ApiError, App>> => {
  if (options.token.length < 16)
    return E.left({ _tag: "Internal", message: "the bearer token must be at least 16 characters" });
  const opened = await openFileLedger(options.ledgerPath, { create: true })();
  if (E.isLeft(opened)) return E.left(fromStore(opened.left));
  const ledger = opened.right;
  const store = options.wrapStore?.(ledger) ?? ledger;
  const clock = options.clock ?? (() => new Date().toISOString() as Instant);
  const handler = makeCommandHandler<Command, unknown, DomainError>({
    store,
    // District and commune codes are checked against the gazetteer shipped in the domain (without
    // the lists the decider checks province codes only).
    decider: makeLedgerDecider(defaultDomainConfig, { geography: shippedGeography() }) as never,
    streamOf,
    clock,
    maxRetries: options.maxRetries ?? 8,
  });

  // The read model: fed from the ledger's global log; `catchUp` is serialised so concurrent reads
  // never feed the same page twice (the index would ignore a repeat anyway: ids are checked).
  const index = new ProjectionIndex();
  let after: number | undefined;
  let chain: Promise<E.Either<StoreError, void>> = Promise.resolve(E.right(undefined));
  const catchUp = (): Promise<E.Either<StoreError, void>> => {
    chain = chain.then(async () => {
      for (;;) {
        const page = await ledger.readAll(after === undefined ? {} : { after })();
        if (E.isLeft(page)) return page;
        for (const e of page.right.events) index.add(e);
        if (page.right.lastPosition !== undefined) after = page.right.lastPosition;
        if (page.right.isEnd || page.right.events.length === 0) return E.right(undefined);
      }
    });
    return chain;
  };

  const server = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    // Idle keep-alive connections are closed when the server closes (requests in flight finish).
    forceCloseConnections: "idle",
    // While draining, a request on a connection still open is refused by the hook below, in the one
    // error body shape; Fastify's own 503 would answer {error, message, statusCode}.
    return503OnClosing: false,
    clientErrorHandler: clientError,
    // The router's own refusals (an over-long path parameter, a malformed URL) in the one error shape.
    frameworkErrors: (error, _request, reply) =>
      error.code === "FST_ERR_MAX_PARAM_LENGTH"
        ? send(reply, { _tag: "UriTooLong", message: "a path parameter is over the 100-character limit" })
        : send(reply, { _tag: "InvalidQuery", message: "the URL is not valid (bad percent-encoding?)" }),
  });
  // Bodies are JSON only: without this Fastify would hand a text/plain body to the route as a string,
  // and the client would read "not a valid command" instead of the content-type reason.
  server.removeContentTypeParser("text/plain");

  // Unknown routes answer with the same error body as every other status.
  server.setNotFoundHandler((request, reply) =>
    send(reply, { _tag: "NotFound", message: `no route ${request.method} for this path` }),
  );

  // Draining (close() was called): refuse before anything else runs, and end the connection after.
  let closing = false;
  server.addHook("onRequest", async (_request, reply) => {
    if (!closing) return;
    reply.header("connection", "close");
    return send(reply, {
      _tag: "ShuttingDown",
      message: "the service is shutting down; retry once it is back, or on another instance",
    });
  });

  // Writes need the bearer token, checked before the body is read or parsed.
  server.addHook("onRequest", async (request, reply) => {
    if (request.method === "GET" || request.method === "HEAD") return;
    if (!bearerMatches(request.headers.authorization, options.token))
      return send(reply, {
        _tag: "Unauthorized",
        message: "writes need the header Authorization: Bearer <token>",
      });
  });

  // Body and framework errors as typed errors: 413 over the size limit, 414 for an over-long URL
  // parameter, 400 for what is not JSON; anything else is a 500 without its details (no stack traces).
  server.setErrorHandler(
    (error: { code?: string; message: string; statusCode?: number }, _request, reply) => {
      const code = error.code ?? "";
      if (code === "FST_ERR_CTP_BODY_TOO_LARGE" || error.statusCode === 413)
        return send(reply, {
          _tag: "PayloadTooLarge",
          limit: options.bodyLimit ?? 64 * 1024,
          message: `the body is over the ${options.bodyLimit ?? 64 * 1024}-byte limit`,
        });
      if (error.statusCode === 414)
        return send(reply, { _tag: "UriTooLong", message: "the URL is too long" });
      if (code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" || error.statusCode === 415)
        return send(reply, {
          _tag: "MalformedBody",
          reason: "contentType",
          message: "send the body as application/json",
        });
      if (code.startsWith("FST_ERR_CTP") || error instanceof SyntaxError || error.statusCode === 400)
        return send(reply, {
          _tag: "MalformedBody",
          reason: "notJson",
          message: `the body is not valid JSON: ${error.message}`,
        });
      return send(reply, { _tag: "Internal", message: "unexpected failure" });
    },
  );

  // Unhealthy (503) when the ledger's file was truncated, replaced or removed underneath the service:
  // the writer then refuses every write. The body names the kind of failure, never the file's path.
  server.get("/health", async (_request, reply) => {
    const h = await ledger.health();
    const c = await catchUp();
    const ok = E.isRight(h) && E.isRight(c);
    const problem = E.isLeft(h) ? h.left : E.isLeft(c) ? c.left : undefined;
    return reply.code(ok ? 200 : 503).send({
      ok,
      events: index.size,
      ...(problem !== undefined ? { problem: problem._tag } : {}),
      ...(problem?._tag === "LedgerChanged" ? { change: problem.change } : {}),
    });
  });

  const handle = async (body: unknown, reply: FastifyReply) => {
    const decoded = CommandBody.decode(body);
    if (E.isLeft(decoded))
      return send(reply, {
        _tag: "InvalidCommand",
        problems: formatValidationErrors(decoded.left).slice(0, 20),
        message: "the body is not a valid command envelope { commandId, command: { type, data }, metadata? }",
      });
    const { commandId, command, metadata } = decoded.right;
    const implausible = implausibleFields(command.data);
    if (implausible.length > 0)
      return send(reply, {
        _tag: "InvalidCommand",
        problems: implausible.slice(0, 20),
        message: "numbers out of any plausible range",
      });
    const r = await handler.handle({ commandId, command, ...(metadata !== undefined ? { metadata } : {}) })();
    if (E.isLeft(r)) return send(reply, fromHandler(r.left));
    return reply.code(r.right.alreadyHandled ? 200 : 201).send({
      streamId: r.right.streamId,
      eventIds: r.right.eventIds,
      events: r.right.events.map((e) => e.type),
      revision: r.right.nextExpectedRevision,
      position: r.right.lastPosition ?? null,
      alreadyHandled: r.right.alreadyHandled,
    });
  };

  server.post("/commands", async (request, reply) => handle(request.body, reply));

  // A convenience for the common write: found a co-op from its data alone.
  server.post("/coops", async (request, reply) => {
    const body = request.body as { commandId?: unknown; data?: unknown; metadata?: unknown } | null;
    return handle(
      {
        commandId: body?.commandId,
        command: { type: "FoundCoop", data: body?.data },
        metadata: body?.metadata,
      },
      reply,
    );
  });

  server.get("/snapshot", async (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    const c = await catchUp();
    if (E.isLeft(c)) return send(reply, fromStore(c.left));
    const input = {
      validAt: q.validAt ?? "",
      ...(q.knownAt !== undefined ? { knownAt: q.knownAt } : {}),
      scope: {
        ...(q.province !== undefined ? { province: q.province } : {}),
        ...(q.district !== undefined ? { district: q.district } : {}),
        ...(q.sector !== undefined ? { sector: q.sector } : {}),
        ...(q.form !== undefined ? { form: q.form } : {}),
      },
      ...(q.geography !== undefined ? { geography: q.geography } : {}),
      ...(q.indicators !== undefined ? { indicators: q.indicators.split(",") } : {}),
    };
    const s = snapshot(index, input);
    if (E.isLeft(s)) return send(reply, { _tag: "InvalidQuery", message: s.left.message });
    return s.right;
  });

  server.get("/streams/:streamId", async (request, reply) => {
    const { streamId } = request.params as { streamId: string };
    const r = await ledger.readStream(streamId as never)();
    if (E.isLeft(r)) return send(reply, fromStore(r.left));
    if (r.right.length === 0) return send(reply, { _tag: "NotFound", message: `no stream ${streamId}` });
    return { streamId, events: r.right };
  });

  return E.right({
    server,
    ledger,
    close: async () => {
      // Drain: stop accepting, let requests in flight finish, cut what is left after `drainMs`, and
      // release the writer lock in every case (a SIGTERM must not hold the ledger).
      closing = true;
      const cut = setTimeout(() => server.server.closeAllConnections(), options.drainMs ?? 4000);
      try {
        await server.close();
      } finally {
        clearTimeout(cut);
        await ledger.close();
      }
    },
  });
};
