#!/usr/bin/env node
// Builds dist/side-by-side/ours-answer.bundle.js: our side of the DuckDB side-by-side
// (src/side-by-side/ours-answer.ts) as ONE ES module, bundled as the `coop-ledger` executable is
// (packages/cli/scripts/bundle.mjs), so that the bench times our process as a user runs our code
// (a bundled program), not Node resolving the workspace's ~225 modules one by one (issue #12: that
// cost the side-by-side ~0.3 s more than `snapshot` on the same ledger). The cold-CLI bench runs the
// bundle when it is there, the unbundled program otherwise. Run by the repository's build.
import { fileURLToPath } from "node:url";
import { bundleProgram } from "../../cli/scripts/bundle.mjs";

const bench = fileURLToPath(new URL("..", import.meta.url));
await bundleProgram(
  `${bench}src/side-by-side/ours-answer.ts`,
  `${bench}dist/side-by-side/ours-answer.bundle.js`,
);
