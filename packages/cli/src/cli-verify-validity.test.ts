import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CURRENT_SCHEMA_VERSION, type DomainEvent, type EventId, type Instant } from "@coop-ledger/domain";
import { openFileLedger } from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { eventLabel } from "./labels/event-labels.js";
import { BIN, hasBin, runBin } from "./test-support/run-bin.js";

const SAMPLE = fileURLToPath(new URL("../../../examples/sample-ledgers/province-60.jsonl", import.meta.url));

if (!hasBin())
  console.warn(`\n!! SKIPPED: the CLI tests run the built bin ${BIN}; build first with tsc -b\n`);

describe.skipIf(!hasBin())("verify: integrity and validity reported separately", () => {
  it("an intact ledger whose last event breaks a domain rule: integrity intact, validity fails, exit 8 naming the line", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "cli-validity-")), "l.jsonl");
    copyFileSync(SAMPLE, path);
    const opened = await openFileLedger(path)();
    if (E.isLeft(opened)) throw new Error(opened.left.message);
    const ledger = opened.right;
    const page = await ledger.readAll({ maxCount: 50 })();
    if (E.isLeft(page)) throw new Error(page.left.message);
    const founded = page.right.events.find((e) => e.event.type === "CoopFounded")!;
    const coopId = (founded.event.data as { coopId: string }).coopId;
    // Founding the same co-op again: the store appends it (it does not judge), the rules refuse it.
    const appended = await ledger.append(
      founded.streamId,
      [
        {
          eventId: "00000000-0000-5000-8000-00000000beef" as EventId,
          event: { ...founded.event, schemaVersion: CURRENT_SCHEMA_VERSION.CoopFounded } as DomainEvent,
          metadata: { recordedAt: "2026-06-01T00:00:00.000Z" as Instant },
        },
      ],
      { expectedRevision: "any" },
    )();
    await ledger.close();
    if (E.isLeft(appended)) throw new Error(appended.left.message);
    const line = appended.right.lastPosition + 2;
    const r = runBin(["verify", "--ledger", path, "--validity", "--format", "json"]);
    expect(r.code, r.stderr).toBe(8);
    const out = JSON.parse(r.stdout) as {
      integrity: { ok: boolean };
      validity: { ok: boolean; ruleViolations: number; first: Array<{ line: number; streamId: string }> };
    };
    expect(out.integrity.ok).toBe(true);
    expect(out.validity).toMatchObject({ ok: false, ruleViolations: 1 });
    expect(out.validity.first[0]).toMatchObject({ line, streamId: founded.streamId });
    expect(r.stderr).toContain(`line ${line}`);
    expect(coopId.length).toBeGreaterThan(0);
    // Without --validity only integrity is checked, and the output says so: exit 0, validity not checked.
    const plain = runBin(["verify", "--ledger", path, "--format", "json"]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(JSON.parse(plain.stdout)).toMatchObject({
      ok: true,
      integrity: { ok: true },
      validity: { checked: false },
    });
    const text = runBin(["verify", "--ledger", path]);
    expect(text.stdout).toContain("not checked");
    // The violations table names the event as every other table does: type and its one Vietnamese label.
    const table = runBin(["verify", "--ledger", path, "--validity"]);
    expect(table.code, table.stderr).toBe(8);
    expect(table.stdout).toContain(eventLabel("CoopFounded"));
  });

  it("the sample ledger passes both: exit 0, integrity and validity ok", () => {
    const r = runBin(["verify", "--ledger", SAMPLE, "--validity", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      integrity: { ok: true },
      validity: { checked: true, ok: true, ruleViolations: 0 },
    });
  });

  it("an event of an unknown type in an intact ledger: integrity passes, --validity is exit 4 naming its line", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "cli-validity-")), "l.jsonl");
    copyFileSync(SAMPLE, path);
    const opened = await openFileLedger(path)();
    if (E.isLeft(opened)) throw new Error(opened.left.message);
    const page = await opened.right.readAll({ maxCount: 1 })();
    await opened.right.close();
    if (E.isLeft(page)) throw new Error(page.left.message);
    // Rewrite the last line with an unknown type and rehash it: intact, but it does not decode.
    const text = readFileSync(path, "utf8").split("\n").slice(0, -1);
    const last = text.length - 1;
    const prev = text[last - 1]!.slice(9, 73);
    const content = `{${text[last]!.slice(75)}`.replace(/"type":"[A-Za-z]+"/, '"type":"FromTheFuture"');
    const hash = createHash("sha256").update(prev).update(content).digest("hex");
    text[last] = `{"hash":"${hash}",${content.slice(1)}`;
    writeFileSync(path, `${text.join("\n")}\n`);
    expect(runBin(["verify", "--ledger", path]).code).toBe(0);
    const r = runBin(["verify", "--ledger", path, "--validity", "--format", "json"]);
    expect(r.code, r.stderr).toBe(4);
    expect(JSON.parse(r.stdout)).toMatchObject({
      integrity: { ok: true },
      validity: { ok: false },
      issue: { line: last + 1 },
    });
    expect(r.stderr).toContain(`line ${last + 1}`);
  });
});
