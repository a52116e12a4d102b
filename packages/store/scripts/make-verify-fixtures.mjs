#!/usr/bin/env node
// Writes the verifier-agreement fixtures (packages/store/fixtures/verify/): small ledgers, most of them
// "rehashed" — edited and then given a valid hash chain again, as a forger would — each breaking one
// rule of docs/ledger-format.md, and `expected.json`: for each file "OK" or the 1-based line of the first
// problem. `verifyLedger` and `verify_ledger.py` must both give exactly that verdict
// (src/file/verifier-agreement.test.ts). Usage: node make-verify-fixtures.mjs [OUT_DIR]
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const out = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), "../fixtures/verify");

const header =
  '{"canonicalization":"RFC8785","createdAt":"2026-01-01T00:00:00.000Z","format":"coop-ledger","formatVersion":1,"hashAlgorithm":"sha256","maxLineBytes":1048576}';
const ev = (o) => {
  const r = {
    batchRemaining: o.batch ?? 0,
    data: o.data ?? { coopId: o.coop ?? "htx-1", effectiveDate: "2025-03-01" },
    eventId: o.id,
    metadata: { recordedAt: "2026-01-02T03:04:05.000Z", recordedBy: o.by ?? "clerk-2" },
    position: o.position,
    revision: o.revision,
    schemaVersion: 1,
    streamId: `coop-${o.coop ?? "htx-1"}`,
    type: o.type ?? (o.revision % 2 === 0 ? "CoopSuspended" : "CoopResumed"),
  };
  // Plain JSON.stringify in member order = the canonical form for these ASCII keys written sorted.
  return JSON.stringify(r);
};
const id = (n) => `00000000-0000-5000-8000-${String(n).padStart(12, "0")}`;
const base = () => [
  header,
  ev({ id: id(1), position: 0, revision: 0, batch: 1 }),
  ev({ id: id(2), position: 1, revision: 1 }),
  ev({ id: id(3), position: 2, revision: 0, coop: "htx-2" }),
];

/** Frames and chains contents (strings or Buffers, each starting with "{"): a valid chain over them. */
const chain = (contents) => {
  let prev = "";
  const lines = [];
  for (const c of contents) {
    const bytes = Buffer.isBuffer(c) ? c : Buffer.from(c, "utf8");
    const hash = createHash("sha256").update(prev).update(bytes).digest("hex");
    lines.push(Buffer.concat([Buffer.from(`{"hash":"${hash}",`), bytes.subarray(1), Buffer.from("\n")]));
    prev = hash;
  }
  return Buffer.concat(lines);
};
/** The base ledger with its 1-based line `n` edited by `f` (which must change it), rehashed. */
const withLine = (n, f) => {
  const c = base();
  const edited = f(c[n - 1]);
  if (edited === c[n - 1]) throw new Error(`the edit of line ${n} changed nothing`);
  c[n - 1] = edited;
  return chain(c);
};
const deep = (n) => `${"[".repeat(n - 2)}1${"]".repeat(n - 2)}`; // n levels counting the line's and data's objects

