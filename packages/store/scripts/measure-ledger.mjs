// Measures the file ledger on a generated file (not part of the tests): bulk write, open (index build)
// with and without chain verification, streaming replay (codec / trusted) against a bare JSON.parse of
// the same lines, and verifyLedger. Plain JS against dist/: build first with
//   npx pnpm@10.34.8 exec tsc -b packages/store
// Usage: node packages/store/scripts/measure-ledger.mjs [events=200000] [dir=/tmp]
import { open, rm } from "node:fs/promises";
import { join } from "node:path";
import { uuidV5 } from "@coop-ledger/domain";
import { openFileLedger, readLedgerChunks, verifyLedger } from "../dist/index.js";

const N = Number(process.argv[2] ?? 200_000);
const path = join(process.argv[3] ?? "/tmp", `measure-${process.pid}.jsonl`);
const NS = "7d0b1f52-7e0c-4f43-9a55-3c1e2b4d6f80";
const COOPS = Math.max(1, Math.round(N / 30));
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const rate = (n, t) => `${Math.round(n / (t / 1000)).toLocaleString("en")} events/s`;
const mb = () => `${Math.round(process.memoryUsage().rss / 1048576)} MB RSS`;

const eventFor = (c, rev) => {
  const coopId = `htx-${String(c).padStart(6, "0")}`;
  if (rev === 0)
    return {
      type: "CoopFounded",
      schemaVersion: 2,
      data: {
        coopId,
        effectiveDate: "2014-03-01",
        name: `Hợp tác xã nông nghiệp ${c}`,
        form: "cooperative",
        sector: "agriculture",
        agricultureKind: "crop",
        location: { gazetteer: "2008-08-01", provinceCode: "60" },
        foundingMembers: 7 + (c % 90),
        origin: { kind: "new" },
        charterCapitalVnd: 500_000_000,
      },
    };
  return {
    type: rev % 2 ? "CoopSuspended" : "CoopResumed",
    schemaVersion: 1,
    data: { coopId, effectiveDate: `20${15 + (rev % 10)}-0${1 + (rev % 9)}-1${rev % 9}` },
  };
};

{
  const t0 = process.hrtime.bigint();
  const l = (await openFileLedger(path)()).right;
  const revs = new Array(COOPS).fill(0);
  const BATCH = 5000;
  for (let i = 0; i < N; i += BATCH) {
    const items = [];
    for (let k = i; k < Math.min(N, i + BATCH); k++) {
      const c = k % COOPS;
      const rev = revs[c]++;
      items.push({
        streamId: `coop-htx-${String(c).padStart(6, "0")}`,
        expectedRevision: rev === 0 ? "noStream" : rev - 1,
        events: [
          {
            eventId: uuidV5(NS, String(k)),
            event: eventFor(c, rev),
            metadata: {
              recordedAt: "2026-01-01T00:00:00.000Z",
              recordedBy: "measure",
              source: { kind: "decision", number: `${k}/QĐ-UBND`, issuer: "UBND tỉnh" },
            },
          },
        ],
      });
    }
    const r = await l.appendBatch(items)();
    if (r._tag === "Left") throw new Error(r.left.message);
  }
  const info = l.info();
  await l.close();
  console.log(
    `write (appendBatch of 5000, one fsync each): ${N} events, ${Math.round(info.bytes / 1048576)} MB in ${Math.round(ms(t0))} ms = ${rate(N, ms(t0))}`,
  );
}

for (const verifyChain of [true, false]) {
  const t0 = process.hrtime.bigint();
  const l = (await openFileLedger(path, { readOnly: true, verifyChain })()).right;
  const t = ms(t0);
  console.log(`open read-only, verifyChain=${verifyChain}: ${Math.round(t)} ms = ${rate(N, t)}, ${mb()}`);
  await l.close();
}

let baseline;
{
  // Bare JSON.parse of every line, same chunked reading: the replay budget's yardstick.
  const t0 = process.hrtime.bigint();
  const fh = await open(path, "r");
  const buf = Buffer.allocUnsafe(8 * 1048576);
  let filled = 0;
  let pos = 0;
  let n = 0;
  for (;;) {
    const { bytesRead } = await fh.read(buf, filled, buf.length - filled, pos + filled);
    filled += bytesRead;
    let s = 0;
    for (let nl = buf.indexOf(10, s); nl !== -1 && nl < filled; nl = buf.indexOf(10, s)) {
      JSON.parse(buf.toString("utf8", s, nl));
      n++;
      s = nl + 1;
    }
    buf.copy(buf, 0, s, filled);
    pos += s;
    filled -= s;
    if (bytesRead === 0) break;
  }
  await fh.close();
  baseline = ms(t0);
  console.log(`bare JSON.parse of ${n} lines: ${Math.round(baseline)} ms = ${rate(n, baseline)}`);
}

for (const [validation, verifyChain] of [
  ["trusted", false],
  ["codec", false],
  ["trusted", true],
]) {
  const t0 = process.hrtime.bigint();
  let n = 0;
  for await (const chunk of readLedgerChunks(path, { validation, verifyChain }))
    for (const r of chunk) if (r._tag === "Right") n++;
  const t = ms(t0);
  console.log(
    `readLedger validation=${validation} verifyChain=${verifyChain}: ${n} events in ${Math.round(t)} ms = ${rate(n, t)} (${Math.round((100 * baseline) / t)}% of bare JSON.parse)`,
  );
}

{
  const t0 = process.hrtime.bigint();
  const v = await verifyLedger(path, { decodeEvents: false })();
  console.log(`verifyLedger (chain + JSON, no codecs): ${v._tag} in ${Math.round(ms(t0))} ms`);
}
await rm(path);
