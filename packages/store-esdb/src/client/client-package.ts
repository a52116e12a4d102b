/**
 * The two official Node clients the adapter can drive, named by their npm package. Both are optional
 * peer dependencies: the adapter imports neither at top level and loads the one a user asks for
 * (`loadClientPackage`), or works with a client the user created.
 *
 * - `@eventstore/db-client` 6.x: EventStoreDB's client (`esdb://`), still in wide use;
 * - `@kurrent/kurrentdb-client` 1.x: its successor for KurrentDB (`kurrentdb://`; `esdb://` accepted
 *   with a deprecation warning). It renamed options and error fields (see `eventstore-binding.ts` and
 *   `kurrent-binding.ts`).
 *
 * @example const pkg: ClientPackage = "@kurrent/kurrentdb-client";
 */
export type ClientPackage = "@eventstore/db-client" | "@kurrent/kurrentdb-client";

/**
 * Both client packages, in the order the adapter prefers them when the user does not say which
 * (the successor first).
 *
 * @example CLIENT_PACKAGES.includes("@eventstore/db-client") // true
 */
export const CLIENT_PACKAGES: ReadonlyArray<ClientPackage> = [
  "@kurrent/kurrentdb-client",
  "@eventstore/db-client",
];

/**
 * Whether a string names one of the client packages (for `ESDB_CLIENT` / CLI flags).
 *
 * @example isClientPackage("@eventstore/db-client") // true
 */
export const isClientPackage = (s: string): s is ClientPackage =>
  (CLIENT_PACKAGES as ReadonlyArray<string>).includes(s);
