import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { PACKAGE_ROOT } from "../package-root.js";

/** uPlot's browser build and stylesheet, as text to inline into the report. */
export interface UplotAssets {
  readonly js: string;
  readonly css: string;
}

/**
 * Reads uPlot's IIFE build and CSS from the installed `uplot` package (MIT; its licence banner is kept
 * at the top of the minified file). Inlining them keeps the report readable offline and makes no
 * network request.
 *
 * @example const { js, css } = loadUplotAssets();
 */
export const loadUplotAssets = (): UplotAssets => {
  const require = createRequire(new URL("package.json", PACKAGE_ROOT));
  return {
    js: readFileSync(require.resolve("uplot/dist/uPlot.iife.min.js"), "utf8"),
    css: readFileSync(require.resolve("uplot/dist/uPlot.min.css"), "utf8"),
  };
};
