-- The docket keeps each case's field office in its case index. When the reference data maps a court to a field
-- office for the first time, or to another one, the jurisdiction feature's loader asks the docket to follow:
-- this function is the docket's, made for that caller (DESIGN: no feature writes another's tables), and it runs with
-- the caller's own rights. Returns how many cases moved.
create function docket_follow_court_mappings() returns integer
language sql
as $$
    with moved as (
        update case_index ci set field_office_code = m.office
        from (select c.idncase, coalesce(hl.field_office_code, bc.field_office_code) as office
              from case_index c left join hearing_location hl on hl.code = c.hearing_loc_code
              left join base_city bc on bc.code = c.base_city_code) m
        where m.idncase = ci.idncase and ci.field_office_code is distinct from m.office
        returning 1)
    select count(*)::integer from moved
$$;

revoke all on function docket_follow_court_mappings() from public;
grant execute on function docket_follow_court_mappings() to caseops_app;
