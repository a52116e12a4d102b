import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Standalone config (`npx vitest run` in this folder). Inside the repository the root config runs this
// project as "example-property-suite" and maps @coop-ledger/* to the packages' sources; here we do the
// same so the example runs without a build. A user outside the repository drops the alias: the
// installed packages resolve to their dist/.
const packages = fileURLToPath(new URL("../../packages/", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@coop-ledger\/([a-z-]+)\/([a-z-]+)$/, replacement: `${packages}$1/src/$2/index.ts` },
      { find: /^@coop-ledger\/([a-z-]+)$/, replacement: `${packages}$1/src/index.ts` },
    ],
  },
  test: { include: ["test/**/*.test.ts"], testTimeout: 60_000 },
});
