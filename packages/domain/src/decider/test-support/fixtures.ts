import type { CommandOf, CommandType } from "../../commands/command.js";
import type { DomainEvent } from "../../events/domain-event.js";

// Builders of the commands and events the decider tests state, without the ceremony of brands (the
// decoders are what check real input). The tests themselves are given/when/then specifications
// (`given` of ../../spec/given.ts, the one published as `@coop-ledger/domain`'s and
// `@coop-ledger/testing`'s): given events, when a command, then events or an error.

/** A command of this type with this data. */
export const cmd = <K extends CommandType>(type: K, data: Record<string, unknown>): CommandOf<K> =>
  ({ type, data }) as unknown as CommandOf<K>;

/** A command on co-op htx-1 with its data. */
export const on = <K extends CommandType>(type: K, data: Record<string, unknown>) =>
  cmd(type, { coopId: "htx-1", ...data });

/** The data of the default co-op's founding (HTX Nông nghiệp Thanh Long, Bình Thuận, 2019-03-01). */
const FOUNDING = {
  coopId: "htx-1",
  effectiveDate: "2019-03-01",
  name: "HTX Nông nghiệp Thanh Long",
  form: "cooperative",
  sector: "agriculture",
  location: { gazetteer: "2008-08-01", provinceCode: "60" },
  foundingMembers: 7,
};

/** The command founding the default co-op, with these fields changed. */
export const found = (over: Record<string, unknown> = {}) => cmd("FoundCoop", { ...FOUNDING, ...over });

/** An event of this type with this data, at its current schema version (CoopFounded 2, every other 1). */
export const event = (type: DomainEvent["type"], data: Record<string, unknown>): DomainEvent =>
  ({ type, schemaVersion: type === "CoopFounded" ? 2 : 1, data }) as unknown as DomainEvent;

/** An event of co-op htx-1 with its data. */
export const happened = (type: DomainEvent["type"], data: Record<string, unknown>): DomainEvent =>
  event(type, { coopId: "htx-1", ...data });

/** The default co-op's founding event (a new co-op), with these fields changed. */
export const founded = (over: Record<string, unknown> = {}): DomainEvent =>
  event("CoopFounded", { ...FOUNDING, origin: { kind: "new" }, ...over });
