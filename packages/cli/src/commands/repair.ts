import { type RepairOutcome, repairLedger } from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import type { CliContext } from "../context.js";
import { fromStoreError } from "../engine/store-error.js";
import type { CliError } from "../errors/cli-error.js";
import { EXIT } from "../errors/exit-codes.js";
import type { CliOutput } from "../output/data-table.js";
import { groupDigits } from "../output/numbers.js";

/** Options of `coop-ledger repair`. */
export interface RepairOptions {
  readonly ledger: string;
  /** Cut the crash tail (a backup of the whole file is kept); without it, a dry run. */
  readonly apply?: boolean;
  /** Where the backup goes (default `<ledger>.<time>.bak`; never overwritten). */
  readonly backup?: string;
}

const columns = [
  { key: "check", header: "Check (Kiểm tra)" },
  { key: "result", header: "Result (Kết quả)" },
] as const;

const TAIL_TEXT = {
  TornLine: "a torn final line (a write cut short by a crash)",
  IncompleteAppend: "an unfinished final append (never acknowledged)",
  NulTail: "a NUL-filled tail (the file grew but its data was never written)",
} as const;

const rowsOf = (o: Exclude<RepairOutcome, { _tag: "NothingToRepair" }>) => [
  { check: "crash tail (phần đuôi hỏng)", result: TAIL_TEXT[o.tail] },
  { check: "first bad line (dòng lỗi đầu tiên)", result: o.issue.line },
  { check: "cut at byte", result: o._tag === "Truncated" ? o.truncatedAt : o.truncateAt },
  { check: "bytes removed", result: groupDigits(o.removedBytes) },
  { check: "events kept (sự kiện)", result: groupDigits(o.events) },
];

/**
 * `coop-ledger repair --ledger FILE [--apply] [--backup PATH]`: finds a crash artefact at the end of
 * a ledger (a torn line, an unfinished append, a NUL-filled tail) and, with `--apply` only, cuts it
 * after copying the whole file to a backup; the prefix kept must verify on its own first. Without
 * `--apply` nothing is changed (a dry run: what would be cut). Damage that is not a crash tail is
 * refused with exit 4; a running writer holds the lock (exit 7).
 *
 * @example
 * import { appendFileSync } from "node:fs";
 * // A year of Bình Thuận (60) written to a ledger file (525 events).
 * const ctx = makeContext(processIo());
 * await writeLedger("repair.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * // A crash cuts the next append short: a torn last line.
 * appendFileSync("repair.jsonl", '{"hash":"9f2c');
 * const dry = await runRepair(ctx, { ledger: "repair.jsonl" });
 * console.log(E.isRight(dry) && dry.right.exitCode); // 4: what would be cut, nothing changed
 * const fixed = await runRepair(ctx, { ledger: "repair.jsonl", apply: true, backup: "repair.jsonl.bak" });
 * if (E.isLeft(fixed)) throw new Error(fixed.left.message);
 * console.log(fixed.right.tables[0]?.title); // "Ledger repair.jsonl: repaired (đã sửa)": 525 events kept, the whole file in repair.jsonl.bak
 */
export const runRepair = async (
  ctx: CliContext,
  o: RepairOptions,
): Promise<E.Either<CliError, CliOutput>> => {
  const progress = ctx.progress("repair");
  progress.status(`checking ${o.ledger} for a crash tail…`);
  const r = await repairLedger(o.ledger, {
    truncate: o.apply === true,
    ...(o.backup !== undefined ? { backupPath: o.backup } : {}),
  })();
  progress.done();
  if (E.isLeft(r)) {
    const e = fromStoreError(r.left, "file");
    return E.left(
      e._tag === "LedgerCorrupt"
        ? {
            ...e,
            hint: "this is not a crash tail (torn line, unfinished append, NUL block) but damage: repair never cuts it; compare with a backup or a trusted copy",
          }
        : e,
    );
  }
  const out = r.right;
  if (out._tag === "NothingToRepair")
    return E.right({
      json: { ledger: o.ledger, ok: true, outcome: out },
      tables: [
        {
          title: `Ledger ${o.ledger}: nothing to repair (không cần sửa)`,
          columns,
          rows: [{ check: "events (sự kiện)", result: groupDigits(out.events) }],
        },
      ],
    });
  if (out._tag === "WouldTruncate")
    return E.right({
      json: { ledger: o.ledger, ok: false, applied: false, outcome: out },
      tables: [{ title: `Ledger ${o.ledger}: dry run — would cut (chạy thử)`, columns, rows: rowsOf(out) }],
      notes: ["Nothing was changed. Run again with --apply to cut it (a backup of the whole file is kept)."],
      // The ledger does not verify as it is: exit 4 with one error line on stderr, as `verify` does, so
      // a script that discards stdout still learns why.
      error: {
        _tag: "LedgerCorrupt",
        path: o.ledger,
        line: out.issue.line,
        message: `${o.ledger}: line ${out.issue.line}: ${TAIL_TEXT[out.tail]}; a repair would cut ${groupDigits(out.removedBytes)} bytes at byte ${out.truncateAt} and keep ${groupDigits(out.events)} events (nothing changed: dry run)`,
        hint: "run again with --apply to cut it (a backup of the whole file is kept)",
      },
      exitCode: EXIT.corruptLedger,
    });
  return E.right({
    json: { ledger: o.ledger, ok: true, applied: true, outcome: out },
    tables: [
      {
        title: `Ledger ${o.ledger}: repaired (đã sửa)`,
        columns,
        rows: [...rowsOf(out), { check: "backup (bản sao)", result: out.backupPath }],
      },
    ],
    notes: [
      "The ledger verifies again. Run `coop-ledger verify` and compare its last hash with your records.",
    ],
  });
};
