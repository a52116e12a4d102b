import { type DistrictGazetteer, districtGazetteer } from "@coop-ledger/domain";

/**
 * The district gazetteer for generated datasets: the GSO list shipped with `@coop-ledger/domain` (the
 * generator's default too; no data file is read at run time).
 *
 * @example benchDistricts().districts.length // 696
 */
export const benchDistricts = (): DistrictGazetteer => districtGazetteer();

/**
 * `{ districts }` for `generateLedger` options (the shipped list, which is also the generator's default).
 *
 * @example
 * import { generateLedger } from "@coop-ledger/generator";
 * const events = generateLedger({ preset: "province", seed: 7, ...districtsOption() });
 * const first = events[Symbol.iterator]().next().value;
 * console.log(districtsOption().districts.districts.length, first?.event.type); // 696 "CoopFounded"
 */
export const districtsOption = (): { readonly districts: DistrictGazetteer } => ({
  districts: benchDistricts(),
});
