import { createHash } from "node:crypto";
import fc from "fast-check";

/** One edit of a ledger's lines, and the 1-based line that verification must name as the first bad one. */
export type Edit =
  | { kind: "byte"; line: number; at: number; value: number }
  | { kind: "field"; line: number; field: "revision" | "position" | "effectiveDate" | "recordedBy" }
  | { kind: "remove"; line: number }
  | { kind: "insert"; line: number; copyOf: number }
  | { kind: "garbage"; line: number; text: string }
  | { kind: "reorder"; line: number; other: number }
  | { kind: "duplicate"; line: number };

/**
 * A forger's edit: the content of an event line is changed and the chain recomputed from there, so
 * every link holds and only the strict-content, sequence and id checks can see it.
 */
export type Forgery = {
  kind: "forge";
  line: number;
  change:
    | "revision"
    | "position"
    | "batchRemaining"
    | "eventIdOfLine2"
    | "eventIdUppercase"
    | "streamId"
    | "space"
    | "keyOrder"
    | "extraMember"
    | "numberForm"
    | "escapedSlash"
    | "dropLine";
};

/** Applies an edit to a ledger's lines: the edited file (lines or raw bytes) and the first bad line. */
export const applyEdit = (
  lines: string[],
  e: Edit,
): { lines: string[]; bytes?: Buffer; firstBad: number } => {
  const out = [...lines];
  const i = e.line - 1;
  switch (e.kind) {
    case "byte": {
      // Edits one byte of the line or of the newline ending it (merging it with the next line, or
      // leaving a torn final line): the file is rebuilt from bytes.
      const file = Buffer.from(out.map((l) => `${l}\n`).join(""), "utf8");
      const start = Buffer.byteLength(
        out
          .slice(0, i)
          .map((l) => `${l}\n`)
          .join(""),
        "utf8",
      );
      const at = start + (e.at % (Buffer.byteLength(out[i]!, "utf8") + 1));
      file[at] = file[at] === e.value ? (e.value === 0x41 ? 0x42 : 0x41) : e.value;
      return { lines: out, bytes: file, firstBad: e.line };
    }
    case "field": {
      const rec = JSON.parse(out[i]!);
      if (e.field === "effectiveDate") rec.data.effectiveDate = "1999-12-31";
      else if (e.field === "recordedBy") rec.metadata.recordedBy = "someone else";
      else rec[e.field] = rec[e.field] + 1;
      const { hash, ...rest } = rec;
      out[i] = `{"hash":"${hash}",${JSON.stringify(rest).slice(1)}`;
      return { lines: out, firstBad: e.line };
    }
    case "remove":
      out.splice(i, 1);
      return { lines: out, firstBad: e.line };
    case "insert":
      out.splice(i, 0, lines[e.copyOf - 1]!);
      // A copy of line k inserted at line k leaves line k intact: the copy that follows is the bad one.
      return { lines: out, firstBad: e.copyOf === e.line ? e.line + 1 : e.line };
    case "garbage":
      out.splice(i, 0, e.text);
      return { lines: out, firstBad: e.line };
    case "reorder":
      [out[i], out[e.other - 1]] = [out[e.other - 1]!, out[i]!];
      return { lines: out, firstBad: Math.min(e.line, e.other) };
    case "duplicate":
      out.splice(i + 1, 0, out[i]!);
      return { lines: out, firstBad: e.line + 1 };
  }
};

/** Recomputes every link from line `from` (1-based) on, as a forger would. */
const rechain = (lines: string[], from: number): string[] => {
  const out = [...lines];
  let prev = from >= 2 ? out[from - 2]!.slice(9, 73) : "";
  for (let k = from - 1; k < out.length; k++) {
    const content = `{${out[k]!.slice(75)}`;
    const hash = createHash("sha256").update(prev).update(content).digest("hex");
    out[k] = `{"hash":"${hash}",${content.slice(1)}`;
    prev = hash;
  }
  return out;
};

