// Open a file ledger, found a co-op through the command handler, read it back, verify the file.
// Run from the repository root after a build: npx pnpm@10.34.8 exec tsc -b packages/store
//   node packages/store/examples/quickstart.mjs
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ledgerDecider, stateFromHistory, streamOf } from "@coop-ledger/domain";
import { makeCommandHandler, openFileLedger, verifyLedger } from "@coop-ledger/store";

const path = join(await mkdtemp(join(tmpdir(), "coop-ledger-")), "ledger.jsonl");
const opened = await openFileLedger(path)();
if (opened._tag === "Left") throw new Error(opened.left.message);
const ledger = opened.right;

const handler = makeCommandHandler({
  store: ledger,
  decider: ledgerDecider,
  streamOf,
  stateFromHistory,
  clock: () => new Date().toISOString(), // transaction time (recordedAt)
});
const command = {
  type: "FoundCoop", // Thành lập HTX
  data: {
    coopId: "htx-thanh-long",
    effectiveDate: "2019-03-01", // valid time: the registration date
    name: "HTX Thanh Long",
    form: "cooperative",
    sector: "agriculture",
    location: { gazetteer: "2008-08-01", provinceCode: "60" },
    foundingMembers: 7,
  },
};
const metadata = {
  recordedBy: "alliance-60/clerk-2",
  source: { kind: "registrationCertificate", number: "4801000123", date: "2019-03-01" },
};
for (let i = 0; i < 2; i++) {
  // The second run is a repeat of the same command id: nothing is appended.
  const r = await handler.handle({ commandId: "found-htx-thanh-long", command, metadata })();
  console.log(
    r._tag === "Right"
      ? `${r.right.streamId}: ${r.right.eventIds.length} event(s), already handled: ${r.right.alreadyHandled}`
      : r.left.message,
  );
}

const events = await ledger.readStream("coop-htx-thanh-long")();
if (events._tag === "Right")
  for (const e of events.right)
    console.log(
      `revision ${e.revision}: ${e.event.type} effective ${e.event.data.effectiveDate}, recorded ${e.metadata.recordedAt}`,
    );
await ledger.close();

const verified = await verifyLedger(path)();
console.log(
  verified._tag === "Right"
    ? `verified: ${verified.right.events} event(s), last hash ${verified.right.lastHash}`
    : verified.left.message,
);
