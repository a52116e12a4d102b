/**
 * The event-id scheme lives in the domain package (one scheme for the command handler, the generator
 * and the tests); re-exported here so `@coop-ledger/store` users keep importing it from the store.
 *
 * @example uuidV5(COOP_LEDGER_NAMESPACE, "cmd-1/coop-htx-1/0") === deriveEventId("cmd-1", "coop-htx-1", 0)
 */
export { COOP_LEDGER_NAMESPACE, deriveEventId, eventIdName, uuidV5 } from "@coop-ledger/domain";
