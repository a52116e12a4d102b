/**
 * `@coop-ledger/testing/internal`: every module of the package, for the sibling packages of this repository
 * and for tests. Not a stable API: names here may change or go in any release. Applications use the
 * package's main entry point (`@coop-ledger/testing`), whose export list is snapshotted in `exports.txt`.
 *
 * @packageDocumentation
 */

export {
  DeciderSpecFailure,
  type Given,
  type GivenEvent,
  given,
  givenEventId,
  specFor,
  type WhenResult,
} from "@coop-ledger/domain";
export * from "../arbitraries/index.js";
export * from "../config/fast-check-env.js";
export * from "../laws/index.js";
