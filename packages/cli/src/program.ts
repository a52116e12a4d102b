import { Command, CommanderError, Option } from "commander";

import { runAction } from "./commands/action.js";
// Each command's module is imported when that command runs (`await import(…)` in its action), not here:
// a cold `coop-ledger snapshot` then loads the snapshot path only, not the report, serve, generator,
// EventStoreDB or demo modules (the start of every command is paid by the auditor, issue #12).
import type { GeneratePreset } from "./commands/generate.js";
import type { CliContext } from "./context.js";
import {
  collect,
  EXIT_CODES_HELP,
  formatOption,
  ledgerOption,
  noVerifyOption,
  reindexOption,
} from "./options/common.js";
import { scopeOptions } from "./options/scope-options.js";
import type { OutputFormat } from "./output/format.js";
import { NumberFormat } from "./output/numbers.js";
import { userPath } from "./user-directory.js";
import { CLI_VERSION } from "./version.js";

/** Adds the scope options to a command. */
const withScope = (cmd: Command): Command => {
  for (const o of scopeOptions()) cmd.addOption(o);
  return cmd;
};

/** Options every data command shares, as commander parses them. */
interface FormatOpts {
  readonly format: OutputFormat;
}

/** The options that name files (`--ledger`, `--out`, `--backup`). */
const PATH_OPTIONS = ["ledger", "out", "backup"] as const;

/**
 * Builds the `coop-ledger` command tree. Commander only parses: each action hands typed options to a
 * `run*` function that returns an `Either`, and `runCli` prints it; commander's own exits are
 * overridden so that usage errors end with our message format and exit code 2.
 *
 * @example await buildProgram(makeContext(processIo())).parseAsync(["verify", "--ledger", "x.jsonl"], { from: "user" })
 */
