// The CLI fuzzer's command lines (cli-fuzz.prop.test.ts runs them): which commands, options and values a
// random command line is made of, and the shaped plans that reach past the usage checks into a command.
import { join } from "node:path";
import { Sector as SectorCodec } from "@coop-ledger/domain";
import fc from "fast-check";

/** Junk text: any string, any graphemes, and a few hostile classics. */
const junk = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.constantFrom("", "-", "--", " ", "\u0000", "‮", "../../etc/passwd", "%s%n", "1e309", "NaN"),
);
const dates = fc.oneof(
  fc
    .date({
      min: new Date("2013-01-01T00:00:00Z"),
      max: new Date("2027-01-01T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom(
    "2020-12-31",
    "31/12/2022",
    "2025-07-01",
    "2022-02-30",
    "30/02/2022",
    "2022-13-01",
    "0000-01-01",
    "1899-12-31",
    "3000-01-01",
    "9999-12-31",
    "2022-1-1",
    "2022/12/31",
  ),
  fc
    .date({
      min: new Date("1800-01-01T00:00:00Z"),
      max: new Date("3100-01-01T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
);
const instants = fc.oneof(
  dates,
  fc.constantFrom(
    "2023-01-15T08:00:00+07:00",
    "2023-01-15T08:00:00Z",
    "2023-01-15T24:00:00Z",
    "2023-01-15T08:00:60Z",
    "2023-01-15T08:00:00+24:00",
    "2023-01-15T08:00:00",
    "1970-01-01T00:00:00Z",
  ),
  fc
    .date({
      min: new Date("2000-01-01T00:00:00Z"),
      max: new Date("2030-01-01T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
);
const numbers = fc.oneof(
  fc.constantFrom("0", "-1", "1", "50", "99999999999999999999", "0x10", "1.5", "Infinity"),
  fc.integer().map(String),
);

/** A value for an option, chosen by what the option means (and sometimes anything at all). */
const valueFor = (flag: string): fc.Arbitrary<string> => {
  const typed = ((): fc.Arbitrary<string> | undefined => {
    switch (flag) {
      case "--ledger":
      case "--backup":
        return undefined;
      case "--out":
        return fc.constantFrom(...Object.keys(OUTPUTS));
      case "--valid-at":
      case "--from":
      case "--to":
        return dates;
      case "--known-at":
        return instants;
      case "--province":
        return fc.constantFrom("60", "01", "79", "99", "00", "6", "060", "ab", "68");
      case "--district":
        return fc.constantFrom("593", "999", "001", "59", "abc");
      case "--sector":
        return fc.constantFrom(...SectorCodec.values, "mining", "");
      case "--form":
        return fc.constantFrom("cooperative", "union", "group", "htx");
      case "--geography":
        return fc.constantFrom("as-of", "2008-08-01", "2025-07-01", "2030-01-01");
      case "--format":
        return fc.constantFrom("json", "csv", "table", "xml");
      case "--number-format":
        return fc.constantFrom("en", "vi", "fr");
      case "--every":
        return fc.constantFrom("month", "quarter", "year", "week");
      case "--indicator":
        return fc.constantFrom("coops.active", "coops.founded", "finance.capitalVnd", "nope", "coops.");
      case "--resolution":
        return fc.constantFrom("000", "001", "002", "004", "003", "999", "0");
      case "--preset":
        return fc.constantFrom("bogus", "NATIONAL", "province ", "005");
      case "--limit":
      case "--seed":
      case "--expect-events":
        return numbers;
      case "--expect-hash":
        return fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), fc.constantFrom("", "zz"));
      default:
        return undefined;
    }
  })();
  return typed === undefined
    ? junk
    : fc.oneof({ weight: 4, arbitrary: typed }, { weight: 1, arbitrary: junk });
};

const COMMANDS = [
  "snapshot",
  "series",
  "explain",
  "diff",
  "targets",
  "report",
  "verify",
  "repair",
  "indicators",
  "generate",
] as const;
const FLAGS = [
  "--ledger",
  "--valid-at",
  "--known-at",
  "--from",
  "--to",
  "--every",
  "--indicator",
  "--province",
  "--district",
  "--sector",
  "--form",
  "--geography",
  "--format",
  "--number-format",
  "--resolution",
  "--limit",
  "--out",
  "--force",
  "--apply",
  "--backup",
  "--no-verify",
  "--reindex",
  "--expect-hash",
  "--expect-events",
  "--preset",
  "--seed",
  "--help",
  "--version",
] as const;
const BARE = new Set(["--force", "--apply", "--no-verify", "--reindex", "--help", "--version"]);
const LEDGER_NAMES = [
  "intact.jsonl",
  "tampered.jsonl",
  "torn.jsonl",
  "bom.jsonl",
  "crlf.jsonl",
  "nul-tail.jsonl",
  "empty.jsonl",
  "header-only.jsonl",
  "not-json.jsonl",
  "dup-line.jsonl",
  "a-directory",
  "missing",
  "fifo",
  "damaged",
];

/** Where `--out` may point, resolved per run (markers, since the run's directory is made per run). */
export const OUTPUTS: Record<string, (runDir: string, ledgers: Readonly<Record<string, string>>) => string> =
  {
    "@new": (runDir) => join(runDir, "out.html"),
    "@exists": (runDir) => join(runDir, "exists.html"),
    // The --ledger file of the same command line (resolved in the run: its own copy when it may write).
    "@ledger": () => "@ledger",
    "@directory": (_runDir, ledgers) => ledgers["a-directory"] ?? "",
    "@no-such-dir": (runDir) => join(runDir, "no-such-dir", "x.html"),
  };

/** One command line, as a plan: tokens that name ledgers and outputs are resolved per run. */
export interface Plan {
  readonly command: string;
  readonly ledger: string | undefined;
  readonly options: ReadonlyArray<readonly [string, string | undefined]>;
  readonly positional: ReadonlyArray<string>;
  readonly damage: {
    readonly offset: number;
    readonly how: "flip" | "cut" | "insert";
    readonly byte: number;
  };
}

const damageArb = fc.record({
  offset: fc.nat(),
  how: fc.constantFrom("flip" as const, "cut" as const, "insert" as const),
  byte: fc.integer({ min: 0, max: 255 }),
});

/** Flags paired with values for them (a bare flag gets `undefined`). */
const withValues = (
  flags: ReadonlyArray<string>,
): fc.Arbitrary<ReadonlyArray<readonly [string, string | undefined]>> =>
  fc
    .tuple(...flags.map((flag) => (BARE.has(flag) ? fc.constant(undefined) : valueFor(flag))))
    .map((values) => flags.map((flag, i) => [flag, values[i]] as const));

/** Anything at all: a command (or junk) and up to 8 options from every command, in any order. */
const anyPlan: fc.Arbitrary<Plan> = fc
  .record({
    command: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...COMMANDS) }, { weight: 1, arbitrary: junk }),
    ledger: fc.option(fc.constantFrom(...LEDGER_NAMES), { freq: 8 }),
    flags: fc.array(
      fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...FLAGS) },
        { weight: 1, arbitrary: junk.map((s) => `--${s}`) },
      ),
      { maxLength: 8 },
    ),
    positional: fc.array(fc.oneof(fc.constantFrom("coops.active", "nope"), junk), { maxLength: 2 }),
    damage: damageArb,
  })
  .chain((p) =>
    withValues(p.flags).map((options) => ({
      command: p.command,
      ledger: p.ledger ?? undefined,
      options,
      positional: p.positional,
      damage: p.damage,
    })),
  );

