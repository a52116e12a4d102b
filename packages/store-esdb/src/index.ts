/**
 * `@coop-ledger/store-esdb`: the EventStoreDB / KurrentDB adapter of the coop-ledger EventStore port,
 * on either official client (`@eventstore/db-client` 6.x or `@kurrent/kurrentdb-client` 1.x, both
 * optional peer dependencies, loaded only when asked for), and a catch-up projection runner with
 * checkpoints stored together with the read model.
 *
 * @packageDocumentation
 */

// The public API, by name (internals: `@coop-ledger/store-esdb/internal`). The list is snapshotted in
// ../exports.txt (see public-api.test.ts): a change here is a deliberate change of the API.
export { CLIENT_PACKAGES, type ClientPackage, isClientPackage } from "./client/client-package.js";
export {
  connectionSettings,
  createEsdbClient,
  type EsdbConnectionSettings,
  esdbSettingsFromEnv,
} from "./client/connect.js";
export type {
  EsdbAppendResult,
  EsdbBaseOptions,
  EsdbClient,
  EsdbCredentials,
  EsdbEventData,
  EsdbExpectedRevision,
  EsdbFilter,
  EsdbFilterSpec,
  EsdbPosition,
  EsdbReadAllOptions,
  EsdbReadCalls,
  EsdbReadStreamOptions,
  EsdbRecordedEvent,
  EsdbResolvedEvent,
  EsdbSubscribeToAllOptions,
  EsdbSubscription,
} from "./client/esdb-client.js";
export {
  type EventStoreDbAppendOptions,
  type EventStoreDbClientShape,
  eventStoreDbClient,
} from "./client/eventstore-binding.js";
export {
  type KurrentDbAppendOptions,
  type KurrentDbClientShape,
  kurrentDbClient,
} from "./client/kurrent-binding.js";
export { loadClientPackage } from "./client/load-client-package.js";
export { redactConnectionString, redactSecrets } from "./client/redact.js";
export { UNKNOWN_POSITION } from "./mapping/position.js";
export type { Checkpoint, CheckpointError, CheckpointStore } from "./projection/checkpoint-store.js";
export { type BinaryStateCodec, fileCheckpointStore } from "./projection/file-checkpoint-store.js";
export { imageIndexSerializer } from "./projection/image-index-serializer.js";
export {
  type InMemoryCheckpointStore,
  inMemoryCheckpointStore,
} from "./projection/in-memory-checkpoint-store.js";
export { eventsIndexSerializer, type IndexSerializer } from "./projection/index-serializer.js";
export { jsonFileCheckpointStore, type StateCodec } from "./projection/json-file-checkpoint-store.js";
export {
  type CatchUpProjection,
  type CatchUpProjectionError,
  type CatchUpProjectionOptions,
  type ErrorDecision,
  type ProjectionOutcome,
  runCatchUpProjection,
} from "./projection/run-catch-up-projection.js";
export {
  type IndexProjectionOptions,
  indexStateCodec,
  runIndexProjection,
} from "./projection/run-index-projection.js";
export {
  type IndexedEventsGone,
  type StoreEventSource,
  storeEventSource,
} from "./projection/store-event-source.js";
export { type EsdbStore, type EsdbStoreOptions, makeEsdbStore } from "./store/esdb-store.js";
