import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateLedger } from "@coop-ledger/generator";
import { acquireLedgerLock, readLedger } from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The store-esdb package's loopback gRPC double of an EventStoreDB server (test code, not a server:
// see docs/eventstoredb.md for what it does and does not verify). The bin connects to it over TCP.
import { EsdbServerDouble, type InjectedFault } from "../../store-esdb/src/test-support/esdb-double.js";
import { writeLedger } from "./engine/write-ledger.js";
import { makeProgress } from "./progress.js";
import { BIN, hasBin, runBinAsync } from "./test-support/run-bin.js";

if (!hasBin())
  console.warn(`\n!! SKIPPED: the CLI tests run the built bin ${BIN}; build first with tsc -b\n`);

const ids = async (path: string): Promise<string[]> => {
  const out: string[] = [];
  for await (const r of readLedger(path))
    if (E.isRight(r)) out.push(`${r.right.streamId}/${r.right.revision}/${r.right.eventId}`);
  return out;
};

describe.skipIf(!hasBin())("coop-ledger export / import against the EventStoreDB test double", () => {
  let server: EsdbServerDouble;
  const dir = mkdtempSync(join(tmpdir(), "coop-esdb-"));
  const ledger = join(dir, "small.jsonl");

  beforeAll(async () => {
    server = await EsdbServerDouble.start();
    const r = await writeLedger(
      ledger,
      generateLedger({ preset: "province", seed: 3, to: "2013-12-31" }),
      makeProgress({ write: () => {}, enabled: false, now: () => 0 }, "gen"),
    );
    expect(E.isRight(r)).toBe(true);
  });
  afterAll(async () => {
    await server?.stop();
  });
  /** `export` of the ledger to the server at `url`, answered in JSON. */
  const exportTo = (url: string) =>
    runBinAsync(["export", "--ledger", ledger, "--esdb", url, "--format", "json"]);

  it("exports a ledger, exports it again idempotently, and imports the same events back", async () => {
    const first = await exportTo(server.connectionString);
    expect(first.code, first.stderr).toBe(0);
    const a = JSON.parse(first.stdout) as { events: number; written: number };
    expect(a.events).toBeGreaterThan(50);
    expect(a.written).toBe(a.events);

    const again = await exportTo(server.connectionString);
    expect(again.code, again.stderr).toBe(0);
    expect((JSON.parse(again.stdout) as { written: number }).written).toBe(0);

    const copy = join(dir, "copy.jsonl");
    const imp = await runBinAsync(["import", "--esdb", server.connectionString, "--out", copy]);
    expect(imp.code, imp.stderr).toBe(0);
    expect(await ids(copy)).toEqual(await ids(ledger));
    expect((await runBinAsync(["verify", "--ledger", copy])).code).toBe(0);
  });

  it("works the same through @kurrent/kurrentdb-client (kurrentdb:// picks it)", async () => {
    const kurrent = await EsdbServerDouble.start({ client: "@kurrent/kurrentdb-client" });
    try {
      expect(kurrent.connectionString).toMatch(/^kurrentdb:\/\//);
      const out = await exportTo(kurrent.connectionString);
      expect(out.code, out.stderr).toBe(0);
      const a = JSON.parse(out.stdout) as { events: number; written: number };
      expect(a.written).toBe(a.events);
      const copy = join(dir, "copy-kurrent.jsonl");
      const imp = await runBinAsync(["import", "--esdb", kurrent.connectionString, "--out", copy]);
      expect(imp.code, imp.stderr).toBe(0);
      expect(await ids(copy)).toEqual(await ids(ledger));
    } finally {
      await kurrent.stop();
    }
  });

  it("an unreachable server is exit 6, one line, and the password never shows", async () => {
    const r = await runBinAsync([
      "import",
      "--esdb",
      "esdb://admin:hunter2secret@127.0.0.1:1?tls=false",
      "--out",
      join(dir, "none.jsonl"),
    ]);
    expect(r.code).toBe(6);
    expect(r.stderr).not.toContain("hunter2secret");
    expect(r.stderr).toMatch(/^coop-ledger: error: .*\nhint: /);
  });

  it("import --force: refused without it (exit 3, file untouched); under a held writer lock refused (exit 7); replaces only with a complete import", async () => {
    // Something to import: the small ledger, exported (idempotent if an earlier test did it).
    expect((await runBinAsync(["export", "--ledger", ledger, "--esdb", server.connectionString])).code).toBe(
      0,
    );
    // An existing ledger with other events (so that a replacement shows).
    const existing = join(dir, "existing.jsonl");
    const w = await writeLedger(
      existing,
      generateLedger({ preset: "province", seed: 5, to: "2013-06-30" }),
      makeProgress({ write: () => {}, enabled: false, now: () => 0 }, "gen"),
    );
    expect(E.isRight(w)).toBe(true);
    const bytes = readFileSync(existing);
    expect(await ids(existing)).not.toEqual(await ids(ledger));

    const refused = await runBinAsync(["import", "--esdb", server.connectionString, "--out", existing]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("--force");
    expect(readFileSync(existing).equals(bytes)).toBe(true);

    const lock = await acquireLedgerLock(existing);
    expect(E.isRight(lock)).toBe(true);
    try {
      const locked = await runBinAsync([
        "import",
        "--esdb",
        server.connectionString,
        "--out",
        existing,
        "--force",
      ]);
      expect(locked.code).toBe(7);
      expect(readFileSync(existing).equals(bytes)).toBe(true);
    } finally {
      if (E.isRight(lock)) await lock.right.release();
    }

    // A read that fails: the existing ledger stays byte for byte, no partial file is left.
    server.injectFault({ method: "read", code: 14 as InjectedFault["code"], details: "injected", times: 1 });
    const failed = await runBinAsync([
      "import",
      "--esdb",
      server.connectionString,
      "--out",
      existing,
      "--force",
    ]);
    expect(failed.code).not.toBe(0);
    expect(readFileSync(existing).equals(bytes)).toBe(true);
    expect(() => readFileSync(`${existing}.partial`)).toThrow();

    const replaced = await runBinAsync([
      "import",
      "--esdb",
      server.connectionString,
      "--out",
      existing,
      "--force",
    ]);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect((await runBinAsync(["verify", "--ledger", existing])).code).toBe(0);
    expect(await ids(existing)).toEqual(await ids(ledger));
  });
});
