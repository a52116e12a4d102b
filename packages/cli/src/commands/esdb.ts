import { existsSync, statSync } from "node:fs";
import type { RecordedEvent, StreamId } from "@coop-ledger/domain";
import { type NewEvent, readLedgerChunks } from "@coop-ledger/store";
import type { EsdbStore } from "@coop-ledger/store-esdb";
import * as E from "fp-ts/lib/Either.js";
import type { CliContext } from "../context.js";
import { fromLedgerIssue } from "../engine/ledger-issue.js";
import { fromStoreError } from "../engine/store-error.js";
import { type EventToWrite, writeLedger } from "../engine/write-ledger.js";
import type { CliError } from "../errors/cli-error.js";
import type { CliOutput } from "../output/data-table.js";
import { groupDigits } from "../output/numbers.js";

/**
 * Loads `@coop-ledger/store-esdb` (an optional dependency of the CLI) only for the commands that talk
 * to EventStoreDB / KurrentDB, so the ledger-file commands never load gRPC. Missing: a
 * `StoreUnavailable` error (exit 6) saying what to install.
 *
 * @example const m = await loadStoreEsdb(); // Right(module) when the package is installed
 */
export const loadStoreEsdb = async (): Promise<
  E.Either<CliError, typeof import("@coop-ledger/store-esdb")>
> => {
  try {
    return E.right(await import("@coop-ledger/store-esdb"));
  } catch (cause) {
    const code = (cause as { code?: unknown }).code;
    if (code !== "ERR_MODULE_NOT_FOUND" && code !== "MODULE_NOT_FOUND") throw cause;
    return E.left({
      _tag: "StoreUnavailable",
      message:
        "the EventStoreDB adapter @coop-ledger/store-esdb is not installed (an optional dependency of the CLI)",
      hint: "npm install @coop-ledger/store-esdb and one client: @kurrent/kurrentdb-client or @eventstore/db-client",
    });
  }
};

/**
 * Connects to EventStoreDB / KurrentDB: the connection string from `--esdb`, credentials from it or
 * from `ESDB_USERNAME` / `ESDB_PASSWORD` (kept out of every message: the store-esdb package redacts
 * them), the client package from `ESDB_CLIENT` or else the scheme (`kurrentdb://` → Kurrent's client,
 * `esdb://` → `@eventstore/db-client`, whichever is installed otherwise).
 */
const connect = async (ctx: CliContext, url: string): Promise<E.Either<CliError, EsdbStore>> => {
  const loaded = await loadStoreEsdb();
  if (E.isLeft(loaded)) return loaded;
  const { connectionSettings, createEsdbClient, isClientPackage, makeEsdbStore } = loaded.right;
  const settings = connectionSettings(url, {
    username: ctx.io.env.ESDB_USERNAME,
    password: ctx.io.env.ESDB_PASSWORD,
  });
  if (E.isLeft(settings)) return E.left(fromStoreError(settings.left, "esdb"));
  const chosen = ctx.io.env.ESDB_CLIENT;
  if (chosen !== undefined && chosen !== "" && !isClientPackage(chosen))
    return E.left(
      fromStoreError(
        {
          _tag: "StoreUnavailable",
          message: `ESDB_CLIENT must be @eventstore/db-client or @kurrent/kurrentdb-client, not ${JSON.stringify(chosen.slice(0, 60))}`,
        },
        "esdb",
      ),
    );
  const client = createEsdbClient(chosen ? { ...settings.right, client: chosen } : settings.right);
  if (E.isLeft(client)) return E.left(fromStoreError(client.left, "esdb"));
  const secrets =
    settings.right.credentials?.password !== undefined ? [settings.right.credentials.password] : [];
  return E.right(
    makeEsdbStore(client.right, {
      ...(settings.right.credentials !== undefined ? { credentials: settings.right.credentials } : {}),
      secrets,
    }),
  );
};

const summary = (title: string, rows: ReadonlyArray<readonly [string, string]>) => ({
  title,
  columns: [
    { key: "k", header: "what" },
    { key: "v", header: "value" },
  ],
  rows: rows.map(([k, v]) => ({ k, v })),
});

/**
 * `coop-ledger import --esdb URL --out FILE [--force]`: reads `$all` (our events only, in global order)
 * and writes a new hash-chained ledger file, keeping every event id and metadata. An existing `FILE` is
 * refused (exit 3) unless `--force`, which replaces it atomically under its writer lock (exit 7 while a
 * writer holds it) and only with a complete import (a failed read leaves it untouched).
 *
 * @example
 * // Every event of a KurrentDB / EventStoreDB server (ESDB_URL, e.g. esdb://localhost:2113?tls=false),
 * // in its $all order, into a new ledger file.
 * const ctx = makeContext(processIo());
 * const esdb = process.env.ESDB_URL ?? "esdb://localhost:2113?tls=false";
 * const r = await runImport(ctx, { esdb, out: "copy.jsonl" });
 * if (E.isRight(r)) console.log(r.right.json); // { out: "copy.jsonl", events: …, streams: …, lastHash: …, bytes: … }
 * else console.log(r.left._tag); // "StoreUnavailable" (exit 6) when no server listens
 */
