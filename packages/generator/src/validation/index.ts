export {
  type HistoryEvent,
  type HistoryReport,
  type HistoryViolation,
  type ValidateHistoryOptions,
  validateHistory,
} from "./validate-history.js";
