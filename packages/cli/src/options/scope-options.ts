import { CoopForm, GazetteerVersion, Sector } from "@coop-ledger/domain";
import { Option } from "commander";

// Apart from scope.ts (which checks the values, with the district gazetteer) so that building the
// command tree, on every start and on `--version`'s, does not load the gazetteer (issue #12).

/**
 * The scope options every query command takes.
 * @example
 * import { Command } from "commander";
 * const cmd = new Command("snapshot").exitOverride();
 * for (const o of scopeOptions()) cmd.addOption(o);
 * cmd.parse(["--province", "60", "--form", "union"], { from: "user" });
 * console.log(cmd.opts()); // { geography: "as-of", province: "60", form: "union" }
 */
export const scopeOptions = (): ReadonlyArray<Option> => [
  new Option("--province <code>", "only this province (mã tỉnh, two digits, e.g. 60 = Bình Thuận)"),
  new Option("--district <code>", "only this district (mã huyện, three digits; 2008-08-01 gazetteer only)"),
  new Option("--sector <sector>", "only this sector (lĩnh vực)").choices([...Sector.values]),
  new Option("--form <form>", "only this form: cooperative (HTX), union (LHHTX), group (THT)").choices([
    ...CoopForm.values,
  ]),
  new Option(
    "--geography <version>",
    "report provinces as they were on the valid date (as-of) or re-mapped to a gazetteer version",
  )
    .choices(["as-of", ...GazetteerVersion.values])
    .default("as-of"),
];
