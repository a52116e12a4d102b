import type * as t from "io-ts";

/**
 * Why a raw event could not be decoded; a tagged union, matched exhaustively by callers:
 * - `MalformedEvent`: not an object of the shape `{ type, schemaVersion, data }`;
 * - `UnknownEventType`: a type this version of the library does not know;
 * - `UnsupportedSchemaVersion`: a schema version newer than this library knows (written by a newer
 *   release: upgrade rather than skip), or below 1;
 * - `InvalidEventData`: the data does not satisfy the codec; `problems` name each field and value.
 *
 * @example
 * import { decodeEvent, type EventDecodeError } from "@coop-ledger/domain";
 * import { match } from "ts-pattern";
 * const what = (err: EventDecodeError): string =>
 *   match(err)
 *     .with({ _tag: "UnknownEventType" }, (e) => `unknown type ${e.type}`)
 *     .with({ _tag: "UnsupportedSchemaVersion" }, () => "written by a newer coop-ledger")
 *     .otherwise((e) => e.message);
 * const r = decodeEvent({ type: "CoopRenamed", schemaVersion: 1, data: {} });
 * if (r._tag === "Left") console.log(what(r.left)); // "unknown type CoopRenamed"
 */
export type EventDecodeError =
  | { readonly _tag: "MalformedEvent"; readonly message: string }
  | { readonly _tag: "UnknownEventType"; readonly type: string; readonly message: string }
  | {
      readonly _tag: "UnsupportedSchemaVersion";
      readonly type: string;
      readonly schemaVersion: number;
      readonly latest: number;
      readonly message: string;
    }
  | {
      readonly _tag: "InvalidEventData";
      readonly type: string;
      readonly schemaVersion: number;
      readonly problems: ReadonlyArray<string>;
      readonly message: string;
    };

const show = (v: unknown): string => {
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 80 ? `${s.slice(0, 77)}...` : s;
  } catch {
    return String(v);
  }
};

/**
 * Turns io-ts validation errors into one readable line each: the path, the expected type, the value.
 * @example
 * import { formatValidationErrors, LoanRepaid } from "@coop-ledger/domain";
 * const r = LoanRepaid.decode({ type: "LoanRepaid", schemaVersion: 1, data: { principalVnd: -5 } });
 * if (r._tag === "Left") console.log(formatValidationErrors(r.left).at(-1)); // "data.principalVnd: expected Vnd, got -5"
 */
export const formatValidationErrors = (errors: t.Errors): ReadonlyArray<string> => {
  const lines = errors.map((e) => {
    const path = e.context
      .map((c) => c.key)
      .filter((k) => k !== "" && !/^\d+$/.test(k))
      .join(".");
    const expected = e.context[e.context.length - 1]?.type.name ?? "value";
    return e.message ?? `${path || "(root)"}: expected ${expected}, got ${show(e.value)}`;
  });
  return [...new Set(lines)];
};
