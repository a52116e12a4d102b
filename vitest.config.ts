import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const packages = readdirSync(`${root}packages`);
const examples = existsSync(`${root}examples`)
  ? readdirSync(`${root}examples`).filter((d) => existsSync(`${root}examples/${d}/package.json`))
  : [];

// Tests run against the TypeScript sources of sibling packages (no build needed to test a change);
// the published entry points (dist/) are exercised by the pack-and-install test and the CLI tests.
const alias = [
  // Subpath entry points (e.g. "@coop-ledger/store/contract") map to src/<subpath>/index.ts.
  {
    find: /^@coop-ledger\/([a-z-]+)\/([a-z-]+)$/,
    replacement: `${root}packages/$1/src/$2/index.ts`,
  },
  {
    find: /^@coop-ledger\/([a-z-]+)$/,
    replacement: `${root}packages/$1/src/index.ts`,
  },
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      ...packages.map((name) => ({
        resolve: { alias },
        test: {
          name,
          root: `${root}packages/${name}`,
          include: ["src/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      })),
      // The repository's own checks over the built packages (e.g. the public export lists), and the
      // TSDoc examples (scripts/tsdoc-examples.test.ts), which run against the sources like the tests.
      {
        resolve: { alias },
        test: {
          name: "repo",
          root: `${root}scripts`,
          include: ["**/*.test.ts"],
          testTimeout: 120_000,
        },
      },
      ...examples.map((name) => ({
        resolve: { alias },
        test: {
          name: `example-${name}`,
          root: `${root}examples/${name}`,
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      })),
    ],
  },
});
