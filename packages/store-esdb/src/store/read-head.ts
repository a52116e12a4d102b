import type { EsdbClient, EsdbCredentials, EsdbPosition } from "../client/esdb-client.js";

/**
 * The position of the last event in `$all` (whatever its stream, system events included), or
 * `undefined` for an empty log: one backwards read of one event. Throws what the client throws.
 *
 * @example const head = await readHead(client); // { commit: 9137n, prepare: 9137n }
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
