import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Packs the BUILT package (tsc -b first) with pnpm, installs the tarball into a temp project outside the
 * workspace with npm (which fetches fp-ts, io-ts and ts-pattern from the registry) and imports it from
 * node. Skipped, loudly, when the registry is unreachable; set COOP_LEDGER_SKIP_PACK=1 to skip on purpose.
 */
const PKG = fileURLToPath(new URL("..", import.meta.url));
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

const registryReachable = (): boolean =>
  spawnSync("npm", ["ping"], { stdio: "ignore", timeout: 20_000 }).status === 0;

const skipReason =
  process.env.COOP_LEDGER_SKIP_PACK === "1"
    ? "COOP_LEDGER_SKIP_PACK=1"
    : registryReachable()
      ? undefined
      : "the npm registry is unreachable (npm ping failed)";
if (skipReason !== undefined)
  console.warn(`\n[coop-ledger/domain] SKIPPING the pack-and-install test: ${skipReason}\n`);

describe("pack and install", () => {
  it.skipIf(skipReason !== undefined)(
    "the packed tarball installs outside the workspace and decodes an event from node",
    () => {
      const run = (cmd: string, args: string[], cwd: string) =>
        execFileSync(cmd, args, { cwd, stdio: "pipe", encoding: "utf8", timeout: 150_000 });
      run("npx", ["pnpm@10.34.8", "exec", "tsc", "-b", "packages/domain"], ROOT);
      const out = mkdtempSync(join(tmpdir(), "coop-domain-pack-"));
      const app = mkdtempSync(join(tmpdir(), "coop-domain-app-"));
      try {
        run("npx", ["pnpm@10.34.8", "pack", "--pack-destination", out], PKG);
        const tarball = readdirSync(out).find((f) => f.endsWith(".tgz"));
        expect(tarball).toBeDefined();
        const files = run("tar", ["-tzf", join(out, tarball ?? "")], out);
        expect(files).toMatch(/package\/dist\/index\.js/);
        // Sources ship (the source maps point at them); tests, test support and build info do not.
        expect(files).toMatch(/package\/src\/index\.ts/);
        expect(files).not.toMatch(/\.test\.|test-support|tsbuildinfo/);
        writeFileSync(
          join(app, "package.json"),
          JSON.stringify({ name: "app", private: true, type: "module" }),
        );
        run("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", join(out, tarball ?? "")], app);
        writeFileSync(
          join(app, "main.mjs"),
          `import { decodeEvent, decide, initialState, successorProvince } from "@coop-ledger/domain";
const r = decodeEvent({ type: "CoopFounded", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2019-03-01", name: "HTX A", form: "cooperative", sector: "agriculture", provinceCode: "60", foundingMembers: 7 } });
const d = decide({ type: "ResumeCoop", data: { coopId: "htx-1", effectiveDate: "2020-01-01" } }, initialState);
console.log(JSON.stringify({ tag: r._tag, gazetteer: r.right.data.location.gazetteer, refusal: d.left._tag, successor: successorProvince("60") }));`,
        );
        const printed = run("node", ["main.mjs"], app).trim();
        expect(JSON.parse(printed)).toEqual({
          tag: "Right",
          gazetteer: "2008-08-01",
          refusal: "CoopNotFound",
          successor: "68",
        });
      } finally {
        rmSync(out, { recursive: true, force: true });
        rmSync(app, { recursive: true, force: true });
      }
    },
    300_000,
  );
});
