import type { EventData, EventOf } from "../events/domain-event.js";
import type { CoopId } from "../values/ids.js";
import type { Count } from "../values/quantity.js";
import { coopStream, type StreamId } from "../values/stream-id.js";

/** The events one reorganisation appends to one co-op stream. */
export interface StreamEffect {
  readonly streamId: StreamId;
  readonly coopId: CoopId;
  readonly events: ReadonlyArray<
    | EventOf<"CoopFounded">
    | EventOf<"CoopReorganisedAway">
    | EventOf<"CoopSpunOff">
    | EventOf<"CoopMergerReceived">
  >;
}

/**
 * Derives, from a recorded reorganisation decision alone, the events to append to every co-op stream it
 * touches. Deterministic (same decision, same effects, same order: sources, then new co-ops, then the
 * absorbing co-op), so the process that appends them can be re-run after a crash and, with event ids
 * derived from the decision's event id and the effect's place, appends nothing twice.
 *
 * The decision's shape (how many sources and new co-ops each kind needs) is checked by the decider when
 * the decision is made; this function only maps it.
 *
 * @example
 * import { deriveReorganisationEffects, makeCommand } from "@coop-ledger/domain";
 * const merger = makeCommand("DecideReorganisation", {
 *   reorganisationId: "r-1", effectiveDate: "2022-01-01", kind: "merger",
 *   sources: ["htx-2"], newCoops: [], absorbingCoopId: "htx-1", absorbedMembers: 12,
 * });
 * if (merger._tag === "Left") throw new Error(merger.left.message);
 * const effects = deriveReorganisationEffects(merger.right.data);
 * console.log(effects.map((e) => `${e.streamId}: ${e.events.map((x) => x.type).join(", ")}`));
 * // ["coop-htx-2: CoopReorganisedAway", "coop-htx-1: CoopMergerReceived"]
 */
export const deriveReorganisationEffects = (
  decision: EventData<"ReorganisationDecided">,
): ReadonlyArray<StreamEffect> => {
  const { reorganisationId, effectiveDate, kind, sources, newCoops } = decision;
  const newIds = newCoops.map((c) => c.coopId);
  const effects: StreamEffect[] = [];

  for (const coopId of sources) {
    if (kind === "spinOff") {
      const membersTransferred = newCoops.reduce((n, c) => n + c.members, 0) as Count;
      effects.push({
        streamId: coopStream(coopId),
        coopId,
        events: [
          {
            type: "CoopSpunOff",
            schemaVersion: 1,
            data: { coopId, effectiveDate, reorganisationId, newCoopIds: newIds, membersTransferred },
          },
        ],
      });
    } else {
      const successors =
        kind === "merger" && decision.absorbingCoopId !== undefined ? [decision.absorbingCoopId] : newIds;
      effects.push({
        streamId: coopStream(coopId),
        coopId,
        events: [
          {
            type: "CoopReorganisedAway",
            schemaVersion: 1,
            data: { coopId, effectiveDate, reorganisationId, kind, successors },
          },
        ],
      });
    }
  }

  for (const c of newCoops) {
    const data: EventData<"CoopFounded"> = {
      coopId: c.coopId,
      effectiveDate,
      name: c.name,
      form: c.form,
      sector: c.sector,
      location: c.location,
      foundingMembers: c.members,
      origin: {
        kind: "reorganisation",
        reorganisationId,
        reorganisationKind: kind,
        predecessors: [...sources],
      },
      ...(c.agricultureKind !== undefined ? { agricultureKind: c.agricultureKind } : {}),
      ...(c.registrationCode !== undefined ? { registrationCode: c.registrationCode } : {}),
      ...(c.charterCapitalVnd !== undefined ? { charterCapitalVnd: c.charterCapitalVnd } : {}),
    };
    effects.push({
      streamId: coopStream(c.coopId),
      coopId: c.coopId,
      events: [{ type: "CoopFounded", schemaVersion: 2, data }],
    });
  }

  if (kind === "merger" && decision.absorbingCoopId !== undefined) {
    const coopId = decision.absorbingCoopId;
    effects.push({
      streamId: coopStream(coopId),
      coopId,
      events: [
        {
          type: "CoopMergerReceived",
          schemaVersion: 1,
          data: {
            coopId,
            effectiveDate,
            reorganisationId,
            absorbedCoopIds: [...sources],
            membersReceived: (decision.absorbedMembers ?? 0) as Count,
          },
        },
      ],
    });
  }
  return effects;
};
