/**
 * `@coop-ledger/domain/internal`: every module of the package, for the sibling packages of this repository
 * and for tests. Not a stable API: names here may change or go in any release. Applications use the
 * package's main entry point (`@coop-ledger/domain`), whose export list is snapshotted in `exports.txt`.
 *
 * @packageDocumentation
 */

export * from "../catalogue/command-catalogue.js";
export * from "../catalogue/event-catalogue.js";
export * from "../catalogue/render-events-doc.js";
export * from "../commands/alliance-and-fund.js";
export * from "../commands/command.js";
export * from "../commands/command-codec.js";
export * from "../commands/founding.js";
export * from "../commands/lifecycle.js";
export * from "../commands/loans.js";
export * from "../commands/make-command.js";
export * from "../commands/reorganisation.js";
export * from "../commands/reporting.js";
export * from "../commands/retraction.js";
export * from "../config/domain-config.js";
export * from "../decider/decider.js";
export * from "../decider/derivations.js";
export * from "../decider/domain-error.js";
export * from "../decider/domain-warning.js";
export * from "../decider/error-rule.js";
export * from "../decider/evolve.js";
export * from "../decider/ledger-decider.js";
export * from "../decider/reorganisation-effects.js";
export type { GeographyData } from "../decider/rule-context.js";
export { isTerminal, LATE_FACT_TYPES } from "../decider/rules/coop-stream.js";
export * from "../decider/stream-state.js";
export * from "../events/alliance-and-fund.js";
export * from "../events/coop-founded.js";
export * from "../events/decode.js";
export * from "../events/decode-error.js";
export * from "../events/domain-event.js";
export * from "../events/event-codec.js";
export * from "../events/lifecycle.js";
export * from "../events/loans.js";
export * from "../events/products-and-links.js";
export * from "../events/recorded-event.js";
export * from "../events/reorganisation.js";
export * from "../events/reporting.js";
export * from "../events/retraction.js";
export * from "../events/upcasting.js";
export * from "../geography/commune-origin.js";
export * from "../geography/commune-transfers.js";
export * from "../geography/communes.js";
export * from "../geography/district-gazetteer.js";
export * from "../geography/gazetteer.js";
export * from "../geography/geo-parse-error.js";
export * from "../geography/provinces.js";
export * from "../spec/decider-spec.js";
export * from "../spec/given.js";
export * from "../values/classification.js";
export * from "../values/codec-helpers.js";
export * from "../values/date-text.js";
export * from "../values/day-number.js";
export * from "../values/event-id-scheme.js";
export * from "../values/ids.js";
export * from "../values/law.js";
export * from "../values/location.js";
export * from "../values/money.js";
export * from "../values/quantity.js";
export * from "../values/registration-code.js";
export * from "../values/source-document.js";
export * from "../values/stream-id.js";
export * from "../values/time.js";
