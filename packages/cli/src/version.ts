/**
 * The CLI's version, shown by `coop-ledger --version` (kept in step with package.json by a test).
 * @example CLI_VERSION // "0.1.0"
 */
export const CLI_VERSION = "0.1.0";
