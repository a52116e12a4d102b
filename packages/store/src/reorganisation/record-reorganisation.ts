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
 * await recordReorganisation({ handler, store, clock })({ commandId: "reorg-2022-01", command: { type: "DecideReorganisation", data } })()
 * // Right({ reorganisationId: "r-1", applied: ["coop-htx-1", "coop-htx-3"], alreadyApplied: [] })
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