/** Applies a forgery to an event line (line ≥ 2) and rechains: the edited lines. */
export const applyForgery = (lines: string[], f: Forgery): string[] => {
  const out = [...lines];
  const i = f.line - 1;
  const text = out[i]!;
  const rec = JSON.parse(text) as Record<string, unknown>;
  const { hash: _hash, ...rest } = rec;
  const body = (r: Record<string, unknown>): string => JSON.stringify(r).slice(1);
  const prefix = text.slice(0, 75);
  switch (f.change) {
    case "revision":
    case "position":
    case "batchRemaining":
      out[i] = prefix + body({ ...rest, [f.change]: (rest[f.change] as number) + 1 });
      break;
    case "eventIdOfLine2":
      out[i] = prefix + body({ ...rest, eventId: (JSON.parse(out[1]!) as { eventId: string }).eventId });
      break;
    case "eventIdUppercase":
      out[i] = prefix + body({ ...rest, eventId: (rest.eventId as string).toUpperCase() });
      break;
    case "streamId":
      out[i] = prefix + body({ ...rest, streamId: "not a stream" });
      break;
    case "space":
      out[i] = `${prefix}${body(rest).replace(":", ": ")}`;
      break;
    case "keyOrder": {
      const { batchRemaining, ...others } = rest;
      out[i] = prefix + body({ ...others, batchRemaining });
      break;
    }
    case "extraMember":
      out[i] = prefix + body({ ...rest, zzz: 1 });
      break;
    case "numberForm":
      out[i] = prefix + body(rest).replace(/"revision":(\d+)/, '"revision":$1.0');
      break;
    case "escapedSlash":
      out[i] = prefix + body(rest).replace(/"type":"/, '"type":"\\/');
      break;
    case "dropLine":
      out.splice(i, 1);
      break;
  }
  return rechain(out, f.line);
};

/** Edits of a ledger of `n` lines (header included). */
export const editArbitrary = (n: number): fc.Arbitrary<Edit> => {
  const line = fc.integer({ min: 1, max: n });
  return fc.oneof(
    fc.record({
      kind: fc.constant("byte" as const),
      line,
      at: fc.nat(),
      value: fc.integer({ min: 0x20, max: 0x7e }),
    }),
    fc.record({
      kind: fc.constant("field" as const),
      line: fc.integer({ min: 2, max: n }),
      field: fc.constantFrom(
        "revision" as const,
        "position" as const,
        "effectiveDate" as const,
        "recordedBy" as const,
      ),
    }),
    fc.record({ kind: fc.constant("remove" as const), line }),
    fc.record({
      kind: fc.constant("insert" as const),
      line: fc.integer({ min: 1, max: n + 1 }),
      copyOf: line,
    }),
    fc.record({
      kind: fc.constant("garbage" as const),
      line: fc.integer({ min: 1, max: n + 1 }),
      text: fc.string({ maxLength: 40 }).map((s) => s.replaceAll("\n", " ")),
    }),
    fc.record({ kind: fc.constant("reorder" as const), line, other: line }).filter((e) => e.line !== e.other),
    fc.record({ kind: fc.constant("duplicate" as const), line }),
  );
};

/** Forgeries of the event lines of a ledger of `n` lines. */
export const forgeryArbitrary = (n: number): fc.Arbitrary<Forgery> =>
  fc.record({
    kind: fc.constant("forge" as const),
    line: fc.integer({ min: 2, max: n }),
    change: fc.constantFrom(
      "revision" as const,
      "position" as const,
      "batchRemaining" as const,
      "eventIdOfLine2" as const,
      "eventIdUppercase" as const,
      "streamId" as const,
      "space" as const,
      "keyOrder" as const,
      "extraMember" as const,
      "numberForm" as const,
      "escapedSlash" as const,
      "dropLine" as const,
    ),
  });
