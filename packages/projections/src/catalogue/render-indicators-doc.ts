import { EVENT_CATALOGUE, type EventType } from "@coop-ledger/domain";
import { INDICATORS, type IndicatorDefinition } from "./catalogue.js";
import { INDICATOR_PROVENANCE, NON_ADDITIVE } from "./provenance.js";

// An event's one Vietnamese name, from the domain's catalogue (the one docs/events.md and the CLI show).
const vi = (type: EventType): string => EVENT_CATALOGUE[type].vietnamese;

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
    "the score threshold of `minScore` (default 65, the fair band of Circular 01/2020/TT-BKHĐT art. 8(2))",
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
    "`perCoop` (default: mean of the co-ops' reported averages) or per person, total paid ÷ people: `perWorker` / `perMember` (worker income weighted by regular workers, member income by official members)",
  ],
  ["fundKind", "restrict loan figures to one fund (default: all, broken down by fund)"],
  ["farmHouseholds", "the province's farm households (an input; without it the share is not available)"],
  [
    "districtCount",
    "the number of districts of the scope's province in the 2008 gazetteer (an input, e.g. `districtsOf(p).length` of the domain's `parseDistrictGazetteer`)",
  ],
];

const ANNUAL_DOC: ReadonlyArray<string> = [
  "## Annual figures: a closed year does not drift",
  "",
  "An annual figure is about one fiscal year (31 December), whatever later date it is read from. Each",
  "co-op's report and rating for year Y are counted in the place (province, district) it was in on",
  "31 December of Y — not where it is on the valid date asked: a co-op that moves district in 2023, or",
  "whose head office is re-recorded in the 2025 gazetteer (which has no districts), stays in its 2021",
  "district for FY 2021. Reports and ratings count once they take effect (the filing date), and stand",
  "after the co-op ends. So once every report and rating for the year (and, for growth, for the year",
  "before) has taken effect, the figure no longer depends on the valid date it is asked from: it changes",
  "only with what the ledger knows (`knownAt`: a late report, a retraction, a back-dated move before",
  "31 December). So FY 2021 read from `snapshot --valid-at 2022-12-31` (FY 2021 by default) equals FY",
  "2021 asked in 2025 (option `fiscalYear`, as targets and the report ask), for the same `knownAt`, in",
  "every scope. In a reporting geography *as of* the valid date, the",
  "province map itself differs before and after 2025-07-01: compare in a fixed gazetteer",
  "(`--geography 2008-08-01`).",
  "",
  "Law (property test over generated histories, `packages/projections/src/evaluate/closed-period.prop.test.ts`):",
  "for any history, fiscal year, `knownAt`, scope and fixed geography, every annual figure asked from any",
  "valid date on or after the year's close equals the one asked on the close.",
];

const PROVENANCE_DOC: ReadonlyArray<string> = [
  "## Provenance: which events make up a figure (`explain`)",
  "",
  "`coop-ledger explain ID` lists the events that make up a figure and what each **contributed**: within",
  "each stream (one co-op, fund or alliance), the events effective by the valid date are taken in valid-time",
  "order, and an event's contribution is the stream's part of the figure with that event folded minus the",
  "part without it (its marginal contribution given the events before it). So, for `coops.active`, a",
  "counted co-op's record contributes +1 — its founding, its pre-existing record or the founding of the new",
  `co-op of a conversion or reorganisation (all \`CoopFounded\`, *${vi("CoopFounded")}*, told apart by \`origin\`) — and a`,
  "co-op that has ended has its record (+1) and the event that ended it (−1): dissolution (`CoopDissolved`,",
  `*${vi("CoopDissolved")}*), reorganisation into other co-ops (\`CoopReorganisedAway\`, *${vi("CoopReorganisedAway")}*), conversion`,
  `(\`CoopConverted\`, *${vi("CoopConverted")}*), or, in a province or district scope, the move of its head office out`,
  `(\`HeadOfficeMoved\`, *${vi("HeadOfficeMoved")}*). A change that happens by itself later (a manager turning 50, an OCOP certificate`,
  "lapsing after 36 months, a loan falling overdue, a suspension reaching its end date) is part of the",
  "contribution of the event that brought the fact it follows from (the appointment, the certification,",
  "the disbursement, the suspension). The seed indicators follow the same rule: `coops.suspended` is made",
  `of the suspension (\`CoopSuspended\`, *${vi("CoopSuspended")}*, +1 while it lasts) and the resumption (\`CoopResumed\`, *${vi("CoopResumed")}*, −1);`,
  "`alliance.members` of joining (+1) and leaving (−1); `coops.reorganised` of the conversion or",
  "reorganisation event on the organisation converted or reorganised (+1 each); `coops.foundedAdvised`",
  "of the founding that records the alliance's advice; `coops.highTech`, `finance.revenueVnd` and",
  "`finance.profitVnd` of the annual report of the year (a later report for the same year replaces it);",
  "`rating.weak` of the assessment; `activity.peopleTrained` of the recorded training classes' participants;",
  "and each of them of the population events that bring the organisation in or out of the scope. Events that change",
  "nothing in the figure are not listed. Inputs that are not events (`farmHouseholds`, `districtCount`)",
  "are in the figure, not in the list.",
  "",
  "Laws (property tests over generated histories, `packages/projections/src/audit/explain.prop.test.ts`):",
  "",
  "1. **Sum**: the contributions add up to the figure (its value, or its numerator and its denominator).",
  "2. **Types**: every listed event's type is one the table below names for the indicator, and its",
  "   contribution is not zero.",
  "3. **Removal**: removing from the history a stream's last event effective by the valid date changes the",
  "   figure by exactly that event's contribution (by 0 if it is not listed); removing a whole stream changes",
  "   it by the sum of the stream's contributions. For an earlier event of a stream the contribution is",
  "   what it added *given the events before it*: removing it can also change what later events of the",
  "   stream contribute (e.g. a report replaced by a later one), so no exact law holds there; removing an",
  "   event that later events depend on (a founding before its reports) does not leave a valid history.",
  "",
  "`valueChain.districtCoverage` counts distinct districts, which is not a sum over streams: its listed",
  "events show what each changed in its own stream, and laws 1 and 3 do not apply to it.",
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
    ...ANNUAL_DOC,
    "",
    ...PROVENANCE_DOC,
    "",
    "| id | event types that make it up |",
    "|---|---|",
    ...INDICATORS.map(
      (d) =>
        `| \`${d.id}\` | ${INDICATOR_PROVENANCE[d.id].map((t) => `\`${t}\``).join(", ")}${
          NON_ADDITIVE.has(d.id) ? " (not additive: a count of distinct districts)" : ""
        } |`,
    ),
    "",
  ].join("\n");