export const runImport = async (
  ctx: CliContext,
  o: { readonly esdb: string; readonly out: string; readonly force?: boolean },
): Promise<E.Either<CliError, CliOutput>> => {
  if (existsSync(o.out) && o.force !== true)
    return E.left({
      _tag: "FileError",
      path: o.out,
      message: `${o.out}: file already exists`,
      hint: "import writes a new ledger: choose another --out path, or add --force to replace it (refused while a writer holds it)",
    });
  if (existsSync(o.out) && !statSync(o.out).isFile())
    return E.left({
      _tag: "FileError",
      path: o.out,
      message: `${o.out}: not a regular file`,
      hint: "give --out a file path",
    });
  const store = await connect(ctx, o.esdb);
  if (E.isLeft(store)) return store;
  const esdb = store.right;
  let failure: CliError | undefined;
  async function* events(): AsyncGenerator<EventToWrite> {
    let after: number | undefined;
    for (;;) {
      const page = await esdb.readAll(after === undefined ? { maxCount: 4096 } : { after, maxCount: 4096 })();
      if (E.isLeft(page)) {
        failure = fromStoreError(page.left, "esdb");
        return;
      }
      for (const e of page.right.events)
        yield { streamId: e.streamId, eventId: e.eventId, event: e.event, metadata: e.metadata };
      if (page.right.isEnd || page.right.lastPosition === undefined) return;
      after = page.right.lastPosition;
    }
  }
  const progress = ctx.progress("importing from EventStoreDB");
  // With --force, writeLedger takes the existing ledger's writer lock (a ledger a service is writing is
  // refused, exit 7) and renames the new file over it only once every event is written; a read that
  // fails part-way abandons the new file and leaves the existing ledger as it was.
  const r = await writeLedger(o.out, events(), progress, { abandon: () => failure });
  progress.done();
  await store.right.close();
  if (E.isLeft(r)) return r;
  return E.right({
    json: { out: o.out, ...r.right },
    tables: [
      summary(`Imported into ${o.out}`, [
        ["events (sự kiện)", groupDigits(r.right.events)],
        ["streams", groupDigits(r.right.streams)],
        ["last hash (anchor)", r.right.lastHash],
      ]),
    ],
  });
};

/**
 * `coop-ledger export --ledger FILE --esdb URL`: appends every event of the ledger to EventStoreDB,
 * stream by stream with the expected revision each event had in the file and its deterministic id, so a
 * re-run (after a failure half-way) writes only what is missing.
 *
 * @example
 * // A year of Bình Thuận (60) written to a ledger file (525 events).
 * const ctx = makeContext(processIo());
 * await writeLedger("export.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * // Its events appended, stream by stream, to the KurrentDB / EventStoreDB server ESDB_URL names.
 * const esdb = process.env.ESDB_URL ?? "esdb://localhost:2113?tls=false";
 * const r = await runExport(ctx, { ledger: "export.jsonl", esdb });
 * if (E.isRight(r)) console.log(r.right.json); // { ledger: "export.jsonl", events: 525, written: 525 } (0 written on a re-run)
 * else console.log(r.left._tag); // "StoreUnavailable" (exit 6) when no server listens
 */
export const runExport = async (
  ctx: CliContext,
  o: { readonly ledger: string; readonly esdb: string },
): Promise<E.Either<CliError, CliOutput>> => {
  const store = await connect(ctx, o.esdb);
  if (E.isLeft(store)) return store;
  const progress = ctx.progress("exporting to EventStoreDB");
  let events = 0;
  let written = 0;
  let batch: RecordedEvent[] = [];
  const flush = async (): Promise<E.Either<CliError, void>> => {
    const first = batch[0];
    if (first === undefined) return E.right(undefined);
    const news: NewEvent[] = batch.map((e) => ({ eventId: e.eventId, event: e.event, metadata: e.metadata }));
    const r = await store.right.append(first.streamId as StreamId, news, {
      expectedRevision: first.revision === 0 ? "noStream" : first.revision - 1,
    })();
    if (E.isLeft(r)) return E.left(fromStoreError(r.left, "esdb"));
    if (r.right.written) written += batch.length;
    progress.tick(batch.length);
    batch = [];
    return E.right(undefined);
  };
  const done = async (x: E.Either<CliError, CliOutput>) => {
    progress.done();
    await store.right.close();
    return x;
  };
  for await (const chunk of readLedgerChunks(o.ledger)) {
    for (const r of chunk) {
      if (E.isLeft(r)) return done(E.left(fromLedgerIssue(o.ledger, r.left)));
      const e = r.right;
      if (batch.length > 0 && (batch[0]!.streamId !== e.streamId || batch.length >= 500)) {
        const f = await flush();
        if (E.isLeft(f)) return done(f);
      }
      batch.push(e);
      events++;
    }
  }
  const f = await flush();
  if (E.isLeft(f)) return done(f);
  return done(
    E.right({
      json: { ledger: o.ledger, events, written },
      tables: [
        summary(`Exported ${o.ledger} to EventStoreDB`, [
          ["events read", groupDigits(events)],
          ["events written", groupDigits(written)],
          ["already there (idempotent repeats)", groupDigits(events - written)],
        ]),
      ],
    }),
  );
};
