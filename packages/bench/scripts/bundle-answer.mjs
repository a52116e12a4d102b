#!/usr/bin/env node
// Builds dist/side-by-side/ours-answer.bundle.js: our side of the DuckDB side-by-side
// (src/side-by-side/ours-answer.ts) as ONE ES module, bundled as the `coop-ledger` executable is
// (packages/cli/scripts/bundle.mjs), so that the bench times our process as a user runs our code
// (a bundled program), not Node resolving the workspace's ~225 modules one by one (issue #12: that
// cost the side-by-side ~0.3 s more than `snapshot` on the same ledger). The cold-CLI bench runs the
// bundle when it is there, the unbundled program otherwise. Run by the repository's build.
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { bundleProgram } from "../../cli/scripts/bundle.mjs";

const bench = fileURLToPath(new URL("..", import.meta.url));
const cli = fileURLToPath(new URL("../../cli/", import.meta.url));

// ours-answer.ts imports `checkChainAhead` alone from the CLI and starts the chain check before it
// loads the rest (as the executable does): that import is resolved to its own module, not to the CLI's
// index, whose static import would load the whole CLI (its re-exports' chunks) before the check starts.
const checkAheadAlone = {
  name: "coop-ledger-check-ahead-alone",
  setup(b) {
    b.onResolve({ filter: /^@coop-ledger\/cli$/ }, (args) =>
      args.importer.endsWith("ours-answer.ts") ? { path: `${cli}src/engine/chain-ahead.ts` } : undefined,
    );
  },
};
// The chunks of an earlier build go (their names change with their contents).
rmSync(`${bench}dist/side-by-side/ours-answer.bundle-chunks`, { recursive: true, force: true });
await bundleProgram(
  `${bench}src/side-by-side/ours-answer.ts`,
  `${bench}dist/side-by-side/ours-answer.bundle.js`,
  [checkAheadAlone],
);
