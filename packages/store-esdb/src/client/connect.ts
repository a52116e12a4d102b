import type { StoreError } from "@coop-ledger/store";
import { EventStoreDBClient } from "@eventstore/db-client";
import * as E from "fp-ts/lib/Either.js";
import type { EsdbClient, EsdbCredentials } from "./esdb-client.js";
import { redactConnectionString, redactSecrets } from "./redact.js";

/** Where and as whom to connect. */
export interface EsdbConnectionSettings {
  /** The connection string WITHOUT credentials (they were moved to `credentials`). */
  readonly url: string;
  readonly credentials?: EsdbCredentials;
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
 * `ESDB_PASSWORD` (which win over credentials inside `ESDB_URL`).
 *
 * @example esdbSettingsFromEnv(process.env) // Right({ url: "esdb://localhost:2113?tls=false" })
 */
export const esdbSettingsFromEnv = (
  env: Readonly<Record<string, string | undefined>>,
): E.Either<StoreError, EsdbConnectionSettings> => {
  const url = env.ESDB_URL;
  if (url === undefined || url.trim() === "") {
    return E.left({
      _tag: "StoreUnavailable",
      message: "ESDB_URL is not set (e.g. esdb://localhost:2113?tls=false)",
    });
  }
  return connectionSettings(url, { username: env.ESDB_USERNAME, password: env.ESDB_PASSWORD });
};

/**
 * Creates an `EventStoreDBClient` from settings (no network traffic yet: the client connects on its
 * first call). The result is typed as the narrow {@link EsdbClient}, which also checks, at build time,
 * that the real client fits the interface. A malformed string is an error whose message holds no
 * password.
 *
 * @example
 * const settings = esdbSettingsFromEnv(process.env);
 * if (E.isRight(settings)) { const client = createEsdbClient(settings.right); }
 */
export const createEsdbClient = (settings: EsdbConnectionSettings): E.Either<StoreError, EsdbClient> => {
  try {
    const client: EsdbClient = EventStoreDBClient.connectionString(settings.url);
    return E.right(client);
  } catch (err) {
    const secrets = settings.credentials ? [settings.credentials.password] : [];
    return E.left({
      _tag: "StoreUnavailable",
      message: `cannot use the EventStoreDB connection string ${redactConnectionString(settings.url)}: ${redactSecrets(err instanceof Error ? err.message : String(err), secrets)}`,
    });
  }
};
