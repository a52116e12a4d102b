import type { StoreError } from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import { type ClientPackage, isClientPackage } from "./client-package.js";
import type { EsdbClient, EsdbCredentials, EsdbReadCalls } from "./esdb-client.js";
import { type EventStoreDbClientShape, eventStoreDbClient } from "./eventstore-binding.js";
import { type KurrentDbClientShape, kurrentDbClient } from "./kurrent-binding.js";
import { loadClientPackage } from "./load-client-package.js";
import { redactConnectionString, redactSecrets } from "./redact.js";

/** Where and as whom to connect, and with which client package. */
export interface EsdbConnectionSettings {
  /** The connection string WITHOUT credentials (they were moved to `credentials`). */
  readonly url: string;
  readonly credentials?: EsdbCredentials;
  /**
   * Which client to load. Absent: by the scheme (`kurrentdb://` → `@kurrent/kurrentdb-client`,
   * `esdb://` → `@eventstore/db-client`), falling back to the other one when that one is not installed.
   */
  readonly client?: ClientPackage;
}

/**
 * Splits a connection string into a credential-free string and the credentials. The client logs the
 * connection string it is given (with `DEBUG=esdb:*`), so it must never see the password: the adapter
 * sends the credentials with each call instead (`makeEsdbStore`'s `credentials`).
 * `username` / `password` given apart win over those in the string.
 *
 * @example
 * connectionSettings("esdb://admin:changeit@db:2113?tls=true")
 * // Right({ url: "esdb://db:2113?tls=true", credentials: { username: "admin", password: "changeit" } })
 */
export const connectionSettings = (
  connectionString: string,
  credentials?: { readonly username?: string | undefined; readonly password?: string | undefined },
): E.Either<StoreError, EsdbConnectionSettings> => {
  const m = /^([a-z+]+:\/\/)(?:([^:@/]*)(?::([^@/]*))?@)?(.*)$/i.exec(connectionString.trim());
  if (
    m === null ||
    !/^(esdb|kurrentdb|kurrent|kdb)(\+discover)?:\/\/$/i.test(m[1] ?? "") ||
    (m[4] ?? "").length === 0
  ) {
    return E.left({
      _tag: "StoreUnavailable",
      message: `not an EventStoreDB connection string (esdb://host:port?... or esdb+discover://...): ${redactConnectionString(connectionString).slice(0, 200)}`,
    });
  }
  const decode = (s: string | undefined): string | undefined => {
    if (s === undefined || s === "") return undefined;
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  const username = credentials?.username ?? decode(m[2]);
  const password = credentials?.password ?? decode(m[3]);
  const url = `${m[1]}${m[4]}`;
  if (username !== undefined && password !== undefined)
    return E.right({ url, credentials: { username, password } });
  if (username !== undefined || password !== undefined) {
    return E.left({
      _tag: "StoreUnavailable",
      message:
        "EventStoreDB credentials need both a user name and a password (ESDB_USERNAME and ESDB_PASSWORD)",
    });
  }
  return E.right({ url });
};

/**
 * Reads the connection from the environment: `ESDB_URL` (required), optional `ESDB_USERNAME` and
 * `ESDB_PASSWORD` (which win over credentials inside `ESDB_URL`), optional `ESDB_CLIENT` (the client
 * package: `@eventstore/db-client` or `@kurrent/kurrentdb-client`).
 *
 * @example esdbSettingsFromEnv({ ESDB_URL: "esdb://localhost:2113?tls=false" }) // Right({ url: "esdb://localhost:2113?tls=false" })
 */
export const esdbSettingsFromEnv = (
  env: Readonly<Record<string, string | undefined>>,
  variable = "ESDB_URL",
): E.Either<StoreError, EsdbConnectionSettings> => {
  const url = env[variable];
  if (url === undefined || url.trim() === "") {
    return E.left({
      _tag: "StoreUnavailable",
      message: `${variable} is not set (e.g. esdb://localhost:2113?tls=false)`,
    });
  }
  const client = env.ESDB_CLIENT;
  if (client !== undefined && client !== "" && !isClientPackage(client)) {
    return E.left({
      _tag: "StoreUnavailable",
      message: `ESDB_CLIENT must be @eventstore/db-client or @kurrent/kurrentdb-client, not ${JSON.stringify(client.slice(0, 60))}`,
    });
  }
  return E.map((s: EsdbConnectionSettings) => (client ? { ...s, client } : s))(
    connectionSettings(url, { username: env.ESDB_USERNAME, password: env.ESDB_PASSWORD }),
  );
};

const isKurrentScheme = (url: string): boolean => /^(kurrentdb|kurrent|kdb)(\+discover)?:\/\//i.test(url);

/** The connection string in the scheme the chosen client expects (the rest unchanged). */
const forClient = (pkg: ClientPackage, url: string): string =>
  pkg === "@eventstore/db-client"
    ? url.replace(/^(kurrentdb|kurrent|kdb)(\+discover)?:\/\//i, "esdb$2://")
    : url.replace(/^esdb(\+discover)?:\/\//i, "kurrentdb$1://");

/**
 * Loads the chosen client package (see {@link EsdbConnectionSettings.client}; nothing is imported
 * before this call) and creates its client from settings, bound for the adapter. No network traffic
 * yet: the client connects on its first call. A missing package or a malformed string is an error
 * whose message holds no password.
 *
 * @example
 * const settings = esdbSettingsFromEnv(process.env);
 * if (E.isRight(settings)) { const client = createEsdbClient(settings.right); }
 */
export const createEsdbClient = (settings: EsdbConnectionSettings): E.Either<StoreError, EsdbClient> => {
  const preferred: ClientPackage =
    settings.client ??
    (isKurrentScheme(settings.url) ? "@kurrent/kurrentdb-client" : "@eventstore/db-client");
  let pkg = preferred;
  let loaded = loadClientPackage(pkg);
  if (E.isLeft(loaded) && settings.client === undefined) {
    const other: ClientPackage =
      pkg === "@eventstore/db-client" ? "@kurrent/kurrentdb-client" : "@eventstore/db-client";
    const second = loadClientPackage(other);
    if (E.isRight(second)) {
      pkg = other;
      loaded = second;
    }
  }
  if (E.isLeft(loaded)) return loaded;
  const url = forClient(pkg, settings.url);
  try {
    if (pkg === "@eventstore/db-client") {
      const { EventStoreDBClient } = loaded.right as {
        EventStoreDBClient: { connectionString(url: string): EventStoreDbClientShape };
      };
      return E.right(eventStoreDbClient(EventStoreDBClient.connectionString(url)));
    }
    const { KurrentDBClient } = loaded.right as {
      KurrentDBClient: { connectionString(url: string): KurrentDbClientShape & EsdbReadCalls };
    };
    return E.right(kurrentDbClient(KurrentDBClient.connectionString(url)));
  } catch (err) {
    const secrets = settings.credentials ? [settings.credentials.password] : [];
    return E.left({
      _tag: "StoreUnavailable",
      message: `cannot use the connection string ${redactConnectionString(settings.url)} with ${pkg}: ${redactSecrets(err instanceof Error ? err.message : String(err), secrets)}`,
    });
  }
};
