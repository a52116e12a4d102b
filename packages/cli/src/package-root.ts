import { existsSync } from "node:fs";

/**
 * The nearest folder at or above `from` that holds a `package.json`, as a URL ending in `/`.
 * @example
 * packageRootOf(new URL("dist/bin-chunks/x.js", PACKAGE_ROOT)).href === PACKAGE_ROOT.href // true: the cli package's folder
 * // With no package.json at or above it, the folder above `from`'s:
 * packageRootOf(new URL("file:///nowhere/dist/bin-chunks/x.js")).pathname // "/nowhere/dist/"
 */
export const packageRootOf = (from: URL): URL => {
  for (let dir = new URL("./", from); ; dir = new URL("../", dir)) {
    if (existsSync(new URL("package.json", dir))) return dir;
    if (dir.pathname === "/") return new URL("../", from);
  }
};

/**
 * This package's root folder (where `package.json`, `web/`, `sample-ledgers/` and `dist/` sit), as a
 * URL ending in `/`. Files the CLI reads at run time are found from here, never from a module's own
 * `import.meta.url` and a fixed number of `../`: this module runs as `src/package-root.ts` (tests), as
 * `dist/package-root.js` (the compiled library) and inside a chunk of the bundled executable
 * (`dist/bin-chunks/`, scripts/bundle.mjs), at different depths below the root; the nearest folder
 * with a `package.json` is the root in all three.
 *
 * @example new URL("web/index.html", PACKAGE_ROOT).pathname.endsWith("/cli/web/index.html") // true
 */
export const PACKAGE_ROOT: URL = packageRootOf(new URL(import.meta.url));
