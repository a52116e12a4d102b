/**
 * `@coop-ledger/projections/internal`: every module of the package, for the sibling packages of this repository
 * and for tests. Not a stable API: names here may change or go in any release. Applications use the
 * package's main entry point (`@coop-ledger/projections`), whose export list is snapshotted in `exports.txt`.
 *
 * @packageDocumentation
 */

export * from "../audit/diff.js";
export * from "../audit/explain.js";
export * from "../audit/series.js";
export type { AuditSource } from "../audit/stream-source.js";
export * from "../bitemporal-index/index-image.js";
export * from "../bitemporal-index/projection-index.js";
export * from "../catalogue/catalogue.js";
export * from "../catalogue/indicator-id.js";
export * from "../catalogue/provenance.js";
export * from "../catalogue/render-indicators-doc.js";
export * from "../evaluate/figure.js";
export * from "../evaluate/resolve-query.js";
export * from "../evaluate/series-reader.js";
export * from "../evaluate/snapshot.js";
export * from "../evaluate/snapshot-of-index.js";
export * from "../persist/image-codec.js";
export * from "../query/projection-error.js";
export * from "../query/projection-query.js";
export * from "../replay/replay.js";
export * from "../targets/index.js";
