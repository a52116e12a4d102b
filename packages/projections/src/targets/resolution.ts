import { BusinessDate, literals, struct, Text } from "@coop-ledger/domain";
import { type Either, mapLeft } from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as t from "io-ts";
import { PathReporter } from "io-ts/lib/PathReporter.js";
import type { ProvinceRef } from "./figure-source.js";
import { Bilingual, ProvinceRefCodec, Target } from "./target.js";

/**
 * The body that adopted a resolution: a provincial party committee (Tỉnh ủy / Ban Chấp hành Đảng bộ
 * tỉnh), a provincial alliance's members' congress (Đại hội thành viên Liên minh HTX tỉnh), its executive
 * committee (Ban Chấp hành), its standing committee (Ban Thường vụ), or the congress of the party cell of
 * the alliance's agency (Đại hội Chi bộ Liên minh HTX tỉnh).
 * @example ResolutionBody.decode("allianceCongress") // Right
 */
export const ResolutionBody = literals(
  [
    "provincialPartyCommittee",
    "allianceCongress",
    "allianceExecutiveCommittee",
    "allianceStandingCommittee",
    "alliancePartyCellCongress",
  ],
  "ResolutionBody",
);
/** @see ResolutionBody */
export type ResolutionBody = t.TypeOf<typeof ResolutionBody>;

/**
 * A resolution's id: lower-case letters, digits and dashes.
 * @example
 * ResolutionId.is("my-district-2024") // true
 */
export const ResolutionId = t.refinement(
  t.string,
  (s) => /^[a-z0-9][a-z0-9-]{0,63}$/.test(s),
  "ResolutionId",
);

/**
 * A resolution as data (nghị quyết): who adopted it and when, its term, its province, the source file,
 * the figures it reports as achieved (`baseline`) and its targets (chỉ tiêu). Users can write their own
 * as JSON and decode them with this codec (see {@link decodeResolution}).
 *
 * @example
 * Resolution.decode({ id: "demo", title: { en: "Demo", vi: "Thử" }, body: "allianceCongress",
 *   adoptedOn: "2020-09-25", term: { from: "2020-09-25", to: "2025-12-31" },
 *   province: { code: "60", gazetteer: "2008-08-01" }, sourceFile: "demo.txt", baseline: [], targets: [] }) // Right
 */
export const Resolution = struct(
  {
    id: ResolutionId,
    title: Bilingual,
    body: ResolutionBody,
    adoptedOn: BusinessDate,
    term: struct({ from: BusinessDate, to: BusinessDate }),
    province: ProvinceRefCodec,
    sourceFile: Text,
    baseline: t.array(Target),
    targets: t.array(Target),
  },
  { number: Text, notes: t.array(Text) },
  "Resolution",
);
/** @see Resolution */
export type Resolution = t.TypeOf<typeof Resolution>;

/**
 * A resolution that did not decode, with io-ts's path report (never thrown).
 * @example const e: ResolutionDecodeError = { _tag: "ResolutionDecodeError", messages: ["…"] };
 */
export interface ResolutionDecodeError {
  readonly _tag: "ResolutionDecodeError";
  readonly messages: ReadonlyArray<string>;
}

/**
 * Decodes a user-supplied resolution (parsed JSON); never throws.
 *
 * @example
 * import { decodeResolution, Resolution, resolution001 } from "@coop-ledger/projections";
 * const text = JSON.stringify(Resolution.encode(resolution001)); // what a user's file holds
 * const r = decodeResolution(JSON.parse(text));
 * console.log(r._tag === "Right" && r.right.id); // "001"
 * const bad = decodeResolution({ id: "x" });
 * console.log(bad._tag === "Left" && bad.left._tag); // "ResolutionDecodeError"
 */
export const decodeResolution = (input: unknown): Either<ResolutionDecodeError, Resolution> => {
  const result = Resolution.decode(input);
  return pipe(
    result,
    mapLeft(
      (): ResolutionDecodeError => ({
        _tag: "ResolutionDecodeError",
        messages: PathReporter.report(result),
      }),
    ),
  );
};

/**
 * The same resolution for another province: the resolution's `province` is replaced, so every target
 * without a province of its own is counted there. This is how the province of resolution 004 — not
 * named in its text — is a parameter.
 *
 * @example
 * import { type BusinessDate, decide, initialState, makeCommand, type ProvinceCode, type RecordedEvent } from "@coop-ledger/domain";
 * // Two co-ops founded in Bình Thuận (province 60), as a store would record them.
 * const events: RecordedEvent[] = [];
 * for (const [n, coopId] of ["htx-1", "htx-2"].entries()) {
 *   const found = makeCommand("FoundCoop", {
 *     coopId, effectiveDate: "2019-03-01", name: `HTX ${coopId}`, form: "cooperative", sector: "agriculture",
 *     location: { gazetteer: "2008-08-01", provinceCode: "60" }, foundingMembers: 7,
 *   });
 *   if (found._tag === "Left") throw new Error(found.left.message);
 *   const decided = decide(found.right, initialState);
 *   if (decided._tag === "Left") throw new Error(decided.left.message);
 *   for (const event of decided.right)
 *     events.push({ streamId: `coop-${coopId}`, revision: 0, position: n, eventId: `00000000-0000-5000-8000-00000000000${n}`, event, metadata: { recordedAt: "2019-03-02T08:00:00.000Z" } } as RecordedEvent);
 * }
 * import { buildIndex, resolution004, targets, withProvince } from "@coop-ledger/projections";
 * // Resolution 004's targets, counted in Bình Thuận instead of Bắc Kạn.
 * const binhThuan = withProvince(resolution004(), { code: "60" as ProvinceCode, gazetteer: "2008-08-01" });
 * const r = targets(buildIndex(events), binhThuan, { validAt: "2025-12-31" as BusinessDate });
 * console.log(binhThuan.province?.code, r._tag); // "60" "Right"
 */
export const withProvince = (resolution: Resolution, province: ProvinceRef): Resolution => ({
  ...resolution,
  province,
});

/** The JSON form of a {@link Resolution}, as users write it (plain strings and numbers). @example const json: ResolutionJson = Resolution.encode(resolution004()); */
export type ResolutionJson = t.OutputOf<typeof Resolution>;

/**
 * Decodes a resolution bundled with this package. Bundled data is checked by the test suite, so a
 * failure here is a programming error in the data, reported loudly at load rather than silently wrong
 * figures later; user input goes through {@link decodeResolution}, which never throws.
 *
 * @example
 * import { Resolution, resolution001 } from "@coop-ledger/projections";
 * import { bundledResolution } from "@coop-ledger/projections/internal";
 * const json = Resolution.encode(resolution001); // a resolution's JSON form, as bundled
 * console.log(bundledResolution(json).id); // "001"
 */
export const bundledResolution = (json: ResolutionJson): Resolution => {
  const result = Resolution.decode(json);
  if (result._tag === "Right") return result.right;
  throw new Error(`Bundled resolution ${json.id} is invalid: ${PathReporter.report(result).join("; ")}`);
};
