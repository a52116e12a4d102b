import type { CoopForm } from "@coop-ledger/domain";
import { INDICATORS, indicatorDefinition } from "@coop-ledger/projections";
import { describe, expect, it } from "vitest";
import { labelInScope, scopedIndicatorName } from "./scoped-label.js";

const FORMS: ReadonlyArray<CoopForm> = ["cooperative", "union", "group"];

/** The words of a label that name organisations, proper names (the alliance, the law, the fund) removed. */
const nouns = (l: { en: string; vi: string }) => ({
  en: l.en,
  vi: l.vi.replace(/Liên minh HTX|Luật HTX|phát triển HTX/g, "—"),
});

/** What each form's label must not mention once it counts only that form (English, Vietnamese). */
const FOREIGN: Readonly<Record<CoopForm, { en: RegExp; vi: RegExp }>> = {
  cooperative: { en: /union|group/i, vi: /liên hiệp|tổ hợp tác|THT/ },
  union: { en: /co-ops\b|\bco-op\b(?! union)|group/i, vi: /(?<!liên hiệp )(hợp tác xã|HTX)|tổ hợp tác|THT/ },
  group: { en: /co-op|union/i, vi: /hợp tác xã|HTX|liên hiệp/ },
};
const OWN: Readonly<Record<CoopForm, { en: RegExp; vi: RegExp }>> = {
  cooperative: { en: /co-op/i, vi: /hợp tác xã|HTX/ },
  union: { en: /co-op union/i, vi: /liên hiệp/ },
  group: { en: /cooperative group/i, vi: /tổ hợp tác|THT/ },
};

describe("labelInScope: a form scope replaces the indicator's form, so the label names the form counted", () => {
  it("coops.active under --form union reads 'Active co-op unions' in both languages", () => {
    expect(labelInScope(indicatorDefinition("coops.active"), "union")).toEqual({
      en: "Active co-op unions",
      vi: "Số liên hiệp hợp tác xã đang hoạt động",
    });
    expect(scopedIndicatorName(indicatorDefinition("coops.active"), "group")).toBe(
      "Active cooperative groups (Số tổ hợp tác đang hoạt động)",
    );
    expect(labelInScope(indicatorDefinition("unions.active"), "cooperative").en).toBe("Active co-ops");
  });

  it("a label that names no organisation gets the form after it", () => {
    expect(labelInScope(indicatorDefinition("loans.outstandingVnd"), "union")).toEqual({
      en: "Principal outstanding, co-op unions only",
      vi: "Dư nợ, chỉ tính liên hiệp HTX",
    });
  });

  it("proper names keep their HTX: the alliance, the law, the fund", () => {
    expect(labelInScope(indicatorDefinition("coops.law2012Share"), "group").vi).toBe(
      "Tỷ lệ THT hoạt động theo Luật HTX 2012",
    );
    expect(labelInScope(indicatorDefinition("coops.foundedAdvised"), "union").vi).toBe(
      "Số liên hiệp HTX được Liên minh HTX tư vấn, hỗ trợ thành lập",
    );
  });

  it("unchanged without a form, for the indicator's own single form, and for indicators about no organisation", () => {
    for (const d of INDICATORS) {
      expect(labelInScope(d, undefined)).toBe(d.label);
      if (d.forms.length === 1) expect(labelInScope(d, d.forms[0])).toBe(d.label);
      if (d.forms.length === 0) for (const f of FORMS) expect(labelInScope(d, f)).toBe(d.label);
    }
  });

  it("for every indicator about organisations and every other form: the label names that form and no other", () => {
    let checked = 0;
    for (const d of INDICATORS)
      for (const f of FORMS) {
        if (d.forms.length === 0 || (d.forms.length === 1 && d.forms[0] === f)) continue;
        const l = nouns(labelInScope(d, f));
        const where = `${d.id} --form ${f}: ${l.en} | ${l.vi}`;
        expect(l.en, where).toMatch(OWN[f].en);
        expect(l.vi, where).toMatch(OWN[f].vi);
        expect(l.en, where).not.toMatch(FOREIGN[f].en);
        expect(l.vi, where).not.toMatch(FOREIGN[f].vi);
        checked++;
      }
    expect(checked).toBeGreaterThan(80);
  });
});