export const buildProgram = (ctx: CliContext): Command => {
  const program = new Command("coop-ledger");
  program
    .description(
      "The auditor's tool for coop-ledger: point-in-time indicators (chỉ tiêu) of Vietnamese cooperatives (hợp tác xã) from a hash-chained event ledger.",
    )
    .version(CLI_VERSION, "-V, --version")
    .option("--debug", "print stack traces of unexpected errors")
    .addOption(
      new Option(
        "--number-format <format>",
        "how numbers read in tables and reports: en (42,556,000,000 ₫; 97.2 %) or vi (42.556.000.000 ₫; 97,2 %); default $COOP_LEDGER_NUMBER_FORMAT, else en; JSON and CSV stay raw",
      ).choices([...NumberFormat.values]),
    )
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.stdout(s),
      writeErr: (s) => ctx.io.stderr(s),
      // Errors are printed by runCli in one format (message + hint); commander stays quiet.
      outputError: () => {},
    })
    .addHelpText("after", EXIT_CODES_HELP)
    // The number format is a program-wide option (given before or after the command's name): read it
    // once, before any action runs, so every command and the final rendering use the same one.
    // $COOP_LEDGER_NUMBER_FORMAT is the default (read from the injected environment, not process.env).
    .hook("preAction", (root) => {
      const nf: unknown = root.opts().numberFormat ?? ctx.io.env.COOP_LEDGER_NUMBER_FORMAT ?? "en";
      if (!NumberFormat.is(nf))
        throw new CommanderError(
          2,
          "coop-ledger.numberFormat",
          `COOP_LEDGER_NUMBER_FORMAT: ${JSON.stringify(nf)} is not a number format (use en or vi)`,
        );
      ctx.numberFormat = nf;
    })
    // File options are relative to the user's directory (under `npm run cli` the process runs in the
    // package root): resolved here once, so every command reads and writes where the user meant.
    .hook("preAction", (_root, action) => {
      for (const name of PATH_OPTIONS) {
        const v: unknown = action.getOptionValue(name);
        if (typeof v === "string" && v !== "")
          action.setOptionValue(name, userPath(v, ctx.io.cwd, process.cwd()));
      }
    });

  const sub = (name: string, description: string): Command =>
    program.command(name).description(description).addHelpText("after", EXIT_CODES_HELP);

  sub("generate", "generate a realistic, deterministic sample ledger (@coop-ledger/generator)")
    .addOption(
      new Option(
        "--preset <preset>",
        "province | national (scale), or 000 | 001 | 002 | 003 | 004: the calibrated scenario of that resolution's own province (docs/resolutions.md)",
      )
        .choices(["province", "national", "000", "001", "002", "003", "004"])
        .default("province"),
    )
    .addOption(
      new Option(
        "--seed <n>",
        "seed of the generator (same seed, same bytes; a calibrated scenario has its own)",
      ).default("1"),
    )
    .addOption(new Option("--out <file>", "ledger file to write").makeOptionMandatory())
    .option("--force", "overwrite --out if it exists")
    .addOption(formatOption())
    .action(
      async (
        o: FormatOpts & {
          preset: GeneratePreset;
          seed: string;
          out: string;
          force?: boolean;
        },
      ) => runAction(ctx, o.format, async () => (await import("./commands/generate.js")).runGenerate(ctx, o)),
    );

  sub(
    "verify",
    "check the ledger's integrity (hash chain, canonical lines, sequence, unique ids); names the first bad line",
  )
    .addOption(ledgerOption())
    .option(
      "--validity",
      "also decode every event and replay every stream through the domain's rules (exit 8 on a rule violation)",
    )
    .option(
      "--expect-hash <hash>",
      "the last hash a printed figure named (its ledger identity): fail (exit 4) unless the ledger holds that state",
    )
    .option(
      "--expect-events <n>",
      "with --expect-hash: the event count that state had (the ledger may have grown since)",
    )
    .addOption(formatOption())
    .action(
      async (
        o: FormatOpts & { ledger: string; expectHash?: string; expectEvents?: string; validity?: boolean },
      ) => runAction(ctx, o.format, async () => (await import("./commands/verify.js")).runVerify(ctx, o)),
    );

  sub(
    "repair",
    "cut a crash tail (torn line, unfinished append, NUL block) at the end of a ledger; a dry run unless --apply",
  )
    .addOption(ledgerOption())
    .option(
      "--apply",
      "cut it, after copying the whole file to a backup (default: only show what would be cut)",
    )
    .option("--backup <path>", "where the backup goes (default <ledger>.<time>.bak; never overwritten)")
    .addOption(formatOption())
    .action(async (o: FormatOpts & { ledger: string; apply?: boolean; backup?: string }) =>
      runAction(ctx, o.format, async () => (await import("./commands/repair.js")).runRepair(ctx, o)),
    );

  withScope(
    sub("snapshot", "every indicator (chỉ tiêu) at a valid date, optionally as known at an instant")
      .addOption(ledgerOption())
      .addOption(noVerifyOption())
      .addOption(reindexOption())
      .addOption(
        new Option("--valid-at <date>", "valid date: YYYY-MM-DD or DD/MM/YYYY").makeOptionMandatory(),
      )
      .option(
        "--known-at <instant>",
        "only what was recorded by then (ISO 8601; a date means end of day UTC)",
      ),
  )
    .addOption(formatOption())
    .action(async (o) =>
      runAction(ctx, o.format, async () => (await import("./commands/snapshot.js")).runSnapshot(ctx, o)),
    );

  withScope(
    sub("series", "indicators over time, one row per period end")
      .addOption(ledgerOption())
      .addOption(noVerifyOption())
      .addOption(reindexOption())
      .addOption(new Option("--from <date>", "first date").makeOptionMandatory())
      .addOption(new Option("--to <date>", "last date").makeOptionMandatory())
      .addOption(new Option("--every <period>", "step").choices(["month", "quarter", "year"]).default("year"))
      .addOption(new Option("--indicator <id...>", "indicator ids (repeatable)").makeOptionMandatory())
      .option("--known-at <instant>", "only what was recorded by then"),
  )
    .addOption(formatOption())
    .action(async (o) =>
      runAction(ctx, o.format, async () => (await import("./commands/series.js")).runSeries(ctx, o)),
    );

  withScope(
    sub("explain", "the events that make up one indicator's figure (provenance)")
      .argument("<indicator>", "indicator id, e.g. coops.active")
      .addOption(ledgerOption())
      .addOption(noVerifyOption())
      .addOption(reindexOption())
      .addOption(new Option("--valid-at <date>", "valid date").makeOptionMandatory())
      .option("--known-at <instant>", "only what was recorded by then")
      .option("--limit <n>", "show at most n events in the table (json shows all)", "50"),
  )
    .addOption(formatOption())
    .action(async (indicator: string, o) =>
      runAction(ctx, o.format, async () =>
        (await import("./commands/explain.js")).runExplain(ctx, indicator, o),
      ),
    );

  withScope(
    sub(
      "diff",
      "the restatement between two knowledge instants: which figures changed and which events did it",
    )
      .addOption(ledgerOption())
      .addOption(noVerifyOption())
      .addOption(reindexOption())
      .addOption(new Option("--valid-at <date>", "valid date").makeOptionMandatory())
      .addOption(
        new Option("--known-at <instant>", "give twice: the earlier and the later instant")
          .argParser(collect)
          .makeOptionMandatory(),
      ),
  )
    .addOption(formatOption())
    .action(async (o) =>
      runAction(ctx, o.format, async () => (await import("./commands/diff.js")).runDiff(ctx, o)),
    );

  withScope(
    sub("targets", "a resolution's targets (chỉ tiêu nghị quyết): figure, threshold, met or not, k of n met")
      .addOption(ledgerOption())
      .addOption(noVerifyOption())
      .addOption(reindexOption())
      .addOption(new Option("--resolution <id>", "resolution id, e.g. 000 or 004").makeOptionMandatory())
      .addOption(new Option("--valid-at <date>", "valid date").makeOptionMandatory())
      .option("--known-at <instant>", "only what was recorded by then"),
  )
    .addOption(formatOption())
    .action(async (o) =>
      runAction(ctx, o.format, async () => (await import("./commands/targets.js")).runTargets(ctx, o)),
    );

  sub("report", "a self-contained HTML report with charts over time and target attainment (works offline)")
    .addOption(ledgerOption())
    .addOption(noVerifyOption())
    .addOption(reindexOption())
    .addOption(new Option("--out <file>", "HTML file to write").makeOptionMandatory())
    .option("--force", "replace --out if it exists (never the ledger itself)")
    .option("--valid-at <date>", "last date of the charts (default: the last effective date in the ledger)")
    .option("--from <date>", "first date of the charts (default: the first year in the ledger)")
    .option("--province <code>", "only this province")
    .addOption(
      new Option(
        "--form <form>",
        "count only this form: cooperative (HTX), union (LHHTX), group (THT); the charts' labels say which",
      ).choices(["cooperative", "union", "group"]),
    )
    .action(async (o) =>
      runAction(ctx, "table", async () => (await import("./commands/report.js")).runReport(ctx, o)),
    );

  sub(
    "serve",
    "a local, read-only web view of the ledger: figures at a date as known at an instant, provenance, restatements, targets",
  )
    .addOption(ledgerOption())
    .addOption(noVerifyOption())
    .addOption(reindexOption())
    .option("--host <address>", "address to listen on; anything but loopback needs --token", "127.0.0.1")
    .option("--port <n>", "port to listen on (0: any free port)", "8080")
    .option(
      "--token <secret>",
      "require this secret on every request (default $COOP_LEDGER_TOKEN); required off loopback",
    )
    .addOption(
      new Option(
        "--allow-host <name>",
        "a host name the browser may use besides the address (repeatable)",
      ).argParser(collect),
    )
    .action(
      async (o: {
        ledger: string;
        verify?: boolean;
        reindex?: boolean;
        host: string;
        port: string;
        token?: string;
        allowHost?: string[];
      }) => runAction(ctx, "table", async () => (await import("./commands/serve.js")).runServe(ctx, o)),
    );

  sub("indicators", "the indicator catalogue: ids, English and Vietnamese names, kinds, units")
    .addOption(formatOption())
    .action(async (o: FormatOpts) =>
      runAction(ctx, o.format, async () => (await import("./commands/indicators.js")).runIndicators(ctx)),
    );

  sub("import", "copy every event from EventStoreDB into a new ledger file")
    .addOption(
      new Option(
        "--esdb <url>",
        "connection string, e.g. esdb://localhost:2113?tls=false",
      ).makeOptionMandatory(),
    )
    .addOption(new Option("--out <file>", "ledger file to write").makeOptionMandatory())
    .option(
      "--force",
      "replace an existing --out ledger: under its writer lock (refused while a writer holds it), only once the whole import is written",
    )
    .addOption(formatOption())
    .action(async (o: FormatOpts & { esdb: string; out: string; force?: boolean }) =>
      runAction(ctx, o.format, async () => (await import("./commands/esdb.js")).runImport(ctx, o)),
    );

  sub("export", "append every event of a ledger file to EventStoreDB (idempotent: ids are deterministic)")
    .addOption(ledgerOption())
    .addOption(
      new Option(
        "--esdb <url>",
        "connection string, e.g. esdb://localhost:2113?tls=false",
      ).makeOptionMandatory(),
    )
    .addOption(formatOption())
    .action(async (o: FormatOpts & { esdb: string; ledger: string }) =>
      runAction(ctx, o.format, async () => (await import("./commands/esdb.js")).runExport(ctx, o)),
    );

  sub("demo", "the guided tour on the bundled sample ledger (Bình Thuận, 60)")
    .option("--ledger <file>", "use another ledger instead of examples/sample-ledgers/province-60.jsonl")
    .action(async (o: { ledger?: string }) =>
      runAction(ctx, "table", async () => (await import("./commands/demo.js")).runDemo(ctx, o)),
    );

  return program;
};
