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
  for await (const resolved of client.readAll({
    fromPosition: "end",
    direction: "backwards",
    maxCount: 1,
    resolveLinkTos: false,
    ...(credentials !== undefined ? { credentials } : {}),
  })) {
    const p = resolved.event?.position;
    if (p !== undefined) return p;
    if (resolved.commitPosition !== undefined) return { commit: resolved.commitPosition, prepare: resolved.commitPosition };
  }
  return undefined;
};
