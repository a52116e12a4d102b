import { createHash } from "node:crypto";
import type { EventId } from "@coop-ledger/domain";

/**
 * The namespace of coop-ledger's deterministic event ids (a fixed random UUID). Pass your own to
 * {@link uuidV5} when two independent deployments must never derive the same id from the same name.
 *
 * @example uuidV5(COOP_LEDGER_NAMESPACE, "cmd-1/0")
 */
export const COOP_LEDGER_NAMESPACE = "5a0c7f1e-3b8d-4c52-9e61-2f4d8a7b9c30";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A name-based UUID, version 5 (RFC 9562 §5.5: SHA-1 of the namespace's 16 bytes followed by the name's
 * UTF-8 bytes, with version and variant bits set). Deterministic, so the same command handled twice
 * derives the same event ids and the store can recognise the repeat. Written with node:crypto (a dozen
 * lines) rather than a dependency.
 *
 * @example uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com") // "2ed6657d-e927-568b-95e1-2665a8aea6a2"
 */
export const uuidV5 = (namespace: string, name: string): EventId => {
  if (!UUID.test(namespace)) throw new TypeError(`not a UUID namespace: ${namespace.slice(0, 40)}`);
  const ns = Buffer.from(namespace.replaceAll("-", ""), "hex");
  const bytes = createHash("sha1").update(ns).update(name, "utf8").digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const h = bytes.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}` as EventId;
};
