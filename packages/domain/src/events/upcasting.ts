import { gazetteerOn } from "../values/location.js";
import { BusinessDate } from "../values/time.js";
import type { EventType } from "./domain-event.js";

/**
 * A pure function that lifts the `data` of one schema version of an event type to the next version.
 * It receives JSON that has not been decoded yet, so it must not assume validity: it only reshapes,
 * and the decoder of the next version judges the result.
 */
export type Upcaster = (data: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/**
 * Ordered upcasters per event type: `upcasters[type][i]` lifts version `i + 1` to `i + 2`. The log is
 * never rewritten; old versions are lifted on every read.
 *
 * To add a version: keep the old data codec (as `CoopFoundedV1Data`), bump the event codec's
 * `schemaVersion`, append an upcaster here that reshapes the undecoded old data (the new codec judges
 * the result), add a unit test of an old payload and a property that valid old payloads upcast to valid
 * new ones, and regenerate docs/events.md (see "Upcasting" there).
 *
 * @example upcasters.CoopFounded?.length // 1: v1 → v2
 */
export const upcasters: { readonly [K in EventType]?: ReadonlyArray<Upcaster> } = {
  CoopFounded: [
    // v1 → v2: codes gain their gazetteer version (inferred from the effective date: v1 was written
    // before the 2025 reform and its codes are those in force on that date) and founding gains an
    // origin (v1 only recorded new foundings).
    ({ provinceCode, districtCode, communeCode, ...rest }) => {
      const effective = rest.effectiveDate;
      const gazetteer =
        typeof effective === "string" && BusinessDate.is(effective) ? gazetteerOn(effective) : "2008-08-01";
      const location: Record<string, unknown> = { gazetteer, provinceCode };
      if (districtCode !== undefined) location.districtCode = districtCode;
      if (communeCode !== undefined) location.communeCode = communeCode;
      return { ...rest, location, origin: { kind: "new" } };
    },
  ],
};
