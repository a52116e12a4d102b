import type { ReorganisationId } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { CommandEnvelope, CommandHandler } from "../handler/command-handler.js";
import type { HandlerError } from "../handler/handler-error.js";
import {
  completeReorganisation,
  type ReorganisationDeps,
  type ReorganisationError,
  type ReorganisationReport,
} from "./reorganisation-process.js";

/**
 * The whole reorganisation process in one call: records the decision (a `DecideReorganisation` command,
 * through the command handler, on `reorganisation-<id>`: idempotent by command id), then completes it
 * with {@link completeReorganisation}. After a crash, calling it again with the same envelope (or
 * calling `completeReorganisation(id)`) finishes the work without duplicating anything.
 *
 * @example
 * import { type Instant, ledgerDecider, makeCommand, stateFromHistory, streamOf } from "@coop-ledger/domain";
 * import { makeCommandHandler, makeInMemoryStore, recordReorganisation } from "@coop-ledger/store";
 * const store = makeInMemoryStore();
 * const clock = () => "2022-01-05T08:00:00.000Z" as Instant;
 * const handler = makeCommandHandler({ store, decider: ledgerDecider, streamOf, stateFromHistory, clock });
 * for (const coopId of ["htx-1", "htx-2"]) {
 *   const found = makeCommand("FoundCoop", {
 *     coopId,
 *     effectiveDate: "2019-03-01",
 *     name: `HTX ${coopId}`,
 *     form: "cooperative",
 *     sector: "agriculture",
 *     location: { gazetteer: "2008-08-01", provinceCode: "60" },
 *     foundingMembers: 7,
 *   });
 *   if (found._tag === "Right") await handler.handle({ commandId: `found-${coopId}`, command: found.right })();
 * }
 * // Sáp nhập: htx-2 merges into htx-1.
 * const merger = makeCommand("DecideReorganisation", {
 *   reorganisationId: "r-1",
 *   effectiveDate: "2022-01-01",
 *   kind: "merger",
 *   sources: ["htx-2"],
 *   newCoops: [],
 *   absorbingCoopId: "htx-1",
 *   absorbedMembers: 5,
 * });
 * if (merger._tag === "Left") throw new Error(merger.left.message);
 * const record = recordReorganisation({ handler, store, clock });
 * const r = await record({ commandId: "reorg-2022-01", command: merger.right })();
 * if (r._tag === "Right") console.log(r.right.applied, r.right.alreadyApplied);
 * // ["coop-htx-2", "coop-htx-1"] []
 * const again = await record({ commandId: "reorg-2022-01", command: merger.right })(); // after a crash: safe
 * if (again._tag === "Right") console.log(again.right.applied, again.right.alreadyApplied);
 * // [] ["coop-htx-2", "coop-htx-1"]
 */
export const recordReorganisation =
  <Command, DomainError>(
    deps: ReorganisationDeps & { readonly handler: CommandHandler<Command, DomainError> },
  ) =>
  (
    envelope: CommandEnvelope<Command>,
  ): TE.TaskEither<HandlerError<DomainError> | ReorganisationError, ReorganisationReport> =>
  async () => {
    const recorded = await deps.handler.handle(envelope)();
    if (E.isLeft(recorded)) return recorded;
    const decision = recorded.right.events.find((e) => e.type === "ReorganisationDecided");
    if (decision === undefined || decision.type !== "ReorganisationDecided")
      return E.left({
        _tag: "DecisionNotFound",
        reorganisationId: "",
        message: `command ${envelope.commandId} did not record a ReorganisationDecided (Quyết định tổ chức lại HTX)`,
      });
    return completeReorganisation(deps)(decision.data.reorganisationId as ReorganisationId)();
  };
