import type { Command } from "../commands/command.js";
import type { DomainError } from "../decider/domain-error.js";
import type { DomainWarning } from "../decider/domain-warning.js";
import { ledgerDecider } from "../decider/ledger-decider.js";
import type { StreamState } from "../decider/stream-state.js";
import type { DomainEvent } from "../events/domain-event.js";
import { type Given, type GivenEvent, specFor } from "./decider-spec.js";

/**
 * Given/when/then against the ledger's decider (default configuration; `specFor(makeLedgerDecider(…))`
 * for another). The domain's own rule tests are written this way (packages/domain/src/decider/*.test.ts).
 *
 * @example
 * const founded = {
 *   type: "CoopFounded",
 *   schemaVersion: 2,
 *   data: {
 *     coopId: "htx-1", effectiveDate: "2019-03-01", name: "HTX Thanh Long", form: "cooperative",
 *     sector: "agriculture", location: { gazetteer: "2008-08-01", provinceCode: "60" },
 *     foundingMembers: 7, origin: { kind: "new" },
 *   },
 * } as unknown as DomainEvent;
 * const resume = { type: "ResumeCoop", data: { coopId: "htx-1", effectiveDate: "2020-06-01" } } as unknown as Command;
 * given([founded]).when(resume).thenError("NotSuspended"); // passes: an active co-op is not suspended
 */
export const given: (
  history: ReadonlyArray<GivenEvent<DomainEvent>>,
) => Given<Command, StreamState, DomainEvent, DomainError, DomainWarning> = specFor(ledgerDecider);
