import type { RecordedEvent } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import type { LoadedLedger } from "../engine/load-ledger.js";
import { type CliError, queryError, usage } from "../errors/cli-error.js";
import { type ApiAnswer, ledgerMember } from "./api-answer.js";
import { param } from "./request-params.js";

/**
 * One event's full record (as stored: ids, stream, revision, position, type, data, metadata): the index
 * says whether the stream holds that position, and the event alone is read from the ledger by byte
 * offset.
 * @example
 * const open = (ledger: LoadedLedger) => eventAnswer(ledger, new URLSearchParams("stream=coop-60-0001&position=12"));
 */
export const eventAnswer = (l: LoadedLedger, p: URLSearchParams): E.Either<CliError, ApiAnswer> => {
  const stream = param(p, "stream");
  const positionText = param(p, "position") ?? "";
  const position = Number(positionText);
  if (stream === undefined || !Number.isSafeInteger(position) || position < 0)
    return E.left(
      usage(
        "stream and position: give both (position a whole number)",
        "open an event from an explain or diff table",
      ),
    );
  const positions = l.index.streamPositions(stream);
  if (positions.length === 0)
    return E.left(
      queryError(
        `no stream ${JSON.stringify(stream)} in ${l.path}`,
        "open an event from an explain or diff table",
      ),
    );
  // One event read from the ledger by its byte offset (not the whole stream).
  const found: RecordedEvent | undefined = positions.includes(position)
    ? l.eventsAt([position])[0]
    : undefined;
  if (found === undefined)
    return E.left(
      queryError(
        `stream ${stream} has no event at position ${position}`,
        "open an event from an explain or diff table",
      ),
    );
  return E.right({
    ledger: ledgerMember(l),
    query: { stream, position },
    result: found,
    tables: [],
    notes: [],
  });
};
