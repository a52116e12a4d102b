/** Largest head count a field may carry (members, households): more than any co-op or union has. */
export const MAX_PEOPLE = 1_000_000;
/** Largest amount in VND a field may carry: 10^15 ₫ (about 40 billion USD), far above any co-op's figures. */
export const MAX_VND = 1_000_000_000_000_000;

/**
 * The numeric fields of a command's data that are out of any plausible range (the codecs check that a
 * count is a non-negative integer, not that 10^15 founding members is nonsense): head counts (fields
 * named …Members or …Households) above {@link MAX_PEOPLE}, amounts (fields ending in `Vnd`) above
 * {@link MAX_VND}. Each problem names the field's path.
 *
 * @example implausibleFields({ foundingMembers: 1e15 }) // ["data.foundingMembers: 1000000000000000 is over 1,000,000"]
 */
export const implausibleFields = (data: unknown, path = "data"): string[] => {
  if (data === null || typeof data !== "object") return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
    const at = `${path}.${k}`;
    if (typeof v === "number") {
      if (/(members|households)$/i.test(k) && v > MAX_PEOPLE)
        out.push(`${at}: ${v} is over ${MAX_PEOPLE.toLocaleString("en-US")} (not a plausible head count)`);
      else if (/vnd$/i.test(k) && Math.abs(v) > MAX_VND)
        out.push(`${at}: ${v} is over ${MAX_VND.toLocaleString("en-US")} ₫ (not a plausible amount)`);
    } else if (typeof v === "object") out.push(...implausibleFields(v, at));
  }
  return out;
};
