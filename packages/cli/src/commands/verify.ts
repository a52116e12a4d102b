import { verifyIntegrity } from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import type { CliContext } from "../context.js";
import { checkLedgerInput } from "../engine/ledger-input.js";
import { fromLedgerIssue } from "../engine/ledger-issue.js";
import { checkDomainRules, type DomainRulesReport } from "../engine/ledger-validity.js";
import { type CliError, usage } from "../errors/cli-error.js";
import { EXIT } from "../errors/exit-codes.js";
import { eventLabel } from "../labels/event-labels.js";
import type { CliOutput } from "../output/data-table.js";
import { groupDigits } from "../output/numbers.js";

/** Options of `coop-ledger verify`. */
export interface VerifyOptions {
  readonly ledger: string;
  /** A last hash printed with a figure (its ledger identity): the ledger must hold that state. */
  readonly expectHash?: string;
  /** With `expectHash`: the event count of that state (default: the ledger's own count, i.e. no growth). */
  readonly expectEvents?: string;
  /** Also check validity: every event decoded through the codecs and replayed through the domain's rules. */
  readonly validity?: boolean;
}

/** The anchor a printed ledger identity names, from `--expect-hash` / `--expect-events`. */
const parseExpectation = (
  o: VerifyOptions,
): E.Either<CliError, { readonly hash: string; readonly events: number | undefined } | undefined> => {
  if (o.expectHash === undefined)
    return o.expectEvents === undefined
      ? E.right(undefined)
      : E.left(
          usage("--expect-events needs --expect-hash", "give both, as a printed ledger identity shows them"),
        );
  if (!/^[0-9a-f]{64}$/.test(o.expectHash))
    return E.left(usage(`--expect-hash: not a SHA-256 hash (64 lowercase hex digits): ${o.expectHash}`));
  if (o.expectEvents === undefined) return E.right({ hash: o.expectHash, events: undefined });
  const n = Number(o.expectEvents);
  if (!/^\d+$/.test(o.expectEvents) || !Number.isSafeInteger(n))
    return E.left(usage(`--expect-events: not a whole number of events: ${o.expectEvents}`));
  return E.right({ hash: o.expectHash, events: n });
};

const checkColumns = [
  { key: "check", header: "Check (Kiểm tra)" },
  { key: "result", header: "Result (Kết quả)" },
] as const;

/**
 * `coop-ledger verify --ledger FILE [--validity]`: checks the ledger's **integrity** (header, frames,
 * hash chain, canonical lines, positions, revisions, append grouping, unique ids) at hashing speed, in
 * parallel ranges (`verifyIntegrity`); with `--validity`, also its **validity**: every event decoded
 * through the codecs and every stream replayed through the domain's rules. The output says which were
 * checked ("validity: not checked" without the flag). A clean ledger prints its event count and last
 * hash (the anchor to keep elsewhere); a damaged one prints the finding, names the first bad line on
 * stderr and exits 4 (exit 3 when the file cannot be read); an event that does not decode is exit 4,
 * rule violations exit 8. With `--expect-hash H` the ledger must also hold the state a printed identity
 * named: its last hash is H, or, with `--expect-events N`, its first N events end in H — else exit 4.
 *
 * @example
 * import { readFileSync, writeFileSync } from "node:fs";
 * // A year of Bình Thuận (60) written to a ledger file (525 events).
 * const ctx = makeContext(processIo());
 * await writeLedger("verify.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * const r = await runVerify(ctx, { ledger: "verify.jsonl", validity: true });
 * if (E.isRight(r)) console.log(r.right.tables[0]?.title, r.right.exitCode); // "Ledger verify.jsonl: OK (hợp lệ)" undefined (exit 0)
 * // One character changed (an effective date back-dated a year): the hash chain no longer holds.
 * writeFileSync("verify.jsonl", readFileSync("verify.jsonl", "utf8").replace('"effectiveDate":"2022-06', '"effectiveDate":"2021-06'));
 * const tampered = await runVerify(ctx, { ledger: "verify.jsonl" });
 * if (E.isRight(tampered)) console.log(tampered.right.exitCode, tampered.right.error?.message);
 * // 4 "verify.jsonl: line 418 (byte 258028): the hash chain breaks here: this line, or the one before it, was changed, …"
 */
