-- The monthly report's baseline (bench/monthly/monthly.sh): the same totals for June 2019, all field offices, by one
-- hand-written query on the tables (not the views the report reads). Business days: weekdays that are not federal
-- holidays (the ones near June 2019 listed by hand; the report asks jollyday). Clocks up to the working date of the
-- demo, 2019-06-23, as the report measures them. It does not compute the funnel nor verify the audit chain's hashes,
-- which the report does: the comparison flatters the baseline.
with days as (
    select d::date as day, extract(isodow from d) < 6 and d::date not in (date '2019-05-27', date '2019-07-04',
           date '2019-09-02') as open
    from generate_series(date '2019-05-01', date '2019-09-30', interval '1 day') d
), cal as (
    select day, open, sum(case when open then 1 else 0 end) over (order by day) as business from days
), moves as (
    select c.*, lead(c.occurred_at) over (partition by c.person_id order by c.occurred_at, c.id) as next_at
    from custody_event c
), june as (
    select * from moves
    where occurred_at >= timestamptz '2019-06-01 00:00Z' and occurred_at < timestamptz '2019-07-01 00:00Z'
), collateral as (
    select e.id from encounter e
    where e.kind = 'COLLATERAL' and e.occurred_at >= timestamptz '2019-06-01 00:00Z'
      and e.occurred_at < timestamptz '2019-07-01 00:00Z'
)
select 'released_' || coalesce(release_reason, 'OTHER'), count(*) from june where to_state = 'RELEASED' group by 1
union all
select 'custody_moves', count(*) from june
union all
select 'locator_late', count(*) from june j
join cal o on o.day = (j.occurred_at at time zone 'UTC')::date
join cal r on r.day = (j.recorded_at at time zone 'UTC')::date
-- late: recorded after the second business day following the move's day (a weekend or holiday right after it counts)
where r.business - o.business > 2 or (r.business - o.business = 2 and not r.open)
union all
select 'entered_late', count(*) from june where recorded_at > occurred_at + interval '24 hours'
union all
select 'staging_breached', count(*) from moves m
left join staging_site s on s.operation_id = m.operation_id and s.name = m.site
where m.to_state = 'STAGED'
  and m.occurred_at + coalesce(s.max_hours, 12) * interval '1 hour' >= timestamptz '2019-06-01 00:00Z'
  and m.occurred_at + coalesce(s.max_hours, 12) * interval '1 hour' < timestamptz '2019-06-24 00:00Z'
  and (m.next_at is null or m.next_at > m.occurred_at + coalesce(s.max_hours, 12) * interval '1 hour')
union all
select 'collateral_encounters', count(*) from collateral
union all
select 'review_completed', count(*) from collateral c
where exists (select 1 from task t where t.type = 'COLLATERAL_REVIEW' and t.subject_type = 'ENCOUNTER'
              and t.subject_id = c.id::text and t.status = 'COMPLETED')
union all
select 'access_entries', count(*) from audit_entry a
left join person p on a.subject_type = 'PERSON' and p.a_number = a.subject_id
left join case_index ci on ci.idncase = case
        when a.subject_type = 'PERSON' then coalesce(p.idncase, p.household_of)
        when a.subject_type in ('CASE', 'FAMILY') and a.subject_id ~ '^[0-9]{1,18}$' then a.subject_id::bigint end
where a.subject_type in ('PERSON', 'CASE', 'FAMILY') and a.role = 'ATTORNEY'
  and (a.field_office is null or a.field_office is distinct from ci.field_office_code)
  and a.recorded_at >= timestamptz '2019-06-01 00:00Z' and a.recorded_at < timestamptz '2019-07-01 00:00Z';
