import { CoopForm, GazetteerVersion, provinces, Sector } from "@coop-ledger/domain";
import { INDICATORS, provinceLabel, RESOLUTIONS } from "@coop-ledger/projections";
import type { LoadedLedger } from "../engine/load-ledger.js";
import type { NumberFormat } from "../output/numbers.js";
import { type ApiAnswer, ledgerMember } from "./api-answer.js";

/**
 * What the page needs to build its pickers: the ledger's ranges of valid and recording time, the
 * indicator catalogue, the bundled resolutions, the provinces of each gazetteer, sectors and forms.
 * @example
 * const pickers = (ledger: LoadedLedger) => meta(ledger, "en").result;
 */
export const meta = (l: LoadedLedger, nf: NumberFormat): ApiAnswer => ({
  ledger: ledgerMember(l),
  query: {},
  result: {
    numberFormat: nf,
    events: l.events,
    firstEffective: l.firstEffective ?? null,
    lastEffective: l.lastEffective ?? null,
    firstRecordedAt: l.firstRecordedAt ?? null,
    lastRecordedAt: l.lastRecordedAt ?? null,
    indicators: INDICATORS.map((d) => ({
      id: d.id,
      en: d.label.en,
      vi: d.label.vi,
      unit: d.unit,
      kind: d.kind,
    })),
    resolutions: [...RESOLUTIONS.values()].map((r) => ({
      id: r.id,
      en: r.title.en,
      vi: r.title.vi,
      province: provinceLabel(r.province),
    })),
    gazetteers: GazetteerVersion.values,
    provinces: Object.fromEntries(
      GazetteerVersion.values.map((g) => [g, provinces(g).map((p) => ({ code: p.code, name: p.name }))]),
    ),
    sectors: Sector.values,
    forms: CoopForm.values,
  },
  tables: [],
  notes: [],
});
