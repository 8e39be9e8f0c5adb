-- Views made for the public statistics (issue 18; report.PublicStatistics, docs/oversight.md). DESIGN: the report
-- feature reads no feature's tables; each feature publishes here, in one shape, the counts it is the authority for:
--   measure, month (first day, UTC for timestamps), field_office_code, operation_id (null: not part of an
--   operation), nationality (EOIR's code of the person's nationality; null: none recorded or not a person), n.
-- The counts are already grouped: no person-level field leaves these views. Each view belongs to the feature whose
-- tables it reads (docket's person and case_index for the nationality and office of a family), which keeps it true.
-- The report groups nationalities, suppresses small cells and publishes.

-- notice: call-in letters sent (printed letters that went out: SENT, DELIVERED or RETURNED) by print month, and the
-- people who reported in answer to a letter (distinct people per month)
create view report_stat_notice as
select 'LETTERS_SENT'::text as measure, date_trunc('month', l.print_date)::date as month, l.field_office_code,
       null::bigint as operation_id, p.nationality, count(*) as n
from letter l
left join person p on p.idncase = l.family_id
where l.status in ('SENT', 'DELIVERED', 'RETURNED')
group by 2, 3, 5
union all
select 'PEOPLE_REPORTING', date_trunc('month', r.on_date)::date, ci.field_office_code, null::bigint, p.nationality,
       count(distinct r.person_id)
from call_in_response r
join person p on p.id = r.person_id
left join case_index ci on ci.idncase = coalesce(p.idncase, p.household_of)
where r.kind = 'REPORTED'
group by 2, 3, 5;

-- operation: the people taken as targets of launched operations (ACTIVE or CLOSED: before launch an operation's
-- targets are need-to-know), by the month the operation's window starts
create view report_stat_operation as
select 'TARGETS'::text as measure, date_trunc('month', o.window_start)::date as month, ci.field_office_code,
       o.id as operation_id, p.nationality, count(distinct m.person_id) as n
from operation o
join operation_target t on t.operation_id = o.id and t.status = 'TARGET'
join operation_member m on m.operation_id = t.operation_id and m.family_id = t.family_id and m.standing = 'TARGET'
join person p on p.id = m.person_id
left join case_index ci on ci.idncase = m.family_id
where o.state in ('ACTIVE', 'CLOSED')
group by 2, 3, 4, 5;

-- encounter: arrests of targets (planned) and of people who were not targets (collateral); children accounted for
-- (each child named in a parental screening who was present or whose caregiver is recorded). The office is the
-- family's, or for a person met without a family on record the operation's first field office.
create view report_stat_encounter as
select case when e.kind = 'TARGET' then 'ARRESTS_PLANNED' else 'ARRESTS_COLLATERAL' end::text as measure,
       date_trunc('month', e.occurred_at at time zone 'UTC')::date as month,
       coalesce(ci.field_office_code, o.field_offices[1]) as field_office_code, e.operation_id, p.nationality,
       count(*) as n
from encounter e
left join person p on p.id = e.person_id
left join case_index ci on ci.idncase = e.family_id
left join operation o on o.id = e.operation_id
where e.outcome = 'ARRESTED'
group by 1, 2, 3, 4, 5
union all
select 'CHILDREN_ACCOUNTED_FOR', date_trunc('month', e.occurred_at at time zone 'UTC')::date,
       coalesce(ci.field_office_code, o.field_offices[1]), e.operation_id, p.nationality, count(*)
from screening_child c
join encounter e on e.id = c.encounter_id
left join person p on p.id = e.person_id
left join case_index ci on ci.idncase = e.family_id
left join operation o on o.id = e.operation_id
where c.present or c.caregiver_name is not null
group by 2, 3, 4, 5;

-- custody: releases by kind (ATD, order of supervision, humanitarian, other) and removals, from the ledger's moves
create view report_stat_custody as
select case when c.to_state = 'REMOVED' then 'REMOVALS'
            else 'RELEASES_' || coalesce(c.release_reason, 'OTHER') end::text as measure,
       date_trunc('month', c.occurred_at at time zone 'UTC')::date as month, ci.field_office_code, c.operation_id,
       p.nationality, count(*) as n
from custody_event c
join person p on p.id = c.person_id
left join case_index ci on ci.idncase = c.family_id
where c.to_state in ('RELEASED', 'REMOVED')
group by 1, 2, 3, 4, 5;

-- worksite: I-9 inspections opened (notice served), fines (notices of intent to fine with a fine calculated) and
-- worksite actions approved; employers, not people: no nationality
create view report_stat_worksite as
select 'I9_INSPECTIONS'::text as measure, date_trunc('month', i.notice_served_on)::date as month,
       i.field_office_code, null::bigint as operation_id, null::text as nationality, count(*) as n
from i9_inspection i
group by 2, 3
union all
select 'I9_FINES', date_trunc('month', n.served_on)::date, i.field_office_code, null::bigint, null::text, count(*)
from i9_fine f
join i9_notice n on n.id = f.notice_id
join i9_inspection i on i.id = n.inspection_id
group by 2, 3
union all
select 'WORKSITE_ACTIONS', date_trunc('month', w.decided_at at time zone 'UTC')::date, w.field_office_code,
       null::bigint, null::text, count(*)
from nomination w
where w.case_type = 'WORKSITE_ACTION' and w.status = 'APPROVED'
group by 2, 3;

-- operation: the names of launched operations, as the statistics name them
create view report_operation_name as
select id as operation_id, name from operation where state in ('ACTIVE', 'CLOSED');

-- V11's default privileges give the application every right on a new relation; it only reads these views
revoke insert, update, delete, truncate on report_stat_notice, report_stat_operation, report_stat_encounter,
    report_stat_custody, report_stat_worksite, report_operation_name from caseops_app;
grant select on report_stat_notice, report_stat_operation, report_stat_encounter, report_stat_custody,
    report_stat_worksite, report_operation_name to caseops_app;
