import { INDICATORS, type IndicatorDefinition } from "./catalogue.js";

const cell = (s: string): string => s.replace(/\|/g, "\\|");

const OPTION_DOCS: ReadonlyArray<readonly [string, string]> = [
  [
    "fiscalYear",
    "annual indicators: the fiscal year (default: the year before `validAt`'s — reports and ratings for a year are filed after it ends)",
  ],
  [
    "periodFrom",
    "period indicators: the first day of the period (default 1 January of `validAt`'s year; the period ends on `validAt`)",
  ],
  ["effectiveRule", "`fairOrGood` (default: rated good or fair) or `minScore` (score ≥ `effectiveMinScore`)"],
  [
    "effectiveMinScore",
    "the score threshold of `minScore` (default 65, the fair band of Circular 01/2020/TT-BKHĐT)",
  ],
  [
    "ratingDenominator",
    "`rated` (default: co-ops rated for the year) or `activeAtYearEnd` (active on 31/12 of the year, or on `validAt` if earlier)",
  ],
  [
    "peoplesCreditFunds",
    "`include` (default) or `exclude` people's credit funds (quỹ tín dụng nhân dân, thousands of members each) from member figures",
  ],
  [
    "law2012IncludesLaw2023",
    "count co-ops already under Law 17/2023/QH15 as conforming to the 2012 law (default true)",
  ],
  [
    "incomeAverage",
    "`perCoop` (default: mean of the co-ops' reported averages) or `perWorker` (weighted by regular workers)",
  ],
  ["fundKind", "restrict loan figures to one fund (default: all, broken down by fund)"],
  ["farmHouseholds", "the province's farm households (an input; without it the share is not available)"],
  [
    "districtCount",
    "the number of districts of the scope's province in the 2008 gazetteer (an input, e.g. `districtsOf(p).length` of the domain's `parseDistrictGazetteer`)",
  ],
];

const row = (d: IndicatorDefinition): string =>
  `| \`${d.id}\` | ${cell(d.label.en)} — *${cell(d.label.vi)}* | ${d.kind} | ${d.unit} | ${cell(d.definition)}${
    d.numerator !== undefined
      ? `<br>**numerator**: ${cell(d.numerator)}; **denominator**: ${cell(d.denominator ?? "")}`
      : ""
  } | ${d.forms.length === 0 ? "— (alliance/fund)" : d.forms.join(", ")} | ${d.options.map((o) => `\`${o}\``).join(", ") || "—"} | ${cell(d.seenIn)} |`;

/**
 * Renders docs/indicators.md from the catalogue (a test checks the committed file matches, so the
 * document cannot drift from the code).
 *
 * @example renderIndicatorsDoc().startsWith("# Indicators") // true
 */
export const renderIndicatorsDoc = (): string =>
  [
    "# Indicators (chỉ tiêu)",
    "",
    "<!-- Generated from packages/projections/src/catalogue/catalogue.ts by renderIndicatorsDoc(); do not edit by hand.",
    "     Regenerate: UPDATE_DOCS=1 npx pnpm@10.34.8 exec vitest run --project projections catalogue -->",
    "",
    "Every indicator the projections compute (brief §5), with its stable id. Counts and VND are exact integers;",
    "ratios and averages carry their exact numerator and denominator, the value is derived. *Instant*",
    "indicators are evaluated on `validAt`; *period* ones over a period ending on `validAt`; *annual* ones for a",
    "fiscal year, from reports and ratings effective by `validAt`. Forms: the organisations counted (a `form`",
    "scope replaces them). Scopes: province (in the reporting geography), district (2008 gazetteer only),",
    "sector, form, and combinations; alliance and fund figures have no sector, form or district.",
    "",
    "| id | label | kind | unit | definition | forms | options | seen in |",
    "|---|---|---|---|---|---|---|---|",
    ...INDICATORS.map(row),
    "",
    "## Options (where the sources disagree)",
    "",
    "| option | meaning and default |",
    "|---|---|",
    ...OPTION_DOCS.map(([o, d]) => `| \`${o}\` | ${cell(d)} |`),
    "",
  ].join("\n");
