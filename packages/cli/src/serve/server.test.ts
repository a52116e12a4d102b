import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServe, startServe } from "../commands/serve.js";
import { makeContext } from "../context.js";
import type { CliIo } from "../io.js";
import { renderTable } from "../output/table-text.js";
import { hasBin, REPO_ROOT, runBin } from "../test-support/run-bin.js";

const quietIo = (env: Record<string, string> = {}): CliIo => ({
  stdout: () => {},
  stderr: () => {},
  stderrIsTTY: false,
  env,
  cwd: REPO_ROOT,
  now: () => performance.now(),
});

/** A raw HTTP GET with full control of the headers (fetch would not let a test forge Host). */
const get = (
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = "GET",
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> =>
  new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method,
        agent: false,
        headers: { host: `127.0.0.1:${port}`, ...headers },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8").on("data", (d: string) => {
          body += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });

const start = async (
  ledger: string,
  extra: Partial<Parameters<typeof startServe>[1]> = {},
): Promise<RunningServe> => {
  const s = await startServe(makeContext(quietIo()), { ledger, host: "127.0.0.1", port: "0", ...extra });
  if (E.isLeft(s)) throw new Error(s.left.message);
  return s.right;
};

describe.skipIf(!hasBin())("coop-ledger serve: the JSON API", () => {
  const dir = mkdtempSync(join(tmpdir(), "coop-serve-"));
  const ledger = join(dir, "province-60.jsonl");
  copyFileSync(join(REPO_ROOT, "examples/sample-ledgers/province-60.jsonl"), ledger);
  let s: RunningServe;
  beforeAll(async () => {
    s = await start(ledger);
  });
  afterAll(async () => {
    await s?.close();
  });

  const cliJson = (args: ReadonlyArray<string>): { ledger: unknown } & Record<string, unknown> => {
    const r = runBin([...args, "--ledger", ledger, "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as { ledger: unknown } & Record<string, unknown>;
  };
  const api = async (path: string): Promise<{ ledger: Record<string, unknown>; result: unknown }> => {
    const r = await get(s.port, path);
    expect(r.status, r.body).toBe(200);
    return JSON.parse(r.body) as { ledger: Record<string, unknown>; result: unknown };
  };
  const withoutLedger = ({ ledger: _l, ...rest }: { ledger: unknown } & Record<string, unknown>) => rest;

  it("answers snapshot, explain, diff and targets with the CLI's own JSON, and names the ledger state in each", async () => {
    const cases: Array<[string, ReadonlyArray<string>]> = [
      [
        "/api/snapshot?validAt=2021-12-31&knownAt=2022-03-31",
        ["snapshot", "--valid-at", "2021-12-31", "--known-at", "2022-03-31"],
      ],
      [
        "/api/targets?resolution=000&validAt=2025-12-31",
        ["targets", "--resolution", "000", "--valid-at", "2025-12-31"],
      ],
    ];
    for (const [path, args] of cases) {
      const cli = cliJson(args);
      const a = await api(path);
      expect(a.result, path).toEqual(withoutLedger(cli));
      expect(a.ledger, path).toMatchObject(cli.ledger as Record<string, unknown>);
      expect(a.ledger.chain).toBe("verified");
    }
  });

  it("answers diff with the CLI's JSON but a page of its late events, and /api/late pages through the rest", async () => {
    type Late = { position: number; eventId: string; event: { type: string } };
    const cli = cliJson([
      "diff",
      "--valid-at",
      "2022-12-31",
      "--known-at",
      "2023-01-15",
      "--known-at",
      "2026-06-30",
    ]);
    const all = cli.events as Late[];
    expect(all.length).toBeGreaterThan(25);
    const a = (await api("/api/diff?validAt=2022-12-31&a=2023-01-15&b=2026-06-30")).result as Record<
      string,
      unknown
    > & { events: Late[] };
    const { events: _all, ...rest } = withoutLedger(cli);
    const { events: first, ...same } = a;
    expect(same).toEqual(rest);
    expect(a.eventCount).toBe(all.length);
    expect(first.length).toBe(25);
    // The pages, one after the other, list every late event the CLI lists, once each, in the table's
    // order: events that change whether a co-op exists first, then by ledger position.
    const paged = [...first];
    for (let offset = 25; offset < all.length; offset += 10) {
      const page = (await api(
        `/api/late?validAt=2022-12-31&a=2023-01-15&b=2026-06-30&offset=${offset}&limit=10`,
      )) as unknown as { result: { total: number; events: Late[] } };
      expect(page.result.total).toBe(all.length);
      paged.push(...page.result.events);
    }
    expect(paged.map((e) => e.eventId).sort()).toEqual(all.map((e) => e.eventId).sort());
    const weighty = [
      "CoopDissolved",
      "EventRetracted",
      "CoopReorganisedAway",
      "CoopFounded",
      "CoopConverted",
    ];
    const rank = (e: Late) => [weighty.includes(e.event.type) ? 0 : 1, e.position] as const;
    const ordered = [...paged].sort((x, y) => rank(x)[0] - rank(y)[0] || rank(x)[1] - rank(y)[1]);
    expect(paged.map((e) => e.position)).toEqual(ordered.map((e) => e.position));
    const bad = await get(s.port, "/api/late?validAt=2022-12-31&a=2023-01-15&b=2026-06-30&limit=0");
    expect(bad.status).toBe(400);
  });

  it("answers explain with a page of the CLI's events, their number, and the late ones on request", async () => {
    const cli = cliJson(["explain", "coops.active", "--valid-at", "2022-12-31"]) as unknown as {
      figure: unknown;
      events: Array<{ recordedAt: string }>;
    };
    expect(cli.events.length).toBeGreaterThan(3);
    const page = await api("/api/explain?indicator=coops.active&validAt=2022-12-31&limit=3");
    expect(page.result).toEqual({
      figure: cli.figure,
      events: cli.events.slice(0, 3),
      total: cli.events.length,
    });
    const all = await api("/api/explain?indicator=coops.active&validAt=2022-12-31&limit=100000");
    expect(all.result).toEqual({ figure: cli.figure, events: cli.events, total: cli.events.length });
    // Late events: recorded after an instant (the restatement view's "which late events moved it").
    const late = (await api(
      "/api/explain?indicator=coops.active&validAt=2022-12-31&recordedAfter=2023-01-15&limit=100000",
    )) as unknown as { query: { recordedAfter: string }; result: { events: unknown[]; total: number } };
    const expected = cli.events.filter((e) => e.recordedAt > late.query.recordedAfter);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(cli.events.length);
    expect(late.result.events).toEqual(expected);
    expect(late.result.total).toBe(expected.length);
  });

  it("serves a view asked again from its answer cache, the same answer", async () => {
    const path = "/api/targets?resolution=000&validAt=2024-12-31";
    const first = await get(s.port, path);
    const again = await get(s.port, path);
    expect(first.headers["server-timing"]).toMatch(/desc="computed"/);
    expect(again.headers["server-timing"]).toMatch(/desc="cached"/);
    expect(again.body).toBe(first.body);
  });

  it("opens an event's full record through the index", async () => {
    const x = (await api("/api/explain?indicator=coops.dissolved&validAt=2022-12-31")).result as {
      events: Array<{ streamId: string; position: number; eventId: string }>;
    };
    const first = x.events[0]!;
    const e = (
      await api(`/api/event?stream=${encodeURIComponent(first.streamId)}&position=${first.position}`)
    ).result as {
      eventId: string;
      event: { type: string };
    };
    expect(e.eventId).toBe(first.eventId);
    const line = readFileSync(ledger, "utf8")
      .split("\n")
      .find((l) => l.includes(first.eventId));
    expect(line).toContain(e.event.type);
  });

  it("refuses bad questions with the CLI's message, and names the ledger in the refusal", async () => {
    const r = await get(s.port, "/api/snapshot?validAt=31/02/2022");
    expect(r.status).toBe(400);
    const body = JSON.parse(r.body) as {
      error: { tag: string; message: string };
      ledger: { events: number };
    };
    expect(body.error.tag).toBe("UsageError");
    expect(body.error.message).toMatch(/valid-at.*31\/02\/2022/);
    expect(body.ledger.events).toBeGreaterThan(0);
    expect((await get(s.port, "/api/explain?indicator=nope&validAt=2022-12-31")).status).toBe(422);
    expect((await get(s.port, "/api/snapshot?validAt=2022-12-31&sector=nope")).status).toBe(400);
  });

  it("refuses a foreign Host header (DNS rebinding), writes, and unknown paths", async () => {
    const rebound = await get(s.port, "/api/snapshot?validAt=2022-12-31", {
      host: `attacker.example:${s.port}`,
    });
    expect(rebound.status).toBe(421);
    expect(rebound.body).not.toContain("coops.active");
    expect((await get(s.port, "/api/snapshot?validAt=2022-12-31", {}, "POST")).status).toBe(405);
    expect((await get(s.port, "/etc/passwd")).status).toBe(404);
    expect((await get(s.port, "/../package.json")).status).toBe(404);
  });

  it("every refusal has the one error body shape: 404, 405, 414 for a 10 KB URL, 431 for a 20 KB one, 400 for bytes that are not HTTP", async () => {
    const { connect } = await import("node:net");
    const raw = (text: string): Promise<string> =>
      new Promise((resolve, reject) => {
        let got = "";
        const c = connect(s.port, "127.0.0.1", () => c.write(text));
        c.setEncoding("utf8").on("data", (d: string) => {
          got += d;
        });
        c.on("close", () => resolve(got)).on("error", reject);
      });
    const shaped = (status: number, body: string, tag: string) => {
      const b = JSON.parse(body) as { error: { tag: string; message: string; hint: string } };
      expect(b.error.tag, `${status}`).toBe(tag);
      expect(b.error.message.length).toBeGreaterThan(0);
      expect(typeof b.error.hint).toBe("string");
    };
    const missing = await get(s.port, "/no/such/page");
    expect(missing.status).toBe(404);
    shaped(404, missing.body, "NotFound");
    const post = await get(s.port, "/api/meta", {}, "POST");
    expect(post.status).toBe(405);
    shaped(405, post.body, "MethodNotAllowed");
    const long = await get(s.port, `/api/snapshot?validAt=2022-12-31&x=${"9".repeat(10_000)}`);
    expect(long.status).toBe(414);
    shaped(414, long.body, "UriTooLong");
    const host = `Host: 127.0.0.1:${s.port}`;
    const huge = await raw(`GET /api/meta?x=${"9".repeat(20_000)} HTTP/1.1\r\n${host}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    shaped(431, huge.slice(huge.indexOf("\r\n\r\n") + 4), "HeadersTooLarge");
    const junk = await raw("NOT HTTP AT ALL\r\n\r\n");
    expect(junk).toMatch(/^HTTP\/1\.1 400 /);
    shaped(400, junk.slice(junk.indexOf("\r\n\r\n") + 4), "BadRequest");
  });

  it("serves the page under a policy that forbids other origins and inline script", async () => {
    const r = await get(s.port, "/");
    expect(r.status).toBe(200);
    expect(r.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(r.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(r.body).not.toMatch(/<script>(?!<)/);
    expect(r.body).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect((await get(s.port, "/vi-text.js")).body).toContain("viSegments");
  });

  it("stops answering with old figures once the ledger is tampered with: the refusal names the line", async () => {
    const dir2 = mkdtempSync(join(tmpdir(), "coop-serve-tamper-"));
    const copy = join(dir2, "l.jsonl");
    copyFileSync(ledger, copy);
    const t = await start(copy);
    try {
      expect((await get(t.port, "/api/snapshot?validAt=2022-12-31")).status).toBe(200);
      const lines = readFileSync(copy, "utf8").split("\n");
      lines[100] = lines[100]!.replace(
        /"effectiveDate":"(\d{4})/,
        (_m, y: string) => `"effectiveDate":"${Number(y) - 1}`,
      );
      writeFileSync(copy, lines.join("\n"));
      const r = await get(t.port, "/api/snapshot?validAt=2022-12-31");
      expect(r.status).toBe(409);
      const body = JSON.parse(r.body) as { error: { tag: string; message: string } };
      expect(body.error.tag).toBe("LedgerCorrupt");
      expect(body.error.message).toMatch(/line \d+/);
    } finally {
      await t.close();
    }
  });

  it("writes the tables' numbers in the --number-format it was started with, as the CLI does", async () => {
    const ctx = makeContext(quietIo());
    ctx.numberFormat = "vi";
    const vi = await startServe(ctx, { ledger, host: "127.0.0.1", port: "0" });
    if (E.isLeft(vi)) throw new Error(vi.left.message);
    try {
      const r = await get(vi.right.port, "/api/snapshot?validAt=2022-12-31");
      const a = JSON.parse(r.body) as {
        tables: Array<{ title: string; headers: string[]; align: string[]; cells: string[][] }>;
      };
      const cli = runBin([
        "snapshot",
        "--valid-at",
        "2022-12-31",
        "--ledger",
        ledger,
        "--number-format",
        "vi",
      ]);
      const rows = a.tables[0]?.cells ?? [];
      expect(rows.some((c) => /\d,\d/.test(c[1] ?? ""))).toBe(true);
      const t = a.tables[0]!;
      expect(cli.stdout).toContain(
        renderTable({
          title: t.title,
          columns: t.headers.map((header, i) => ({
            key: String(i),
            header,
            ...(t.align[i] === "right" ? { kind: "int" as const } : {}),
          })),
          rows: t.cells.map((c) => Object.fromEntries(c.map((x, i) => [String(i), x]))),
        }),
      );
    } finally {
      await vi.right.close();
    }
  });

  it("needs a token off loopback, and checks it on every request when one is set", async () => {
    const off = await startServe(makeContext(quietIo()), { ledger, host: "0.0.0.0", port: "0" });
    expect(E.isLeft(off) && off.left._tag).toBe("UsageError");
    const token = "0123456789abcdef0123";
    const t = await start(ledger, { token });
    try {
      expect((await get(t.port, "/api/meta")).status).toBe(401);
      expect((await get(t.port, "/api/meta", { authorization: "Bearer wrong-token-wrong" })).status).toBe(
        401,
      );
      expect((await get(t.port, "/api/meta", { authorization: `Bearer ${token}` })).status).toBe(200);
      const first = await get(t.port, `/?token=${token}&validAt=2022-12-31`);
      expect(first.status).toBe(303);
      expect(first.headers.location).toBe("/?validAt=2022-12-31");
      const cookie = String(first.headers["set-cookie"]);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect((await get(t.port, "/api/meta", { cookie: cookie.split(";")[0]! })).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
