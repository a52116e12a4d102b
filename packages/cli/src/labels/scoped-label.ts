import type { CoopForm } from "@coop-ledger/domain";
import type { IndicatorDefinition } from "@coop-ledger/projections";

/** How each form is named: English plural and singular, Vietnamese in full and abbreviated. */
const NOUNS: Readonly<Record<CoopForm, { en: string; enOne: string; vi: string; viShort: string }>> = {
  cooperative: { en: "co-ops", enOne: "co-op", vi: "hợp tác xã", viShort: "HTX" },
  union: { en: "co-op unions", enOne: "co-op union", vi: "liên hiệp hợp tác xã", viShort: "liên hiệp HTX" },
  group: { en: "cooperative groups", enOne: "cooperative group", vi: "tổ hợp tác", viShort: "THT" },
};

const capitalised = (s: string): string => `${s.slice(0, 1).toUpperCase()}${s.slice(1)}`;

// The catalogue's words for the organisations an indicator counts, longest first so "unions of
// co-ops" is one match, not "co-ops" inside it.
const EN_WORDS = /\b(unions of co-ops|cooperative groups|[Cc]o-ops and groups|[Cc]o-ops|co-op)\b/g;
// "HTX" inside a proper name (Liên minh HTX: the alliance; Luật HTX: the law; Quỹ hỗ trợ phát triển
// HTX: the fund) names an institution, not the organisations counted, and stays.
const VI_WORDS =
  /liên hiệp hợp tác xã|hợp tác xã|tổ hợp tác|HTX, THT|(?<!Liên minh |Luật |phát triển )HTX|THT/g;

/**
 * An indicator's label under a form scope. A `--form` scope does not narrow an indicator's population,
 * it REPLACES it (`coops.active` with `--form union` counts unions; targets' `sumOverForms` relies on
 * that), so the catalogue's label ("Active co-ops") would name what is not counted. The words naming the
 * organisations become the scope's form ("Active co-op unions", "Số liên hiệp hợp tác xã đang hoạt
 * động"); a label that names none gets the form after it ("Loans disbursed, co-op unions only"). The
 * label is unchanged without a form scope, for indicators about no organisation (alliance and fund
 * activity), and when the scope's form is the indicator's own.
 *
 * @example labelInScope(indicatorDefinition("coops.active"), "union")
 * // { en: "Active co-op unions", vi: "Số liên hiệp hợp tác xã đang hoạt động" }
 */
export const labelInScope = (
  d: Pick<IndicatorDefinition, "label" | "forms">,
  form: CoopForm | undefined,
): { readonly en: string; readonly vi: string } => {
  if (form === undefined || d.forms.length === 0 || (d.forms.length === 1 && d.forms[0] === form))
    return d.label;
  const n = NOUNS[form];
  let enHit = false;
  const en = d.label.en.replace(EN_WORDS, (w) => {
    enHit = true;
    const noun = w === "co-op" ? n.enOne : n.en;
    return w.startsWith("C") ? capitalised(noun) : noun;
  });
  let viHit = false;
  const vi = d.label.vi.replace(VI_WORDS, (w) => {
    viHit = true;
    return w === "HTX" || w === "THT" || w === "HTX, THT" ? n.viShort : n.vi;
  });
  return {
    en: enHit ? en : `${en}, ${n.en} only`,
    vi: viHit ? vi : `${vi}, chỉ tính ${n.viShort}`,
  };
};

/**
 * "English (Tiếng Việt)" for an indicator under a form scope (see {@link labelInScope}).
 * @example scopedIndicatorName(indicatorDefinition("coops.active"), "union")
 * // "Active co-op unions (Số liên hiệp hợp tác xã đang hoạt động)"
 */
export const scopedIndicatorName = (
  d: Pick<IndicatorDefinition, "label" | "forms">,
  form: CoopForm | undefined,
): string => {
  const l = labelInScope(d, form);
  return `${l.en} (${l.vi})`;
};
