-- The public statistics count removals and voluntary departures from their own records (issue 16; V110's removal and
-- voluntary_departure; report.PublicStatistics, docs/oversight.md). Same shape as V120's views: measure, month,
-- field_office_code, operation_id, nationality, n, already grouped; V120 stays as it is.

-- custody: the people removed with their family by a removal record whose departure was verified (role REMOVED: an
-- accompanying household member, often a U.S.-citizen child, is never counted as removed), by the month of the
-- departure. Someone the custody ledger already records as REMOVED is counted there (report_stat_custody, with the
-- operation of the move), not again here. A removal is not linked to an operation yet: operation_id is null.
create view report_stat_removal as
select 'REMOVALS'::text as measure, date_trunc('month', r.departed_on)::date as month, r.field_office_code,
       null::bigint as operation_id, p.nationality, count(*) as n
from removal r
join removal_member m on m.removal_id = r.id and m.role = 'REMOVED'
join person p on p.id = m.person_id
where r.status = 'DEPARTED'
  and not exists (select 1 from custody_event c where c.person_id = m.person_id and c.to_state = 'REMOVED')
group by 2, 3, 5;

-- supervision: the people whose voluntary departure was verified (the consulate's verification or a travel record),
-- by the month of the departure; a departure after the last day (an overstay) is a departure all the same
create view report_stat_voluntary_departure as
select 'VOLUNTARY_DEPARTURES'::text as measure, date_trunc('month', v.departed_on)::date as month,
       v.field_office_code, null::bigint as operation_id, p.nationality, count(*) as n
from voluntary_departure v
join person p on p.id = v.person_id
where v.status = 'DEPARTED'
group by 2, 3, 5;

-- V11's default privileges give the application every right on a new relation; it only reads these views
revoke insert, update, delete, truncate on report_stat_removal, report_stat_voluntary_departure from caseops_app;
grant select on report_stat_removal, report_stat_voluntary_departure to caseops_app;
