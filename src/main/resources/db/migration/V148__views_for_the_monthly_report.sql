-- Views made for the monthly report (issue 18; report.MonthlyReports, docs/oversight.md "The monthly report"). As
-- V120: the report reads no feature's tables; each view belongs to the feature whose tables it reads and keeps it
-- true. None names a person: the custody and encounter views give one row per stay or encounter (for the report to
-- measure clocks and find review tasks), the others are grouped counts.

-- custody: the ledger's entries by the UTC day each move happened and the day it was recorded, per field office (the
-- family's): how many, and how many were recorded more than 24 hours after the move (entered late). The locator
-- shows a move once recorded, so the same rows give its timeliness (report.LocatorTimeliness).
create view report_custody_entry as
select ci.field_office_code, (c.occurred_at at time zone 'UTC')::date as occurred_on,
       (c.recorded_at at time zone 'UTC')::date as recorded_on, count(*) as n,
       count(*) filter (where c.recorded_at > c.occurred_at + interval '24 hours') as entered_late
from custody_event c
left join case_index ci on ci.idncase = c.family_id
group by 1, 2, 3;

-- custody: the stays custody's clocks run over (custody.Timers). STAGING: each time a person is staged, until their
-- next move, with the staging site's own limit when it has one. CUSTODY: each unbroken time held (in custody, staged
-- or transported), from the move that began it to the first move out of custody, with the day the person turns 18
-- (null: an adult or no birth date; the Flores limit applies before that day). ended_at null: still running.
create view report_custody_clock as
with ev as (
    select c.id, c.person_id, c.family_id, c.operation_id, c.to_state, c.site, c.occurred_at,
           c.to_state in ('IN_CUSTODY', 'STAGED', 'TRANSPORTED') as held,
           lag(c.to_state) over w in ('IN_CUSTODY', 'STAGED', 'TRANSPORTED') as held_before,
           lead(c.occurred_at) over w as next_at
    from custody_event c
    window w as (partition by c.person_id order by c.occurred_at, c.id)
), runs as (
    select ev.*, sum(case when held and not coalesce(held_before, false) then 1 else 0 end)
                 over (partition by person_id order by occurred_at, id) as run
    from ev
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
             (array_agg(operation_id order by occurred_at, id) filter (where held))[1] as operation_id,
             min(occurred_at) filter (where held) as started_at,
             min(occurred_at) filter (where not held) as ended_at
      from runs where run > 0
      group by person_id, run) r
join person p on p.id = r.person_id
left join case_index ci on ci.idncase = r.family_id;

-- encounter: each collateral encounter (a person met who was not a target) with its UTC month, field office (the
-- family's, else the operation's first), operation, outcome and kind of legal basis; the id only to find its review
-- task through the task feature's query API (task.Tasks.statesOf), as the collateral dashboard does
create view report_collateral_encounter as
select e.id as encounter_id, date_trunc('month', e.occurred_at at time zone 'UTC')::date as month,
       coalesce(ci.field_office_code, o.field_offices[1]) as field_office_code, e.operation_id, e.outcome,
       e.legal_basis_kind
from encounter e
left join case_index ci on ci.idncase = e.family_id
left join operation o on o.id = e.operation_id
where e.kind = 'COLLATERAL';

-- audit: reads and changes of a person's, a case's or a family's record by someone outside that record's field office
-- (the subject's office from the docket; an actor with no field office — counsel, oversight — is outside every one),
-- by UTC month, the actor's office and role, the action and the purpose stated (Access asks for one outside the own
-- office). Grouped: no subject leaves the view.
create view report_access_outside_office as
select date_trunc('month', a.recorded_at at time zone 'UTC')::date as month, a.field_office as actor_office,
       a.role, a.action, a.purpose, count(*) as n
from audit_entry a
left join person p on a.subject_type = 'PERSON' and p.a_number = a.subject_id
left join case_index ci on ci.idncase = case
        when a.subject_type = 'PERSON' then coalesce(p.idncase, p.household_of)
        when a.subject_type in ('CASE', 'FAMILY') and a.subject_id ~ '^[0-9]{1,18}$' then a.subject_id::bigint end
where a.subject_type in ('PERSON', 'CASE', 'FAMILY')
  and (a.field_office is null or a.field_office is distinct from ci.field_office_code)
group by 1, 2, 3, 4, 5;

-- operation: the launched operations (ACTIVE or CLOSED) with their window and field offices, for the months they touch
create view report_operation_window as
select id as operation_id, name, window_start, window_end, field_offices from operation
where state in ('ACTIVE', 'CLOSED');

-- V11's default privileges give the application every right on a new relation; it only reads these views
revoke insert, update, delete, truncate on report_custody_entry, report_custody_clock, report_collateral_encounter,
    report_access_outside_office, report_operation_window from caseops_app;
grant select on report_custody_entry, report_custody_clock, report_collateral_encounter,
    report_access_outside_office, report_operation_window to caseops_app;
