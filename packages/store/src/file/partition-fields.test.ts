import { describe, expect, it } from "vitest";
import { eventLine } from "./ledger-format.js";
import { partitionFields } from "./partition-fields.js";

const record = {
  batchRemaining: 0,
  data: { coopId: "htx-1", effectiveDate: "2021-03-01", note: "Hợp tác xã" },
  eventId: "6f1c0a3e-8b1d-5c7e-9f2a-3b4c5d6e7f80",
  metadata: { recordedAt: "2023-01-15T08:00:00.000Z" },
  position: 4,
  revision: 2,
  schemaVersion: 1,
  streamId: "coop-htx-1",
  type: "CoopSuspended",
};

const lineOf = (text: string) => Buffer.from(text);
const canonical = (): string => {
  const l = eventLine("a".repeat(64), record as never);
  if (l._tag === "Left") throw new Error(l.left);
  return l.right.line.replace(/\n$/, "");
};

const read = (text: string, owns: (id: string) => boolean) => {
  const told: number[] = [];
  const p = partitionFields({ owns, differs: (line) => void told.push(line) });
  const buf = lineOf(text);
  const f = p.fields(buf, 0, buf.length, 9);
  return { f, parsed: p.parsed, told };
};

describe("a partition's reading of the envelope (first build fed on threads)", () => {
  it("parses its own streams' lines, and reads the others' by the byte scan alone", () => {
    const own = read(canonical(), () => true);
    const other = read(canonical(), () => false);
    expect(own.parsed).toBeDefined();
    expect(other.parsed).toBeUndefined();
    const pick = (f: unknown) => {
      const { batchRemaining, eventId, position, revision, schemaVersion, streamId, type } =
        f as typeof record;
      return { batchRemaining, eventId, position, revision, schemaVersion, streamId, type };
    };
    expect(pick(other.f)).toEqual(pick(own.f));
    expect(pick(own.f)).toMatchObject({ streamId: "coop-htx-1", position: 4, revision: 2 });
    expect(own.told).toEqual([]);
  });

  it("parses a line whose envelope holds an escape in every partition (the scan would read it otherwise)", () => {
    const escaped = canonical().replace('"streamId":"coop-htx-1"', '"streamId":"\\u0063oop-htx-1"');
    const other = read(escaped, () => false);
    expect(other.parsed).toBeDefined();
    expect((other.f as { streamId: string }).streamId).toBe("coop-htx-1");
  });

  it("tells the owner of a line whose scan and parse disagree (a duplicated member)", () => {
    const twice = canonical().replace(
      '"type":"CoopSuspended"}',
      '"type":"CoopSuspended","type":"CoopResumed"}',
    );
    expect(read(twice, () => true).told).toEqual([9]);
    expect(read(canonical(), () => true).told).toEqual([]);
  });

  it("returns the reason for a line that is not JSON", () => {
    expect(typeof read("{oops", () => true).f).toBe("string");
  });
});
