import { mkdtempSync, readFileSync, truncateSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Instant } from "@coop-ledger/domain";
import { type EventStore, verifyLedger } from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import { afterEach, describe, expect, it } from "vitest";
import { type App, buildApp } from "../src/app.js";

const TOKEN = "test-token-0123456789abcdef";
const auth = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };

const founding = (coopId: string, members = 9) => ({
  coopId,
  effectiveDate: "2019-03-01",
  name: "HTX Nông nghiệp Thanh Long",
  form: "cooperative",
  sector: "agriculture",
  location: { gazetteer: "2008-08-01", provinceCode: "60" },
  foundingMembers: members,
});

let running: App | undefined;
let base = "";

/** Starts the service on 127.0.0.1 on a free port against a fresh ledger. */
const start = async (extra: Partial<Parameters<typeof buildApp>[0]> = {}) => {
  const dir = mkdtempSync(join(tmpdir(), "embed-app-"));
  const ledgerPath = join(dir, "ledger.jsonl");
  let tick = Date.parse("2024-01-01T00:00:00.000Z");
  const app = await buildApp({
    ledgerPath,
    token: TOKEN,
    clock: () => {
      tick += 1000;
      return new Date(tick).toISOString() as Instant;
    },
    ...extra,
  });
  if (E.isLeft(app)) throw new Error(app.left.message);
  running = app.right;
  await app.right.server.listen({ host: "127.0.0.1", port: 0 });
  const addr = app.right.server.server.address();
  base = typeof addr === "object" && addr !== null ? `http://127.0.0.1:${addr.port}` : "";
  return { ledgerPath };
};

