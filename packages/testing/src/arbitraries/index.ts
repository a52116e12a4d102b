export { arbitraryOf } from "./arbitrary-of.js";
export {
  type CoopPlan,
  type CoopPlanOptions,
  coopPlanArbitrary,
  type PlanStep,
  STEP_KINDS,
  type StepKind,
} from "./coop-plan.js";
export {
  domainEventArbitrary,
  eventArbitrary,
  locationArbitrary,
  metadataArbitrary,
} from "./event-arbitraries.js";
export {
  coopHistoryArbitrary,
  mergeByRecording,
  type ProvinceHistoryOptions,
  provinceHistoryArbitrary,
  toRecorded,
} from "./history-arbitraries.js";
export { interpretCoopPlan, PLAN_END_DAY } from "./interpret-plan.js";
export {
  BRAND_ARBITRARIES,
  businessDateArb,
  idArb,
  instantArb,
  textArb,
  vndArb,
} from "./value-arbitraries.js";
