-- Issue 18's benchmark (bench/RESULTS.md, the monthly report at 10 M / 1 M): report_custody_clock took most of the
-- report's time in two window passes over every custody move (lag and lead, then a running count of the runs of
-- holding over the first pass's result, materialized). The same stays in one pass: each move carries the number of
-- moves out of custody up to and including it (a running count); the moves of one unbroken time held share that
-- number with the move out that came before them (or none), so a stay is the held moves of one (person, number).
-- Its start is the first held move's time; its end the move after its last held move (null: still held), its family and
-- operation those of its held moves. Same columns, same rows as V148's view (whose family came from the move out too:
-- the same family wherever a person's moves keep one); the report reads it unchanged.
create or replace view report_custody_clock as
with ev as (
    select c.person_id, c.family_id, c.operation_id, c.to_state, c.site, c.occurred_at, c.id,
           c.to_state in ('IN_CUSTODY', 'STAGED', 'TRANSPORTED') as held,
           lead(c.occurred_at) over w as next_at,
           count(*) filter (where c.to_state not in ('IN_CUSTODY', 'STAGED', 'TRANSPORTED')) over w as outs
    from custody_event c
    window w as (partition by c.person_id order by c.occurred_at, c.id)
)
select 'STAGING'::text as clock, ci.field_office_code, e.operation_id, e.occurred_at as started_at,
       e.next_at as ended_at, s.max_hours as limit_hours, null::date as adult_on
from ev e
left join case_index ci on ci.idncase = e.family_id
left join staging_site s on s.operation_id = e.operation_id and s.name = e.site
where e.to_state = 'STAGED'
union all
select 'CUSTODY', ci.field_office_code, r.operation_id, r.started_at, r.ended_at, null::int,
       (p.birth_date + interval '18 years')::date
from (select person_id, min(family_id) as family_id,
             (array_agg(operation_id order by occurred_at, id))[1] as operation_id,
             min(occurred_at) as started_at,
             (array_agg(next_at order by occurred_at desc, id desc))[1] as ended_at
      from ev
      where held
      group by person_id, outs) r
join person p on p.id = r.person_id
left join case_index ci on ci.idncase = r.family_id;
