/**
 * `@coop-ledger/generator/internal`: the generator's building blocks (the simulation's months, legal-regime dates, the event constructor) for `@coop-ledger/testing`'s arbitraries, which
 * build histories the same way. Not a stable API: it may change in any release.
 *
 * @packageDocumentation
 */

export { type Month, monthOf } from "../calendar.js";
export { GAZETTEER_2025_DAY, LAW_2012_DAY, LAW_2023_DAY, minimumFounders } from "../law-in-force.js";
export { mulberry32 } from "../mulberry32.js";
export { mk } from "../recorder.js";