export const runVerify = async (
  ctx: CliContext,
  o: VerifyOptions,
): Promise<E.Either<CliError, CliOutput>> => {
  const expected = parseExpectation(o);
  if (E.isLeft(expected)) return expected;
  const expect = expected.right;
  const progress = ctx.progress("verify");
  progress.status(`checking the integrity of ${o.ledger} (hash chain, canonical lines, sequence, ids)…`);
  const r = await verifyIntegrity(o.ledger, {
    ...(expect?.events !== undefined ? { anchor: { events: expect.events, lastHash: expect.hash } } : {}),
  })();
  progress.done();
  if (E.isLeft(r)) {
    // A file converted by a tool (a byte-order mark, CR LF line ends) fails at line 1 as "not canonical";
    // say what happened to it, as the figure commands do.
    const converted = checkLedgerInput(o.ledger);
    const error =
      E.isLeft(converted) && converted.left._tag === "LedgerCorrupt"
        ? converted.left
        : fromLedgerIssue(o.ledger, r.left);
    if (error._tag === "FileError") return E.left(error);
    return E.right({
      json: { ledger: o.ledger, ok: false, issue: r.left },
      tables: [
        {
          title: `Ledger ${o.ledger}: FAILED verification (không hợp lệ)`,
          columns: checkColumns,
          rows: [
            { check: "first bad line (dòng lỗi đầu tiên)", result: r.left.line },
            { check: "byte offset", result: r.left.byteOffset },
            { check: "finding", result: r.left._tag },
          ],
        },
      ],
      error,
      exitCode: EXIT.corruptLedger,
    });
  }
  const v = r.right;
  // Validity, once integrity holds and when asked: every event decoded, every stream through the
  // domain's rules.
  let rules: DomainRulesReport | undefined;
  if (o.validity === true) {
    const rulesProgress = ctx.progress("verify");
    rulesProgress.status(
      `decoding every event of ${o.ledger} and replaying its streams through the domain's rules…`,
    );
    rules = await checkDomainRules(o.ledger);
    rulesProgress.done();
    if (rules.undecodable !== undefined) {
      const issue = rules.undecodable;
      return E.right({
        json: {
          ledger: o.ledger,
          ok: false,
          integrity: { ok: true, events: v.events, lastHash: v.lastHash },
          validity: { checked: true, ok: false, issue },
          issue,
        },
        tables: [
          {
            title: `Ledger ${o.ledger}: intact, but an event does not decode (toàn vẹn, nhưng không đọc được)`,
            columns: checkColumns,
            rows: [
              {
                check: "integrity (toàn vẹn)",
                result: "intact: hash chain, canonical lines, header, unique ids",
              },
              { check: "first bad line (dòng lỗi đầu tiên)", result: issue.line },
              { check: "byte offset", result: issue.byteOffset },
              { check: "finding", result: issue._tag },
            ],
          },
        ],
        error: fromLedgerIssue(o.ledger, issue),
        exitCode: EXIT.corruptLedger,
      });
    }
  }
  if (rules !== undefined && rules.count > 0)
    return E.right({
      json: {
        ledger: o.ledger,
        ok: false,
        integrity: { ok: true, events: v.events, lastHash: v.lastHash },
        validity: { checked: true, ok: false, ruleViolations: rules.count, first: rules.first },
      },
      tables: [
        {
          title: `Ledger ${o.ledger}: intact, but events break domain rules (toàn vẹn, nhưng không hợp lệ)`,
          columns: checkColumns,
          rows: [
            {
              check: "integrity (toàn vẹn)",
              result: "intact: hash chain, canonical lines, header, unique ids",
            },
            { check: "events (sự kiện)", result: groupDigits(v.events) },
            { check: "last hash (anchor)", result: v.lastHash },
            {
              check: "validity (hợp lệ)",
              result: `${groupDigits(rules.count)} event(s) break domain rules`,
            },
          ],
        },
        {
          title: "First rule violations (vi phạm quy tắc)",
          columns: [
            { key: "line", header: "line (dòng)" },
            { key: "streamId", header: "stream" },
            { key: "type", header: "event" },
            { key: "rule", header: "rule" },
            { key: "message", header: "why" },
          ],
          rows: rules.first.map((x) => ({ ...x, type: eventLabel(x.type) })),
        },
      ],
      error: {
        _tag: "LedgerCorrupt",
        path: o.ledger,
        line: rules.first[0]!.line,
        message: `${o.ledger}: line ${rules.first[0]!.line}: ${rules.first[0]!.message}`,
        hint: "the file is intact (not tampered with), but what it records breaks the domain's rules: correct it with retractions (EventRetracted) or investigate how it was written",
      },
      exitCode: EXIT.invalidEvents,
    });
  if (expect !== undefined && expect.events === undefined && expect.hash !== v.lastHash)
    return E.right({
      json: {
        ledger: o.ledger,
        ok: false,
        expectedHash: expect.hash,
        lastHash: v.lastHash,
        events: v.events,
      },
      tables: [
        {
          title: `Ledger ${o.ledger}: does not end in the expected hash (không khớp)`,
          columns: checkColumns,
          rows: [
            { check: "expected last hash", result: expect.hash },
            { check: "last hash", result: v.lastHash },
            { check: "events (sự kiện)", result: groupDigits(v.events) },
          ],
        },
      ],
      error: {
        _tag: "LedgerCorrupt",
        path: o.ledger,
        message: `${o.ledger}: the chain is intact but its last hash is ${v.lastHash}, not ${expect.hash}`,
        hint: "if the ledger has grown since the figure was printed, add --expect-events N (the event count printed with it)",
      },
      exitCode: EXIT.corruptLedger,
    });
  const anchorRows =
    expect === undefined
      ? []
      : [
          {
            check: "expected state (trạng thái)",
            result: `holds it: event ${groupDigits(expect.events ?? v.events)} ends in ${expect.hash}${
              expect.events !== undefined && v.events > expect.events
                ? `; ${groupDigits(v.events - expect.events)} event(s) appended since`
                : ""
            }`,
          },
        ];
  return E.right({
    json: {
      ledger: o.ledger,
      ok: true,
      integrity: { ok: true },
      validity:
        rules === undefined
          ? { checked: false }
          : { checked: true, ok: true, ruleViolations: 0, events: rules.events },
      events: v.events,
      streams: v.streams,
      bytes: v.bytes,
      lastHash: v.lastHash,
      header: v.header,
    },
    tables: [
      {
        title:
          rules === undefined
            ? `Ledger ${o.ledger}: intact (toàn vẹn); validity not checked`
            : `Ledger ${o.ledger}: OK (hợp lệ)`,
        columns: checkColumns,
        rows: [
          {
            check: "format",
            result: `${v.header.format} v${v.header.formatVersion}, ${v.header.hashAlgorithm}, ${v.header.canonicalization}`,
          },
          { check: "created at", result: v.header.createdAt },
          { check: "events (sự kiện)", result: groupDigits(v.events) },
          { check: "streams", result: groupDigits(v.streams) },
          { check: "bytes", result: groupDigits(v.bytes) },
          { check: "hash chain", result: "intact: every line's hash recomputed and matched" },
          {
            check: "integrity (toàn vẹn)",
            result: "intact: hash chain, canonical lines, header, positions, revisions, appends, unique ids",
          },
          ...(rules === undefined
            ? [
                {
                  check: "validity (hợp lệ)",
                  result:
                    "not checked (events not decoded, domain rules not replayed): run verify --validity",
                },
              ]
            : [
                {
                  check: "events decoded",
                  result: "all (known types, supported schema versions, valid data)",
                },
                {
                  check: "validity (hợp lệ)",
                  result: `every stream replayed through the domain's rules: ${groupDigits(rules.events)} events, 0 violations`,
                },
              ]),
          { check: "last hash (anchor)", result: v.lastHash },
          ...anchorRows,
        ],
      },
    ],
    notes: [
      "Keep the event count and last hash somewhere else (a report, a letter): lines removed from the end can only be detected against them.",
    ],
  });
};