const cases = {
  "ok.jsonl": [chain(base()), "OK"],
  "ok-unicode-and-escapes.jsonl": [
    withLine(3, (l) => l.replace('"clerk-2"', JSON.stringify('Nguyễn Văn A\n\t\u0001"\\ \u2028 😀'))),
    "OK",
  ],
  "ok-fraction-and-nesting-16.jsonl": [
    withLine(3, (l) =>
      l.replace('"effectiveDate":"2025-03-01"', `"effectiveDate":"2025-03-01","x":${deep(16)},"y":0.000001`),
    ),
    "OK",
  ],
  "rehashed-extra-space.jsonl": [withLine(2, (l) => l.replace('"position":0', '"position": 0')), 2],
  "rehashed-key-order.jsonl": [
    withLine(2, (l) => l.replace('"position":0,"revision":0', '"revision":0,"position":0')),
    2,
  ],
  "rehashed-duplicate-key.jsonl": [
    withLine(3, (l) => l.replace('"revision":1', '"revision":0,"revision":1')),
    3,
  ],
  "rehashed-number-1.0.jsonl": [withLine(3, (l) => l.replace('"revision":1', '"revision":1.0')), 3],
  "rehashed-number-exponent.jsonl": [withLine(3, (l) => l.replace('"revision":1', '"revision":1e0')), 3],
  "rehashed-negative-zero.jsonl": [withLine(2, (l) => l.replace('"position":0', '"position":-0')), 2],
  "rehashed-unsafe-integer.jsonl": [
    withLine(3, (l) => l.replace('"2025-03-01"', '"2025-03-01","n":9007199254740993')),
    3,
  ],
  "rehashed-nan.jsonl": [withLine(3, (l) => l.replace('"2025-03-01"', '"2025-03-01","n":NaN')), 3],
  "rehashed-escaped-slash.jsonl": [withLine(3, (l) => l.replace('"2025-03-01"', '"2025\\/03\\/01"')), 3],
  "rehashed-unicode-escape.jsonl": [withLine(3, (l) => l.replace('"clerk-2"', '"cl\\u00e9rk"')), 3],
  "rehashed-lone-surrogate.jsonl": [withLine(3, (l) => l.replace('"clerk-2"', '"clerk\\ud800"')), 3],
  "rehashed-invalid-utf8.jsonl": [
    (() => {
      const c = base();
      c[2] = Buffer.from(c[2].replace('"clerk-2"', '"clerk-\u00e9"'), "utf8");
      const at = c[2].indexOf(0xc3);
      c[2][at] = 0xff; // invalid UTF-8 inside a string
      return chain(c);
    })(),
    3,
  ],
  "rehashed-overlong-utf8.jsonl": [
    (() => {
      const c = base();
      const b = Buffer.from(c[2], "utf8");
      const at = b.indexOf(Buffer.from("clerk"));
      c[2] = Buffer.concat([b.subarray(0, at), Buffer.from([0xc1, 0xa1]), b.subarray(at + 1)]); // overlong "a"
      return chain(c);
    })(),
    3,
  ],
  "rehashed-nesting-17.jsonl": [
    withLine(3, (l) => l.replace('"2025-03-01"', `"2025-03-01","x":${deep(17)}`)),
    3,
  ],
  "rehashed-nesting-5000.jsonl": [
    withLine(3, (l) => l.replace('"2025-03-01"', `"2025-03-01","x":${deep(5000)}`)),
    3,
  ],
  "rehashed-unknown-member.jsonl": [
    withLine(3, (l) => l.replace('"batchRemaining":0', '"a":1,"batchRemaining":0')),
    3,
  ],
  "rehashed-hash-member.jsonl": [withLine(3, (l) => l.replace('"metadata"', '"hash":"x","metadata"')), 3],
  "rehashed-negative-batch.jsonl": [
    withLine(4, (l) => l.replace('"batchRemaining":0', '"batchRemaining":-1')),
    4,
  ],
  "rehashed-duplicate-event-id.jsonl": [withLine(4, (l) => l.replace(id(3), id(1))), 4],
  "rehashed-header-maxlinebytes-10.jsonl": [withLine(1, (l) => l.replace("1048576", "10")), 1],
  "rehashed-header-unknown-member.jsonl": [
    withLine(1, (l) => l.replace('"format":', '"extra":true,"format":')),
    1,
  ],
  "rehashed-header-bad-instant.jsonl": [withLine(1, (l) => l.replace("2026-01-01T", "2026-02-30T")), 1],
  "rehashed-header-version-true.jsonl": [
    withLine(1, (l) => l.replace('"formatVersion":1', '"formatVersion":true')),
    1,
  ],
  "rehashed-bad-stream-id.jsonl": [withLine(4, (l) => l.replaceAll("htx-2", "htx 2")), 4],
  "changed-not-rehashed.jsonl": [
    Buffer.from(chain(base()).toString("utf8").replace('"2025-03-01"}', '"2025-03-02"}')),
    2,
  ],
  "crlf.jsonl": [Buffer.from(chain(base()).toString("utf8").replaceAll("\n", "\r\n")), 1],
  "bom.jsonl": [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), chain(base())]), 1],
  "torn-tail.jsonl": [chain(base()).subarray(0, -10), 4],
  "incomplete-append.jsonl": [chain(base().slice(0, 2)), 2],
  "torn-inside-append.jsonl": [chain(base().slice(0, 3)).subarray(0, -10), 2],
  "empty.jsonl": [Buffer.alloc(0), 1],
};

mkdirSync(out, { recursive: true });
const expected = {};
for (const [name, [bytes, verdict]] of Object.entries(cases)) {
  writeFileSync(join(out, name), bytes);
  expected[name] = verdict;
}
writeFileSync(join(out, "expected.json"), `${JSON.stringify(expected, null, 2)}\n`);
console.log(`${Object.keys(cases).length} fixtures written to ${out}`);
