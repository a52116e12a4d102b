import { describe, expect, it } from "vitest";
import { COOP_LEDGER_NAMESPACE, deriveEventId, eventIdName, uuidV5 } from "./event-id-scheme.js";
import { EventId } from "./ids.js";

describe("event id scheme (UUID v5 of <commandId>/<streamId>/<index>)", () => {
  it("matches the RFC 9562 v5 example (DNS namespace, www.example.com)", () => {
    expect(uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
  });

  it("derives a lowercase version-5 UUID the EventId codec accepts, from the documented name", () => {
    const id = deriveEventId("cmd-1", "coop-htx-1", 2);
    expect(EventId.is(id)).toBe(true);
    expect(id[14]).toBe("5");
    expect(id).toBe(uuidV5(COOP_LEDGER_NAMESPACE, "cmd-1/coop-htx-1/2"));
    expect(eventIdName("cmd-1", "coop-htx-1", 2)).toBe("cmd-1/coop-htx-1/2");
  });

  it("agrees with Python's uuid.uuid5 on the documented namespace (the doc's check)", () => {
    // python3 -c "import uuid; print(uuid.uuid5(uuid.UUID('5a0c7f1e-3b8d-4c52-9e61-2f4d8a7b9c30'), 'gen-60-0/x/0'))"
    expect(deriveEventId("gen-60-0", "x", 0)).toBe("16e362df-94f3-5a1b-a563-a8f3e1520d2c");
  });

  it("is deterministic, and differs by command, stream, index and namespace", () => {
    const a = deriveEventId("cmd-1", "coop-htx-1", 0);
    expect(deriveEventId("cmd-1", "coop-htx-1", 0)).toBe(a);
    const others = [
      deriveEventId("cmd-2", "coop-htx-1", 0),
      deriveEventId("cmd-1", "coop-htx-2", 0),
      deriveEventId("cmd-1", "coop-htx-1", 1),
      deriveEventId("cmd-1", "coop-htx-1", 0, "6ba7b810-9dad-11d1-80b4-00c04fd430c8"),
    ];
    expect(new Set([a, ...others]).size).toBe(5);
  });

  it("throws a TypeError for a namespace that is not a UUID", () => {
    expect(() => uuidV5("nope", "x")).toThrow(TypeError);
  });
});
