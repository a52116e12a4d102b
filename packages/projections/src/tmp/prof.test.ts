import type { RecordedEvent } from "@coop-ledger/domain";
import { generateLedger } from "@coop-ledger/testing";
import { it } from "vitest";
import { ProjectionIndex } from "../index/projection-index.js";
it("prof", () => {
  const revisions = new Map<string, number>();
  const out: RecordedEvent[] = [];
  for (const g of generateLedger({ preset: "province", seed: 2026 })) {
    const revision = revisions.get(g.streamId) ?? 0;
    revisions.set(g.streamId, revision + 1);
    out.push({ ...g, revision, position: out.length } as RecordedEvent);
  }
  const sizes = [...revisions.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
  console.log(sizes, revisions.size);
  const index = new ProjectionIndex();
  const byKind = new Map<string, number>();
  const byType = new Map<string, number>();
  for (const e of out) {
    const t = performance.now();
    index.add(e);
    const dt = performance.now() - t;
    const k = e.streamId.split("-")[0] as string;
    byKind.set(k, (byKind.get(k) ?? 0) + dt);
    byType.set(e.event.type, (byType.get(e.event.type) ?? 0) + dt);
  }
  console.log([...byKind], [...byType].sort((a, b) => b[1] - a[1]).slice(0, 8));
});
