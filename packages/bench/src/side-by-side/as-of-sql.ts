/**
 * The as-of question in SQL, as a data-savvy user would put it to DuckDB: active co-ops (form
 * cooperative) per province, valid at `validAt`, as known at `knownAt`. Written from the definitions in
 * docs/indicators.md (`coops.active`: founded, not dissolved, reorganised away or converted; suspended
 * co-ops counted) and docs/concepts (bitemporal: only events recorded by `knownAt`, retracted events
 * removed, the rest folded in valid-time order: effective date, then revision), not from our code.
 * The province is the one of the co-op's latest place (founding or head-office move) in force on the
 * valid date, as the ledger recorded it (valid dates before 2025-07-01: the 2008 gazetteer's codes).
 *
 * Retractions of retractions are not modelled (the generated ledgers have none; the answers are
 * compared with ours in the same run, so a difference would show).
 *
 * @example asOfSql("ledger.jsonl", "2022-12-31", "2023-03-31T00:00:00.000Z")
 */
export const asOfSql = (path: string, validAt: string, knownAt: string): string => {
  const q = (s: string): string => `'${s.replaceAll("'", "''")}'`;
  return `
with ev as (
  select * from read_json(${q(path)}, format = 'newline_delimited', columns = {
    type: 'VARCHAR', streamId: 'VARCHAR', eventId: 'VARCHAR', revision: 'BIGINT',
    data: 'STRUCT(effectiveDate VARCHAR, form VARCHAR, location STRUCT(provinceCode VARCHAR), retractedEventId VARCHAR)',
    metadata: 'STRUCT(recordedAt VARCHAR)'
  })
  where type is not null and cast(metadata.recordedAt as timestamptz) <= cast(${q(knownAt)} as timestamptz)
),
live as (
  select streamId, type, revision, data.effectiveDate as d, data.form as form, data.location.provinceCode as province
  from ev
  where type <> 'EventRetracted'
    and eventId not in (select data.retractedEventId from ev where type = 'EventRetracted')
    and data.effectiveDate <= ${q(validAt)}
),
founding as (
  select streamId, d, revision, form from live where type = 'CoopFounded'
  qualify row_number() over (partition by streamId order by d desc, revision desc) = 1
),
ended as (
  select distinct l.streamId from live l join founding f using (streamId)
  where l.type in ('CoopDissolved', 'CoopReorganisedAway', 'CoopConverted')
    and (l.d > f.d or (l.d = f.d and l.revision > f.revision))
),
place as (
  select streamId, province from live where type in ('CoopFounded', 'HeadOfficeMoved')
  qualify row_number() over (partition by streamId order by d desc, revision desc) = 1
)
select p.province as province, count(*) as active
from founding f join place p using (streamId)
where f.form = 'cooperative' and f.streamId not in (select streamId from ended)
group by p.province order by p.province`;
};
