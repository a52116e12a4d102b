import type { ExpectedRevision } from "@coop-ledger/store";
import { match, P } from "ts-pattern";
import type { EsdbExpectedRevision } from "../client/esdb-client.js";

/**
 * Our expected revision in the client's vocabulary: `"noStream"` → `no_stream`, `"any"` → `any`,
 * `"streamExists"` → `stream_exists`, an exact revision `n` → `BigInt(n)`.
 *
 * @example toEsdbExpectedRevision(3) // 3n
 */
export const toEsdbExpectedRevision = (expected: ExpectedRevision): EsdbExpectedRevision =>
  match(expected)
    .with("noStream", () => "no_stream" as const)
    .with("any", () => "any" as const)
    .with("streamExists", () => "stream_exists" as const)
    .with(P.number, (n) => BigInt(n))
    .exhaustive();
