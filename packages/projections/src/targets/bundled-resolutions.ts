import { type Either, left, right } from "fp-ts/lib/Either.js";
import type { Resolution } from "./resolution.js";
import { resolution000 } from "./resolutions/resolution-000.js";
import { resolution001 } from "./resolutions/resolution-001.js";
import { resolution002 } from "./resolutions/resolution-002.js";
import { resolution003 } from "./resolutions/resolution-003.js";
import { resolution004 } from "./resolutions/resolution-004.js";

/**
 * The resolutions bundled with the package, by id: 000 (Bình Thuận alliance congress 2020–2025),
 * 001 (Hòa Bình alliance mid-term review 2023), 002 (Đắk Nông alliance standing committee 2019), 003
 * (Hà Nam alliance party cell congress 2020) and 004 (provincial party resolution 2021–2025, in its
 * default province, Bắc Kạn).
 *
 * @example RESOLUTIONS.get("004")?.targets.length // 7
 */
export const RESOLUTIONS: ReadonlyMap<string, Resolution> = new Map([
  ["000", resolution000],
  ["001", resolution001],
  ["002", resolution002],
  ["003", resolution003],
  ["004", resolution004()],
]);

/**
 * No bundled resolution has this id.
 * @example const e: UnknownResolution = { _tag: "UnknownResolution", id: "009", known: ["000"] };
 */
export interface UnknownResolution {
  readonly _tag: "UnknownResolution";
  readonly id: string;
  readonly known: ReadonlyArray<string>;
}

/**
 * Looks a bundled resolution up by id.
 * @example findResolution("002") // Right(resolution002)
 */
export const findResolution = (id: string): Either<UnknownResolution, Resolution> => {
  const r = RESOLUTIONS.get(id);
  return r === undefined ? left({ _tag: "UnknownResolution", id, known: [...RESOLUTIONS.keys()] }) : right(r);
};
