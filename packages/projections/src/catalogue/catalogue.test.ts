import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { INDICATORS } from "./catalogue.js";
import { IndicatorId } from "./indicator-id.js";
import { ProjectionOptions } from "./indicator-options.js";
import { renderIndicatorsDoc } from "./render-indicators-doc.js";

const docPath = fileURLToPath(new URL("../../../../docs/indicators.md", import.meta.url));

describe("indicator catalogue", () => {
  it("has exactly one definition per id, in id order, each with both labels", () => {
    expect(INDICATORS.map((d) => d.id)).toEqual([...IndicatorId.values]);
    for (const d of INDICATORS) {
      expect(d.label.en.length).toBeGreaterThan(0);
      expect(d.label.vi.length).toBeGreaterThan(0);
      expect(d.unit === "share" || d.unit === "growth" ? d.numerator !== undefined : true).toBe(true);
      for (const o of d.options) expect(Object.keys(ProjectionOptions.type.types[1].props)).toContain(o);
    }
  });

  it("docs/indicators.md is the rendering of the catalogue (set UPDATE_DOCS=1 to regenerate)", () => {
    const rendered = renderIndicatorsDoc();
    if (process.env.UPDATE_DOCS === "1") writeFileSync(docPath, rendered);
    expect(existsSync(docPath)).toBe(true);
    expect(readFileSync(docPath, "utf8")).toBe(rendered);
  });
});
