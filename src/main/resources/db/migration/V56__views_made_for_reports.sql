-- Views made for the report-style readers (DESIGN: no feature reads another's tables; reports read views made for
-- them). The operation funnel (encounter.Funnels) counts an operation's targets, encounters and custody moves by
-- field office; it reads these three views instead of the operation's, custody's and the docket's tables. Each view
-- belongs to the feature whose tables it reads, which keeps it true when those tables change.

-- operation: the members taken as targets of an operation's target units, with the family's field office
create view report_operation_target as
select m.operation_id, m.family_id, m.person_id, ci.field_office_code
from operation_member m
join operation_target t on t.operation_id = m.operation_id and t.family_id = m.family_id
left join case_index ci on ci.idncase = m.family_id
where m.standing = 'TARGET' and t.status = 'TARGET';

-- custody: every move of the ledger made during an operation, with the family's field office
create view report_custody_move as
select c.operation_id, c.person_id, c.family_id, ci.field_office_code, c.to_state, c.release_reason, c.occurred_at
from custody_event c
left join case_index ci on ci.idncase = c.family_id;

-- docket: each family (by its lead case) and its field office
create view report_family_office as
select idncase as family_id, field_office_code from case_index;

-- V11's default privileges give the application INSERT, UPDATE and DELETE on every new relation, views included, and
-- a simple view is updatable through to its table with the owner's rights: the application only reads views.
revoke insert, update, delete, truncate on report_operation_target, report_custody_move, report_family_office,
    case_summary, family_member from caseops_app;
grant select on report_operation_target, report_custody_move, report_family_office, case_summary, family_member
    to caseops_app;
