/**
 * `@coop-ledger/testing`: a realistic ledger generator, fast-check arbitraries of valid co-op
 * histories, the laws every projection and store obeys, and given/when/then decider specifications.
 *
 * @packageDocumentation
 */

// The decider specifications are the domain's (its own rule tests use them; the domain depends on no
// other package), re-exported here so that a test suite finds all its tooling in one package.
export {
  DeciderSpecFailure,
  type Given,
  type GivenEvent,
  given,
  givenEventId,
  specFor,
  type WhenResult,
} from "@coop-ledger/domain";
// The public API, by name (internals: `@coop-ledger/testing/internal`). The list is snapshotted in
// ../exports.txt (see public-api.test.ts): a change here is a deliberate change of the API.
export { type ArbitraryOfOptions, arbitraryOf } from "./arbitraries/arbitrary-of.js";
export {
  type CoopPlan,
  type CoopPlanOptions,
  coopPlanArbitrary,
  type PlanStep,
  STEP_KINDS,
  type StepKind,
} from "./arbitraries/coop-plan.js";
export {
  domainEventArbitrary,
  eventArbitrary,
  locationArbitrary,
  metadataArbitrary,
} from "./arbitraries/event-arbitraries.js";
export {
  coopHistoryArbitrary,
  mergeByRecording,
  type ProvinceHistoryOptions,
  provinceHistoryArbitrary,
  toRecorded,
} from "./arbitraries/history-arbitraries.js";
export { interpretCoopPlan } from "./arbitraries/interpret-plan.js";
export {
  BRAND_ARBITRARIES,
  businessDateArb,
  idArb,
  instantArb,
  textArb,
  vndArb,
} from "./arbitraries/value-arbitraries.js";
export { configureFastCheckFromEnv, fastCheckParametersFromEnv } from "./config/fast-check-env.js";
export { comparableSnapshot, indexLawProjection, replayLawProjection } from "./laws/projection-adapters.js";
export {
  checkProjectionLaws,
  type LawProjection,
  type LawQuery,
  type ProjectionLaw,
  type ProjectionLawOptions,
  projectionLaws,
} from "./laws/projection-laws.js";
