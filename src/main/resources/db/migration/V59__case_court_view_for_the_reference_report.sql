-- A view made for the reference-data report of courts no field office covers (jurisdiction.UnmappedCourts), owned by
-- the docket, whose case index it reads (DESIGN: no feature reads another's tables; readers get views made for
-- them): each case's court (hearing location, base city) and the field office the index keeps for it.
create view case_court as
select idncase, hearing_loc_code, base_city_code, field_office_code
from case_index;

-- as V56: the application only reads views
revoke insert, update, delete, truncate on case_court from caseops_app;
grant select on case_court to caseops_app;
