/**
 * `@coop-ledger/projections`: the indicator catalogue and the bitemporal point-in-time engine
 * (index, snapshot, replay, explain, diff, series). Pure: no I/O, no clock.
 *
 * @packageDocumentation
 */

// The public API, by name (internals: `@coop-ledger/projections/internal`). The list is snapshotted in
// ../exports.txt (see public-api.test.ts): a change here is a deliberate change of the API.
export { type Diff, diff, type Restatement, type RestatingEvent } from "./audit/diff.js";
export type { EntrySpill } from "./audit/entry-spill.js";
export { type Contribution, type ExplainedEvent, type Explanation, explain } from "./audit/explain.js";
export {
  explainFromProvenance,
  type PartialExplanation,
  type ProvenanceReads,
} from "./audit/explain-from-provenance.js";
export { mayHaveMoved } from "./audit/moved-scopes.js";
export { type ProvenanceEntries, ProvenanceTable } from "./audit/provenance-table.js";
export { ProvenanceTap } from "./audit/provenance-tap.js";
export { type SeriesPoint, type SeriesRequest, series } from "./audit/series.js";
export type { AuditSource } from "./audit/stream-source.js";
export type { FeedBatch } from "./bitemporal-index/feed-log.js";
export { FeedMerge, type ReplayTap } from "./bitemporal-index/feed-merge.js";
export {
  IMAGE_LEVELS,
  type ImageExtent,
  type ImageSegment,
  type IndexImage,
  IndexImageDamaged,
  type IndexImageSource,
} from "./bitemporal-index/index-image.js";
export { type FeedAssembly, type PartitionEnd, PartitionFeed } from "./bitemporal-index/partition-feed.js";
export {
  buildIndex,
  type CellColumn,
  type CellLevel,
  type EventSource,
  type FeedResult,
  type FeedTap,
  ProjectionIndex,
} from "./bitemporal-index/projection-index.js";
export {
  INDICATORS,
  type IndicatorDefinition,
  type IndicatorKind,
  type IndicatorUnit,
  indicatorDefinition,
} from "./catalogue/catalogue.js";
export { IndicatorId } from "./catalogue/indicator-id.js";
export { renderIndicatorsDoc } from "./catalogue/render-indicators-doc.js";
export { basisPoints, type Figure, ratio } from "./evaluate/figure.js";
export { type ResolvedOptions, type ResolvedQuery, resolveQuery } from "./evaluate/resolve-query.js";
export { indicatorValue, type Snapshot } from "./evaluate/snapshot.js";
export { snapshot } from "./evaluate/snapshot-of-index.js";
export {
  decodeIndexImage,
  encodeIndexImage,
  type ImageDecodeError,
  INDEX_FORMAT_VERSION,
  INDEX_MODEL_VERSION,
  type OpenedIndexImage,
  openIndexImage,
  type ReadIndexBytes,
} from "./persist/image-codec.js";
export { layerImages } from "./persist/layered-image.js";
export type { ProjectionError } from "./query/projection-error.js";
export {
  Geography,
  ProjectionOptions,
  ProjectionQuery,
  type QueryInput,
  Scope,
} from "./query/projection-query.js";
export { replay } from "./replay/replay.js";
export { findResolution, RESOLUTIONS, type UnknownResolution } from "./targets/bundled-resolutions.js";
export { type CalibrationRow, calibrationRows, renderCalibrationMarkdown } from "./targets/calibration.js";
export { Comparator, comparatorSymbol } from "./targets/comparator.js";
export { figureSourceOf } from "./targets/engine-source.js";
export {
  evaluateTargets,
  type KnownFigure,
  type StatusCounts,
  summariseTargets,
  type TargetRow,
  type TargetsQuery,
  type TargetsReport,
  type TargetsSummary,
  targetRowsInDetail,
} from "./targets/evaluate-targets.js";
export type {
  FigureQuery,
  FigureScope,
  FigureSource,
  IndicatorFigure,
  OptionValue,
  ProvinceRef,
} from "./targets/figure-source.js";
export { type NoDataForProvince, provinceLabel } from "./targets/province-data.js";
export {
  decodeResolution,
  Resolution,
  type ResolutionDecodeError,
  type ResolutionJson,
  withProvince,
} from "./targets/resolution.js";
export { resolution000 } from "./targets/resolutions/resolution-000.js";
export { resolution001 } from "./targets/resolutions/resolution-001.js";
export { resolution002 } from "./targets/resolutions/resolution-002.js";
export { resolution003 } from "./targets/resolutions/resolution-003.js";
export { BAC_KAN, resolution004 } from "./targets/resolutions/resolution-004.js";
export { statusLabel, type TargetStatus, type TargetStatusTag } from "./targets/status.js";
export {
  type AverageGrowth,
  AverageGrowthCodec,
  Bilingual,
  Citation,
  IndicatorBasis,
  IndicatorRef,
  Measure,
  ScopeCodec,
  Target,
  type TargetJson,
  TargetRole,
  type TargetScope,
} from "./targets/target.js";
export { type TargetsError, targets } from "./targets/targets.js";
export { type TargetsMetFigure, targetsMet } from "./targets/targets-met.js";
export { formatThreshold, Threshold, ThresholdUnit } from "./targets/threshold.js";
export { Timing } from "./targets/timing.js";
