import { Command, SourceDocument, Text } from "@coop-ledger/domain";
import * as t from "io-ts";

/** A command id: 1–200 characters, the idempotency key of a write (retrying with the same id is safe). */
const CommandId = t.refinement(t.string, (s) => s.length > 0 && s.length <= 200, "CommandId");

/**
 * The body of `POST /commands`: a command id, a command of the domain's catalogue, and who recorded it
 * on the strength of which document. Decoded with io-ts: unknown keys are dropped, nothing throws.
 *
 * @example CommandBody.decode({ commandId: "c-1", command: { type: "ResumeCoop", data: { coopId: "htx-1", effectiveDate: "2021-06-01" } } })
 */
export const CommandBody = t.intersection([
  t.type({ commandId: CommandId, command: Command }),
  t.partial({ metadata: t.partial({ recordedBy: Text, source: SourceDocument }) }),
]);
/** @see CommandBody */
export type CommandBody = t.TypeOf<typeof CommandBody>;
