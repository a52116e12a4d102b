import type { EsdbClient, EsdbCredentials, EsdbPosition } from "../client/esdb-client.js";

/**
 * The position of the last event in `$all` (whatever its stream, system events included), or
 * `undefined` for an empty log: one backwards read of one event. Throws what the client throws.
 *
 * @example
 * import { createEsdbClient, esdbSettingsFromEnv } from "@coop-ledger/store-esdb";
 * import { readHead } from "@coop-ledger/store-esdb/internal";
 * // Needs a server: ESDB_URL=esdb://localhost:2113?tls=false (see esdbSettingsFromEnv).
 * const settings = esdbSettingsFromEnv(process.env);
 * if (settings._tag === "Left") throw new Error(settings.left.message);
 * const client = createEsdbClient(settings.right);
 * if (client._tag === "Left") throw new Error(client.left.message);
 * const head = await readHead(client.right); // one backwards read of one event
 * console.log(head); // e.g. { commit: 9137n, prepare: 9137n }, or undefined for an empty log
 * await client.right.dispose();
 */
export const readHead = async (
  client: EsdbClient,
  credentials?: EsdbCredentials,
): Promise<EsdbPosition | undefined> => {
  let head: EsdbPosition | undefined;
  // Consume the whole (one-event) read: leaving a client read early leaves its gRPC call open, and
  // the client's dispose() then waits for it.
  for await (const resolved of client.readAll({
    fromPosition: "end",
    direction: "backwards",
    maxCount: 1,
    resolveLinkTos: false,
    ...(credentials !== undefined ? { credentials } : {}),
  })) {
    const p = resolved.event?.position;
    if (p !== undefined) head ??= p;
    else if (resolved.commitPosition !== undefined)
      head ??= { commit: resolved.commitPosition, prepare: resolved.commitPosition };
  }
  return head;
};
