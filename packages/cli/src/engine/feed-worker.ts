// The program of a first build's feed thread (parallel-feed.ts): one partition of the ledger's
// streams, read from the whole file, fed and recorded (`PartitionFeed`), its log posted in batches
// (typed, transferred). Bundled as its own entry, dist/feed-worker.js (scripts/bundle.mjs): the chain
// pool's `fn.toString()` cannot carry the projections' code.
import { parentPort, workerData } from "node:worker_threads";
import { PartitionFeed } from "@coop-ledger/projections";
import { readLedgerChunks } from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import { offsetSource } from "./index-feed.js";
import { LedgerFacts } from "./ledger-facts.js";
import { fromLedgerIssue } from "./ledger-issue.js";
import { type FeedWorkerData, type FeedWorkerMessage, partitionOf } from "./parallel-feed.js";

const run = async (port: NonNullable<typeof parentPort>, job: FeedWorkerData): Promise<void> => {
  const post = (m: FeedWorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
  const source = offsetSource(job.path, (p) => job.offsets[p] as number);
  let fed = 0;
  const feed = new PartitionFeed(source, (b) =>
    post({ t: "batch", ops: b.ops, strings: b.strings, fed }, [b.ops.buffer as ArrayBuffer]),
  );
  const facts = new LedgerFacts();
  let differs = false;
  const only = {
    owns: (id: string) => partitionOf(id, job.parts) === job.part,
    differs: () => {
      differs = true;
    },
  };
  for await (const chunk of readLedgerChunks(job.path, { only })) {
    // A line the other threads' byte scan read otherwise than its parse: the build is done on one thread.
    if (differs) return post({ t: "fallback", fed });
    for (const r of chunk) {
      if (E.isLeft(r)) {
        post({ t: "issue", line: r.left.line, error: fromLedgerIssue(job.path, r.left), fed });
        return;
      }
      feed.add(r.right);
      facts.observe(r.right);
      fed++;
    }
  }
  if (differs) return post({ t: "fallback", fed });
  const end = feed.finish();
  post({ t: "end", end, facts: facts.data(), fed });
};

if (parentPort !== null) await run(parentPort, workerData as FeedWorkerData);
