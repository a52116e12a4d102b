import type { StoreError } from "../port/store-error.js";

/**
 * The store error of a file operation that failed for a reason outside the ledger's content (a missing
 * file, a failed read or write).
 * @example unavailable("ledger.jsonl: no such ledger")._tag // "StoreUnavailable"
 */
export const unavailable = (message: string): StoreError => ({ _tag: "StoreUnavailable", message });

/**
 * The errno code of a failed file operation (`ENOENT`, `EACCES`, …), or the error as text.
 * @example errnoCode(Object.assign(new Error("x"), { code: "ENOENT" })) // "ENOENT"
 */
export const errnoCode = (e: unknown): string => (e as NodeJS.ErrnoException)?.code ?? String(e);
