import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openFileLedger } from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";

const MAIN = join(import.meta.dirname, "../dist/main.js");

/** Starts the built service on a free port; resolves with its port once it logs that it listens. */
const startMain = (ledgerPath: string): Promise<{ child: ChildProcess; port: number }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        COOP_LEDGER_TOKEN: "sigterm-test-token-0123456789",
        LEDGER_PATH: ledgerPath,
        PORT: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout!.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      const m = /listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m !== null) resolve({ child, port: Number(m[1]) });
    });
    child.on("exit", (code) => reject(new Error(`exited (${code}) before listening: ${out}`)));
  });

const open = (port: number): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const s = connect(port, "127.0.0.1", () => resolve(s));
    s.on("error", reject);
  });

describe.skipIf(!existsSync(MAIN))("the service process on SIGTERM (built dist/main.js)", () => {
  it("exits 0 within 5 s with a keep-alive connection idle and another mid-request, and releases the ledger's lock", async () => {
    const ledgerPath = join(mkdtempSync(join(tmpdir(), "embed-sigterm-")), "ledger.jsonl");
    const { child, port } = await startMain(ledgerPath);
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    // An idle keep-alive connection: one request answered, the socket left open.
    const idle = await open(port);
    const answered = new Promise<string>((r) => idle.once("data", (d) => r(String(d))));
    idle.write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n");
    expect(await answered).toMatch(/^HTTP\/1\.1 200 /);
    // A connection whose request never finishes (headers sent, body promised and never sent).
    const busy = await open(port);
    busy.on("error", () => {});
    busy.write(
      "POST /coops HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
    );
    await new Promise((r) => setTimeout(r, 200));
    // While it runs, the ledger is locked.
    const second = await openFileLedger(ledgerPath)();
    expect(E.isLeft(second) && second.left._tag).toBe("LedgerLocked");

    const t0 = performance.now();
    child.kill("SIGTERM");
    const code = await Promise.race([
      exited,
      new Promise((r) => setTimeout(() => r("still running"), 10_000)),
    ]);
    const took = performance.now() - t0;
    idle.destroy();
    busy.destroy();
    if (code === "still running") child.kill("SIGKILL");
    expect(code).toBe(0);
    expect(took).toBeLessThan(5000);
    const after = await openFileLedger(ledgerPath)();
    expect(E.isRight(after)).toBe(true);
    if (E.isRight(after)) await after.right.close();
  }, 30_000);
});
