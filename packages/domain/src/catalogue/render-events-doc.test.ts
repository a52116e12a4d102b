import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderEventsDoc } from "./render-events-doc.js";

const DOC = fileURLToPath(new URL("../../../../docs/events.md", import.meta.url));

describe("docs/events.md", () => {
  it("matches the catalogue generated from the codecs (UPDATE_EVENTS_DOC=1 rewrites it)", () => {
    const rendered = renderEventsDoc();
    if (process.env.UPDATE_EVENTS_DOC === "1") writeFileSync(DOC, rendered);
    expect(existsSync(DOC)).toBe(true);
    expect(readFileSync(DOC, "utf8")).toBe(rendered);
  });

  it("documents all 31 events, 30 commands and every error tag", () => {
    const doc = renderEventsDoc();
    expect(doc.match(/^### /gm)).toHaveLength(31);
    expect(doc).toContain("| DecideReorganisation | Quyết định tổ chức lại | ReorganisationDecided |");
    expect(doc).toContain("`location`: Location");
    expect(doc).toContain("| BackdatedTermination |");
  });
});
