// Child process of the kill -9 crash test (src/file/crash.test.ts): appends to a file ledger in a loop
// and prints each event id to stdout once its append is acknowledged (after fdatasync). Plain JS against
// the built package (dist/): run `npx pnpm@10.34.8 exec tsc -b packages/store` first.
// Usage: node crash-writer.mjs <ledger path> <label>
import { uuidV5 } from "@coop-ledger/domain";
import { openFileLedger } from "../dist/index.js";

const NS = "7d0b1f52-7e0c-4f43-9a55-3c1e2b4d6f80";
const [path, label] = process.argv.slice(2);
const opened = await openFileLedger(path)();
if (opened._tag === "Left") {
  process.stderr.write(`${opened.left._tag}: ${opened.left.message}\n`);
  process.exit(2);
}
const ledger = opened.right;
process.stdout.write("ready\n");
for (let i = 0; ; i++) {
  if (i % 5 === 4) {
    // A bulk append of ~1 MB in one write: large writes can be cut short by SIGKILL (Linux checks for
    // fatal signals between pages), which is how a torn tail appears without a power cut.
    const items = Array.from({ length: 30 }, (_, s) => ({
      streamId: `coop-htx-bulk${s}`,
      expectedRevision: "any",
      events: Array.from({ length: 40 }, (_, k) => ({
        eventId: uuidV5(NS, `${label}/${i}/${s}/${k}`),
        event: {
          type: "CoopSuspended",
          schemaVersion: 1,
          data: { coopId: `htx-bulk${s}`, effectiveDate: "2024-01-01", reason: "x".repeat(400) },
        },
        metadata: { recordedAt: "2026-01-01T00:00:00.000Z" },
      })),
    }));
    const b = await ledger.appendBatch(items)();
    if (b._tag === "Left") {
      process.stderr.write(`${b.left._tag}: ${b.left.message}\n`);
      process.exit(3);
    }
    process.stdout.write(`${items.flatMap((it) => it.events.map((e) => e.eventId)).join("\n")}\n`);
    continue;
  }
  const coopId = `htx-c${i % 7}`;
  const events = Array.from({ length: 1 + (i % 3) }, (_, k) => ({
    eventId: uuidV5(NS, `${label}/${i}/${k}`),
    event: {
      type: k % 2 === 0 ? "CoopSuspended" : "CoopResumed",
      schemaVersion: 1,
      data: { coopId, effectiveDate: "2024-01-01" },
    },
    metadata: { recordedAt: "2026-01-01T00:00:00.000Z", recordedBy: `writer ${label} — ghi nhận` },
  }));
  const r = await ledger.append(`coop-${coopId}`, events, { expectedRevision: "any" })();
  if (r._tag === "Left") {
    process.stderr.write(`${r.left._tag}: ${r.left.message}\n`);
    process.exit(3);
  }
  // Synchronous on Linux pipes: once this returns, the ids survive our SIGKILL.
  process.stdout.write(`${events.map((e) => e.eventId).join("\n")}\n`);
}
