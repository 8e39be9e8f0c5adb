-- The operation funnel (encounter.Funnels, docs/web.md "Funnel") counts removals and voluntary departures from their
-- own records (issue 16): views made for it, each by the feature whose table it reads and which keeps it true, in the
-- manner of V56's report_custody_move. Person ids only for counting distinct people; the funnel names nobody.

-- custody: each member removed (role REMOVED; never an accompanying household member) by a removal whose departure
-- was verified, with the family's field office and the day of departure
create view report_removal_departure as
select m.person_id, r.family_id, r.field_office_code, r.departed_on
from removal r
join removal_member m on m.removal_id = r.id and m.role = 'REMOVED'
where r.status = 'DEPARTED';

-- supervision: each voluntary departure verified, with the person's family, field office and the day of departure
create view report_voluntary_departure as
select v.person_id, v.family_id, v.field_office_code, v.departed_on
from voluntary_departure v
where v.status = 'DEPARTED';

revoke insert, update, delete, truncate on report_removal_departure, report_voluntary_departure from caseops_app;
grant select on report_removal_departure, report_voluntary_departure to caseops_app;
