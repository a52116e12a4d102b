export { comparableSnapshot, indexLawProjection, replayLawProjection } from "./projection-adapters.js";
export {
  checkProjectionLaws,
  type LawProjection,
  type LawQuery,
  type ProjectionLaw,
  type ProjectionLawOptions,
  projectionLaws,
} from "./projection-laws.js";
