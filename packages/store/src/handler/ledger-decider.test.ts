import { join } from "node:path";
import {
  type Command,
  type Instant,
  ledgerDecider,
  type ReorganisationId,
  stateFromHistory,
  streamOf,
} from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { openFileLedger } from "../file/file-ledger.js";
import { tempDir } from "../file/test-support/temp-dir.js";
import { verifyLedger } from "../file/verify-ledger.js";
import { completeReorganisation } from "../reorganisation/reorganisation-process.js";
import { makeCommandHandler } from "./command-handler.js";

const clock = () => "2024-05-06T07:08:09.000Z" as Instant;
const loc = { gazetteer: "2008-08-01", provinceCode: "60" };
const cmd = (c: unknown) => c as Command;

describe("the command handler with the domain's ledger decider on a file ledger", () => {
  it("founds, refuses by the law in force, repeats idempotently, reorganises, and the file verifies", async () => {
    const t = await tempDir();
    try {
      const path = join(t.dir, "ledger.jsonl");
      const opened = await openFileLedger(path)();
      if (E.isLeft(opened)) throw new Error(opened.left.message);
      const store = opened.right;
      const h = makeCommandHandler({ store, decider: ledgerDecider, streamOf, stateFromHistory, clock });
      const found = (id: string, members: number) =>
        cmd({
          type: "FoundCoop",
          data: {
            coopId: id,
            effectiveDate: "2019-03-01",
            name: `HTX ${id}`,
            form: "cooperative",
            sector: "agriculture",
            location: loc,
            foundingMembers: members,
          },
        });

      const first = await h.handle({
        commandId: "found-1",
        command: found("htx-1", 9),
        metadata: { recordedBy: "clerk-2" as never },
      })();
      expect(first).toEqual(
        E.right(expect.objectContaining({ streamId: "coop-htx-1", alreadyHandled: false })),
      );
      const again = await h.handle({ commandId: "found-1", command: found("htx-1", 9) })();
      expect(again).toEqual(E.right(expect.objectContaining({ alreadyHandled: true })));
      // Law 23/2012/QH13 art. 3: at least 7 founding members in 2019.
      const tooFew = await h.handle({ commandId: "found-2", command: found("htx-2", 3) })();
      expect(tooFew).toEqual(E.left(expect.objectContaining({ _tag: "Rejected" })));
      const twice = await h.handle({ commandId: "found-1b", command: found("htx-1", 9) })();
      expect(twice).toEqual(E.left(expect.objectContaining({ _tag: "Rejected" })));

      const split = cmd({
        type: "DecideReorganisation",
        data: {
          reorganisationId: "r-1",
          effectiveDate: "2022-01-01",
          kind: "split",
          sources: ["htx-1"],
          newCoops: [
            {
              coopId: "htx-3",
              name: "HTX Ba",
              form: "cooperative",
              sector: "agriculture",
              location: loc,
              members: 7,
            },
            {
              coopId: "htx-4",
              name: "HTX Bốn",
              form: "cooperative",
              sector: "agriculture",
              location: loc,
              members: 8,
            },
          ],
        },
      });
      const decided = await h.handle({ commandId: "reorg-1", command: split })();
      expect(E.isRight(decided)).toBe(true);
      const done = await completeReorganisation({ store, clock })("r-1" as ReorganisationId)();
      expect(done).toEqual(
        E.right(expect.objectContaining({ applied: ["coop-htx-1", "coop-htx-3", "coop-htx-4"] })),
      );
      // htx-1 is reorganised away: the decider now refuses anything on it.
      const suspend = await h.handle({
        commandId: "s-1",
        command: cmd({ type: "SuspendCoop", data: { coopId: "htx-1", effectiveDate: "2022-06-01" } }),
      })();
      expect(suspend).toEqual(E.left(expect.objectContaining({ _tag: "Rejected" })));
      await store.close();
      const v = await verifyLedger(path)();
      expect(v).toEqual(E.right(expect.objectContaining({ events: 5 })));
    } finally {
      await t.remove();
    }
  });
});
