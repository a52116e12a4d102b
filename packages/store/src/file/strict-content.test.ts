import { describe, expect, it } from "vitest";
import { eventLine, headerLine } from "./ledger-format.js";
import { headerProblem, MAX_NESTING, nestingDepth, strictContent } from "./strict-content.js";

const header = {
  canonicalization: "RFC8785",
  createdAt: "2026-01-01T00:00:00.000Z",
  format: "coop-ledger",
  formatVersion: 1,
  hashAlgorithm: "sha256",
  maxLineBytes: 1048576,
};

const nest = (n: number): unknown => (n === 0 ? 1 : [nest(n - 1)]);
const record = (data: unknown) => ({
  batchRemaining: 0,
  data,
  eventId: "00000000-0000-5000-8000-000000000001",
  metadata: { recordedAt: "2026-01-02T03:04:05.000Z" },
  position: 0,
  revision: 0,
  schemaVersion: 1,
  streamId: "coop-htx-1",
  type: "CoopSuspended",
});

describe("strict content", () => {
  it("counts nesting on the bytes, ignoring brackets inside strings and escaped quotes", () => {
    const b = Buffer.from('{"a":[1,{"b":"[[\\"{{"}]}');
    expect(nestingDepth(b, 0, b.length)).toBe(3);
  });

  it("accepts the header the writer writes and names what is wrong with others", () => {
    expect(headerProblem(header)).toBeUndefined();
    expect(headerProblem({ ...header, maxLineBytes: 10 })).toBe("maxLineBytes is 10, not 1048576");
    expect(headerProblem({ ...header, extra: 1 })).toBe('unknown member "extra"');
    const { createdAt: _, ...noCreatedAt } = header;
    expect(headerProblem(noCreatedAt)).toBe("missing member createdAt");
    const line = Buffer.from(headerLine("2026-01-01T00:00:00.000Z" as never).line);
    expect(typeof strictContent(line, 0, line.length)).toBe("object");
  });

  it("the writer refuses an event nested deeper than the verifiers accept, and writes one at the limit", () => {
    // The line's object and `data` are levels 1 and 2.
    const atLimit = eventLine("", record({ x: nest(MAX_NESTING - 2) }));
    expect(atLimit._tag).toBe("Right");
    if (atLimit._tag === "Right") {
      const b = Buffer.from(atLimit.right.line);
      expect(typeof strictContent(b, 0, b.length)).toBe("object");
    }
    expect(eventLine("", record({ x: nest(MAX_NESTING - 1) }))).toEqual({
      _tag: "Left",
      left: "the event nests objects and arrays deeper than 16 levels",
    });
  });

  it("refuses a written line once a space is added, even though JSON.parse reads it the same", () => {
    const l = eventLine("", record({ coopId: "htx-1" }));
    if (l._tag === "Left") throw new Error(l.left);
    const b = Buffer.from(l.right.line.replace('"position":0', '"position": 0'));
    expect(strictContent(b, 0, b.length)).toMatch(/^not canonical JSON/);
  });
});
