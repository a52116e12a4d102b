import { describe, expect, it } from "vitest";
import { uuidV5 } from "./uuid-v5.js";

describe("uuidV5", () => {
  it("matches the well-known vector for the DNS namespace and www.example.com", () => {
    expect(uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
  });
  it("is deterministic, name-sensitive and sets version 5 and the RFC variant", () => {
    const ns = "5a0c7f1e-3b8d-4c52-9e61-2f4d8a7b9c30";
    const a = uuidV5(ns, "cmd-1/0");
    expect(uuidV5(ns, "cmd-1/0")).toBe(a);
    expect(uuidV5(ns, "cmd-1/1")).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  it("refuses a namespace that is not a UUID", () => {
    expect(() => uuidV5("nope", "x")).toThrow(TypeError);
  });
});
