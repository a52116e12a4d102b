import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeResolution } from "./resolution.js";
import { resolution004Json } from "./resolutions/resolution-004.js";

describe("decodeResolution laws", () => {
  it("never throws on any JSON input: it returns Right or a tagged Left", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const r = decodeResolution(json);
        expect(r._tag === "Right" || r.left._tag === "ResolutionDecodeError").toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("never throws when any one field of a valid resolution is replaced by arbitrary JSON", () => {
    const json = resolution004Json() as unknown as Record<string, unknown>;
    const keys = Object.keys(json);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, value) => {
        const r = decodeResolution({ ...json, [key]: value });
        expect(r._tag === "Right" || r.left.messages.length > 0).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