const post = (path: string, body: unknown, headers: Record<string, string> = auth) =>
  fetch(`${base}${path}`, {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

const eventLines = (path: string): number => readFileSync(path, "utf8").trimEnd().split("\n").length - 1;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe("embed-in-app: an HTTP service on the file ledger", () => {
  it("founds a co-op through the command handler and serves it in a snapshot", async () => {
    const { ledgerPath } = await start();
    const r = await post("/coops", { commandId: "found-htx-1", data: founding("htx-1") });
    expect(r.status).toBe(201);
    const body = (await r.json()) as { streamId: string; events: string[] };
    expect(body).toMatchObject({ streamId: "coop-htx-1", events: ["CoopFounded"] });

    const s = await fetch(`${base}/snapshot?validAt=2019-12-31&indicators=coops.active,coops.founded`);
    expect(s.status).toBe(200);
    const snap = (await s.json()) as { figures: Array<{ id: string; value: number }> };
    expect(snap.figures.find((f) => f.id === "coops.active")?.value).toBe(1);
    expect(snap.figures.find((f) => f.id === "coops.founded")?.value).toBe(1);
    // before the founding's effective date it did not exist
    const before = (await (
      await fetch(`${base}/snapshot?validAt=2019-02-28&indicators=coops.active`)
    ).json()) as {
      figures: Array<{ value: number }>;
    };
    expect(before.figures[0]?.value).toBe(0);
    expect(E.isRight(await verifyLedger(ledgerPath)())).toBe(true);
  });

  it("a repeated command id appends nothing the second time (200, alreadyHandled)", async () => {
    const { ledgerPath } = await start();
    expect((await post("/coops", { commandId: "c-1", data: founding("htx-1") })).status).toBe(201);
    const again = await post("/coops", { commandId: "c-1", data: founding("htx-1") });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { alreadyHandled: boolean }).alreadyHandled).toBe(true);
    expect(eventLines(ledgerPath)).toBe(1);
  });

  it("a command id reused for another co-op (another stream) is a 409 CommandIdReused; nothing written", async () => {
    const { ledgerPath } = await start();
    expect((await post("/coops", { commandId: "c-1", data: founding("htx-1") })).status).toBe(201);
    const reused = await post("/coops", { commandId: "c-1", data: founding("htx-2") });
    expect(reused.status).toBe(409);
    expect(((await reused.json()) as { error: { _tag: string; reason: string } }).error).toEqual(
      expect.objectContaining({ _tag: "CommandIdReused", reason: "otherStream", usedOn: "coop-htx-1" }),
    );
    expect(eventLines(ledgerPath)).toBe(1);
  });

  it("writes without the right bearer token get 401 and write nothing", async () => {
    const { ledgerPath } = await start();
    const attempts: Array<Record<string, string>> = [
      { "content-type": "application/json" },
      { "content-type": "application/json", authorization: "Bearer wrong-token-0123456789abc" },
      { "content-type": "application/json", authorization: TOKEN },
    ];
    for (const headers of attempts) {
      const r = await post("/coops", { commandId: "x", data: founding("htx-1") }, headers);
      expect(r.status).toBe(401);
      expect(((await r.json()) as { error: { _tag: string } }).error._tag).toBe("Unauthorized");
    }
    expect(eventLines(ledgerPath)).toBe(0);
  });

  it("malformed and invalid bodies get a 400, an oversized one a 413, with the typed error, and nothing is written", async () => {
    const { ledgerPath } = await start({ bodyLimit: 4096 });
    const notJson = await post("/commands", "{not json");
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { _tag: "MalformedBody", reason: "notJson" } });

    const invalid = await post("/commands", {
      commandId: "c-1",
      command: { type: "FoundCoop", data: { coopId: "htx-1" } },
    });
    expect(invalid.status).toBe(400);
    const inv = (await invalid.json()) as { error: { _tag: string; problems: string[] } };
    expect(inv.error._tag).toBe("InvalidCommand");
    expect(inv.error.problems.length).toBeGreaterThan(0);

    const big = await post("/coops", {
      commandId: "c-2",
      data: { ...founding("htx-2"), name: "x".repeat(10_000) },
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { _tag: "PayloadTooLarge", limit: 4096 } });

    const text = await post("/commands", JSON.stringify({ commandId: "c-4", command: {} }), {
      ...auth,
      "content-type": "text/plain",
    });
    expect(text.status).toBe(400);
    expect(await text.json()).toMatchObject({ error: { _tag: "MalformedBody", reason: "contentType" } });

    const proto = await post("/commands", '{"commandId":"c-3","__proto__":{"polluted":true},"command":{}}');
    expect(proto.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    expect(eventLines(ledgerPath)).toBe(0);
  });

  it("every status has the one error body shape: unknown route 404, over-long URL 414; no absolute path in any body", async () => {
    const { ledgerPath } = await start();
    const missing = await fetch(`${base}/no/such/route`);
    expect(missing.status).toBe(404);
    const m = (await missing.json()) as { error: { _tag: string; message: string } };
    expect(m.error._tag).toBe("NotFound");
    const long = await fetch(`${base}/streams/${"x".repeat(5000)}`);
    expect(long.status).toBe(414);
    const l = (await long.json()) as { error: { _tag: string; message: string } };
    expect(l.error._tag).toBe("UriTooLong");
    // A store failure whose message names the file (the ledger truncated under the writer).
    expect((await post("/coops", { commandId: "p-1", data: founding("htx-p1") })).status).toBe(201);
    truncateSync(ledgerPath, 10);
    const broken = await post("/coops", { commandId: "p-2", data: founding("htx-p2") });
    expect(broken.status).toBeGreaterThanOrEqual(500);
    const b = (await broken.json()) as { error: { _tag: string; message: string } };
    expect(b.error.message.length).toBeGreaterThan(0);
    for (const body of [JSON.stringify(m), JSON.stringify(l), JSON.stringify(b)]) {
      expect(body).not.toContain(ledgerPath);
      expect(body).not.toContain(tmpdir());
    }
  });

  it("refusals of Node's HTTP parser have the same error body: 431 for a 20 KB URL, 400 for bytes that are not HTTP", async () => {
    await start();
    const net = await import("node:net");
    const port = Number(new URL(base).port);
    const raw = (text: string): Promise<string> =>
      new Promise((resolve, reject) => {
        let got = "";
        const s = net.connect(port, "127.0.0.1", () => s.write(text));
        s.setEncoding("utf8").on("data", (d: string) => {
          got += d;
        });
        s.on("close", () => resolve(got)).on("error", reject);
      });
    const bodyOf = (response: string) =>
      JSON.parse(response.slice(response.indexOf("\r\n\r\n") + 4)) as {
        error: { _tag: string; message: string };
      };
    const long = await raw(`GET /snapshot?validAt=${"9".repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(long).toMatch(/^HTTP\/1\.1 431 /);
    expect(bodyOf(long).error).toMatchObject({ _tag: "HeadersTooLarge" });
    const junk = await raw("NOT HTTP AT ALL\r\n\r\n");
    expect(junk).toMatch(/^HTTP\/1\.1 400 /);
    expect(bodyOf(junk).error).toMatchObject({ _tag: "BadRequest", timeout: false });
  });

  it("close() drains within the drain time even with an idle keep-alive connection, and releases the writer lock", async () => {
    const { ledgerPath } = await start({ drainMs: 500 });
    const http = await import("node:http");
    const agent = new http.Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) =>
      http
        .get(`${base}/health`, { agent }, (res) => {
          res.resume();
          res.on("end", () => resolve());
        })
        .on("error", reject),
    );
    const t0 = performance.now();
    await running?.close();
    running = undefined;
    const took = performance.now() - t0;
    agent.destroy();
    expect(took).toBeLessThan(5000);
    // The lock is released: another writer can open the ledger.
    const again = await buildApp({ ledgerPath, token: TOKEN });
    expect(E.isRight(again)).toBe(true);
    if (E.isRight(again)) await again.right.close();
  });

  it("while draining, a request on a connection still open gets 503 ShuttingDown in the one error body shape", async () => {
    const { ledgerPath } = await start({ drainMs: 3000 });
    const net = await import("node:net");
    const port = Number(new URL(base).port);
    const body = JSON.stringify({ commandId: "found-drain-1", data: founding("drain-1") });
    const head = `POST /coops HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    let got = "";
    const socket = net.connect(port, "127.0.0.1");
    const ended = new Promise<void>((resolve, reject) => {
      socket.setEncoding("utf8").on("data", (d: string) => {
        got += d;
      });
      socket.on("close", () => resolve()).on("error", reject);
    });
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    // A write in flight (its body half sent) keeps the connection busy, so closing does not cut it.
    socket.write(head + body.slice(0, 10));
    await new Promise((r) => setTimeout(r, 100));
    const closed = running?.close();
    running = undefined;
    await new Promise((r) => setTimeout(r, 100));
    // The rest of the body, and a second request pipelined behind it: it arrives while draining.
    socket.write(`${body.slice(10)}GET /health HTTP/1.1\r\nHost: x\r\n\r\n`);
    await ended;
    await closed;
    const responses = got.split(/(?=HTTP\/1\.1 \d{3} )/);
    expect(responses.length, got).toBe(2);
    // The request received before closing is served (its event is written) …
    expect(responses[0]).toMatch(/^HTTP\/1\.1 201 /);
    expect(eventLines(ledgerPath)).toBe(1);
    // … the one received while draining is refused, in the same shape as every other refusal.
    expect(responses[1]).toMatch(/^HTTP\/1\.1 503 /);
    expect(responses[1]).toMatch(/\r\nconnection: close\r\n/i);
    const refused = JSON.parse(responses[1]!.slice(responses[1]!.indexOf("\r\n\r\n") + 4)) as unknown;
    expect(refused).toEqual({
      error: {
        _tag: "ShuttingDown",
        message: "the service is shutting down; retry once it is back, or on another instance",
      },
    });
  });

  it("district and commune codes are checked against the shipped gazetteer, and implausible numbers refused; nothing written", async () => {
    const { ledgerPath } = await start();
    const unknownDistrict = await post("/coops", {
      commandId: "g-1",
      data: {
        ...founding("htx-g1"),
        location: { gazetteer: "2008-08-01", provinceCode: "60", districtCode: "999" },
      },
    });
    expect(unknownDistrict.status).toBe(422);
    const wrongProvince = await post("/coops", {
      commandId: "g-2",
      data: {
        ...founding("htx-g2"),
        location: { gazetteer: "2008-08-01", provinceCode: "01", districtCode: "593" },
      },
    });
    expect(wrongProvince.status).toBe(422);
    const huge = await post("/coops", { commandId: "g-3", data: founding("htx-g3", 1e15) });
    expect(huge.status).toBe(400);
    const h = (await huge.json()) as { error: { _tag: string; problems: string[] } };
    expect(h.error._tag).toBe("InvalidCommand");
    expect(h.error.problems.join(" ")).toContain("data.foundingMembers");
    expect(eventLines(ledgerPath)).toBe(0);
    const known = await post("/coops", {
      commandId: "g-4",
      data: {
        ...founding("htx-g4"),
        location: { gazetteer: "2008-08-01", provinceCode: "60", districtCode: "593" },
      },
    });
    expect(known.status).toBe(201);
  });

  it("a command the law refuses is a 422 naming the rule", async () => {
    const { ledgerPath } = await start();
    // 2 founding members: below the minimum of Law 23/2012/QH13 for a co-op
    const r = await post("/coops", { commandId: "c-1", data: founding("htx-1", 2) });
    expect(r.status).toBe(422);
    const e = (await r.json()) as { error: { _tag: string; rule: string } };
    expect(e.error._tag).toBe("RuleViolated");
    expect(e.error.rule.length).toBeGreaterThan(0);
    expect(eventLines(ledgerPath)).toBe(0);
  });

  it("a concurrency conflict on one stream is a 409; exactly one write wins and the ledger verifies", async () => {
    // Both requests read the stream before either appends: the store waits until two reads are in.
    let waiting: Array<() => void> = [];
    const wrapStore = (s: EventStore): EventStore => ({
      ...s,
      readStream: (id, o) => async () => {
        const r = await s.readStream(id, o)();
        if (id === "coop-htx-1" && waiting.length < 2) {
          await new Promise<void>((resolve) => {
            waiting.push(resolve);
            if (waiting.length === 2) for (const w of waiting) w();
          });
        }
        return r;
      },
    });
    const { ledgerPath } = await start({ maxRetries: 0, wrapStore });
    const [a, b] = await Promise.all([
      post("/coops", { commandId: "c-a", data: founding("htx-1") }),
      post("/coops", { commandId: "c-b", data: founding("htx-1") }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const loser = a.status === 409 ? a : b;
    expect(((await loser.json()) as { error: { _tag: string } }).error._tag).toBe("ConcurrencyConflict");
    waiting = [];
    expect(eventLines(ledgerPath)).toBe(1);
    const v = await verifyLedger(ledgerPath)();
    expect(E.isRight(v) && v.right.events).toBe(1);
  });

  it("refuses to start with a short token", async () => {
    const dir = mkdtempSync(join(tmpdir(), "embed-app-"));
    const r = await buildApp({ ledgerPath: join(dir, "l.jsonl"), token: "short" });
    expect(E.isLeft(r)).toBe(true);
  });
});
