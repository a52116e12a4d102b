import {
  type DomainError,
  type EventId,
  evolve,
  initialState,
  type StreamId,
  type StreamState,
  validateEvent,
} from "@coop-ledger/domain";
import { type LedgerIssue, readLedgerChunks } from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";

/** An event that breaks a domain rule, where it stands, and the rule's message. */
export interface RuleViolation {
  readonly line: number;
  readonly position: number;
  readonly streamId: StreamId;
  readonly eventId: EventId;
  readonly type: string;
  readonly rule: DomainError["_tag"];
  readonly message: string;
}

/**
 * The domain-rule part of a ledger's validity: how many events break a rule, and the first ones.
 * @example (await checkDomainRules("l.jsonl")).count // 0 on a valid ledger
 */
export interface DomainRulesReport {
  readonly events: number;
  /** The first event that does not decode (unknown type, newer schema, data the codecs refuse): it cannot be judged. */
  readonly undecodable: Extract<LedgerIssue, { _tag: "UndecodableEvent" }> | undefined;
  readonly count: number;
  readonly first: ReadonlyArray<RuleViolation>;
}

/**
 * Replays a ledger (whose chain was verified) stream by stream through the domain's rules
 * (`validateEvent` on the state the stream's earlier events built, then `evolve`, as a store that had
 * accepted the event would): the "validity" half of `verify --validity` beside integrity. Every event
 * goes through the codecs; the first that does not decode is reported (`undecodable`) and not judged. Streams one chunk at a time: memory is one
 * state per stream.
 *
 * @example const r = await checkDomainRules("ledger.jsonl", 20); if (r.count > 0) console.log(r.first[0]?.message);
 */
export const checkDomainRules = async (path: string, keep = 20): Promise<DomainRulesReport> => {
  const states = new Map<string, StreamState>();
  const first: RuleViolation[] = [];
  let count = 0;
  let events = 0;
  let undecodable: DomainRulesReport["undecodable"];
  for await (const chunk of readLedgerChunks(path, { verifyChain: false, validation: "codec" }))
    for (const r of chunk) {
      if (E.isLeft(r)) {
        if (r.left._tag === "UndecodableEvent") undecodable ??= r.left;
        continue;
      }
      const e = r.right;
      events++;
      const s = states.get(e.streamId) ?? initialState;
      const v = validateEvent(s, e.event);
      if (E.isLeft(v)) {
        count++;
        if (first.length < keep)
          first.push({
            line: e.position + 2,
            position: e.position,
            streamId: e.streamId,
            eventId: e.eventId,
            type: e.event.type,
            rule: v.left._tag,
            message: v.left.message,
          });
      }
      states.set(e.streamId, evolve(s, e.event, { eventId: e.eventId, recordedAt: e.metadata.recordedAt }));
    }
  return { events, undecodable, count, first };
};
