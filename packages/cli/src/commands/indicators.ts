import { INDICATORS } from "@coop-ledger/projections";
import * as E from "fp-ts/lib/Either.js";
import type { CliContext } from "../context.js";
import type { CliError } from "../errors/cli-error.js";
import type { CliOutput } from "../output/data-table.js";

/**
 * `coop-ledger indicators`: the catalogue (ids to pass to `series`, `explain`), with English and
 * Vietnamese names, kind (instant / period / annual) and unit.
 *
 * @example
 * const r = await runIndicators(makeContext(processIo()));
 * if (E.isRight(r)) console.log(r.right.tables[0]?.rows[0]); // { id: "coops.active", en: "Active co-ops", vi: "Số hợp tác xã đang hoạt động", kind: "instant", unit: "count", … }
 */
export const runIndicators = async (_ctx: CliContext): Promise<E.Either<CliError, CliOutput>> =>
  E.right({
    json: INDICATORS,
    tables: [
      {
        title: "Indicator catalogue (danh mục chỉ tiêu)",
        columns: [
          { key: "id", header: "id" },
          { key: "en", header: "name" },
          { key: "vi", header: "tên chỉ tiêu" },
          { key: "kind", header: "kind" },
          { key: "unit", header: "unit" },
          { key: "definition", header: "definition", only: "data" },
          { key: "numerator", header: "numerator", only: "data" },
          { key: "denominator", header: "denominator", only: "data" },
        ],
        rows: INDICATORS.map((d) => ({
          id: d.id,
          en: d.label.en,
          vi: d.label.vi,
          kind: d.kind,
          unit: d.unit,
          definition: d.definition,
          numerator: d.numerator ?? null,
          denominator: d.denominator ?? null,
        })),
      },
    ],
  });
