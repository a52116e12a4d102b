#!/usr/bin/env node
// The installed `coop-ledger` command: the built CLI, dist/bin.js (bundled by scripts/bundle.mjs; see
// the README). A committed file rather than dist/bin.js itself so that the bin exists before the first
// build: pnpm links workspace bins at install time and warned "Failed to create bin … dist/bin.js
// ENOENT" on every fresh clone.
import "../dist/bin.js";
