-- Views made for the features that hold people by internal id (DESIGN: no feature reads another's tables; readers
-- get views made for them, owned by the feature whose tables they read, which keeps them true):
--   * custody's clocks (custody.Timers) name each person held by A-number, name and birth date, and judge staging
--     time against the staging site's own limit;
--   * an operation's target units (operation.Targets) show each member's A-number, name, relationship and citizenship;
--   * the public detainee locator (custody.Locator) matches a person held by A-number and country of birth.

-- docket: who a person is, by internal id
create view person_reference as
select id as person_id, a_number, given_name, family_name, birth_date, relationship, us_citizen, nationality
from person;

-- operation: each staging site's own limit, by operation and site name
create view staging_limit as
select operation_id, name as site, max_hours
from staging_site;

-- as V56: V11's default privileges would let the application write through a simple view; it only reads them
revoke insert, update, delete, truncate on person_reference, staging_limit from caseops_app;
grant select on person_reference, staging_limit to caseops_app;