const SCOPE = ["--province", "--district", "--sector", "--form", "--geography"];
const FIGURES = ["--format", "--no-verify", "--reindex", "--number-format", ...SCOPE];
/** Each command's required options, and the optional ones it knows. */
const SHAPES: Record<string, { required: string[]; optional: string[]; positional?: boolean }> = {
  snapshot: { required: ["--valid-at"], optional: ["--known-at", ...FIGURES] },
  series: { required: ["--from", "--to", "--indicator"], optional: ["--every", "--known-at", ...FIGURES] },
  explain: { required: ["--valid-at"], optional: ["--known-at", "--limit", ...FIGURES], positional: true },
  diff: { required: ["--valid-at", "--known-at", "--known-at"], optional: FIGURES },
  targets: { required: ["--resolution", "--valid-at"], optional: ["--known-at", ...FIGURES] },
  report: {
    required: ["--out"],
    optional: ["--force", "--valid-at", "--from", "--province", "--no-verify", "--number-format"],
  },
  verify: { required: [], optional: ["--expect-hash", "--expect-events", "--format"] },
  repair: { required: [], optional: ["--apply", "--backup", "--format"] },
};

/** A command line close to a valid one: the command's required options, some of its optional ones. */
const shapedPlan: fc.Arbitrary<Plan> = fc.constantFrom(...Object.keys(SHAPES)).chain((command) => {
  const shape = SHAPES[command] ?? { required: [], optional: [] };
  return fc
    .record({
      ledger: fc.constantFrom(...LEDGER_NAMES, "intact.jsonl", "intact.jsonl", "intact.jsonl"),
      optional: fc.subarray(shape.optional, { maxLength: Math.min(4, shape.optional.length) }),
      positional: shape.positional
        ? fc
            .oneof(
              {
                weight: 4,
                arbitrary: fc.constantFrom("coops.active", "coops.founded", "loans.outstandingVnd"),
              },
              { weight: 1, arbitrary: junk },
            )
            .map((x) => [x])
        : fc.constant([] as string[]),
      damage: damageArb,
    })
    .chain((p) =>
      withValues([...shape.required, ...p.optional]).map((options) => ({
        command,
        ledger: p.ledger,
        options,
        positional: p.positional,
        damage: p.damage,
      })),
    );
});

/** A random command line: mostly shaped (a real command with its required options), a quarter anything. */
export const planArb: fc.Arbitrary<Plan> = fc.oneof(
  { weight: 3, arbitrary: shapedPlan },
  { weight: 1, arbitrary: anyPlan },
);
