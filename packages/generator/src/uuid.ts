import type { EventId } from "@coop-ledger/domain";

const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const hex8 = (n: number): string =>
  (HEX2[(n >>> 24) & 255] as string) + HEX2[(n >>> 16) & 255] + HEX2[(n >>> 8) & 255] + HEX2[n & 255];

const mix = (x: number): number => {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x7feb352d);
  z = Math.imul(z ^ (z >>> 15), 0x846ca68b);
  return (z ^ (z >>> 16)) >>> 0;
};

/**
 * A deterministic UUID (RFC 9562 layout, version 8 "custom") for event `index` of the dataset with
 * `seed`: the first 80 bits are a hash of (seed, index), the last 48 bits are the index itself, so ids
 * are unique within a dataset of up to 2^48 events and re-generating the same seed gives the same ids
 * (appends of a regenerated dataset are idempotent).
 *
 * @example deterministicUuid(42, 0) // "xxxxxxxx-xxxx-8xxx-axxx-000000000000"
 */
export const deterministicUuid = (seed: number, index: number): EventId => {
  const s = mix(seed ^ 0x5bd1e995);
  const lo = index % 0x100000000;
  const hi = Math.floor(index / 0x100000000);
  const h1 = mix(s ^ mix(lo + 0x632be5ab));
  const h2 = mix(h1 ^ hi ^ 0x1b873593);
  const a = hex8(h1);
  const b = hex8(h2);
  const tail = (HEX2[(hi >>> 8) & 255] as string) + HEX2[hi & 255] + hex8(lo);
  return `${a}-${b.slice(0, 4)}-8${b.slice(4, 7)}-${"89ab"[h2 & 3]}${hex8(mix(h2)).slice(0, 3)}-${tail}` as EventId;
};
