-- An administrator maps a court (a hearing location or a base city) to a field office from /reference/mappings or
-- PUT /api/reference/mappings/{kind}/{code} (issue 14). The change is a conditional update on the court's mapping
-- version (a stale form is a 409, not an overwrite), it is kept as method 'manual' across later loads of the reference
-- files (ReferenceDataLoader keeps a manual mapping), and each change is appended here with who, when, before, after and
-- why. The court's cases follow at once (docket_follow_court_mapping below), in the same transaction.
alter table hearing_location add column mapping_version integer not null default 0;
alter table base_city add column mapping_version integer not null default 0;

create table court_mapping_edit (
    id                 bigserial primary key,
    kind               text not null check (kind in ('HEARING_LOCATION', 'BASE_CITY')),
    code               text not null,
    office_before      text,
    method_before      text,
    field_office_code  text not null references field_office (code),
    reason             text not null check (length(trim(reason)) > 0),
    edited_by          text not null,
    edited_at          timestamptz not null default now(),
    version            integer not null
);
create index court_mapping_edit_code on court_mapping_edit (kind, code, id);
-- history: appended, never changed
revoke update, delete, truncate on court_mapping_edit from caseops_app;
grant select, insert on court_mapping_edit to caseops_app;

-- The docket's function (as V67's, for one court): the cases heard at that hearing location, or whose latest
-- proceeding names that base city, take the field office the court now maps to. Returns how many moved.
create function docket_follow_court_mapping(p_kind text, p_code text) returns integer
language sql
as $$
    with moved as (
        update case_index ci set field_office_code = m.office
        from (select c.idncase, coalesce(hl.field_office_code, bc.field_office_code) as office
              from case_index c left join hearing_location hl on hl.code = c.hearing_loc_code
              left join base_city bc on bc.code = c.base_city_code
              where (p_kind = 'HEARING_LOCATION' and c.hearing_loc_code = p_code)
                 or (p_kind = 'BASE_CITY' and c.base_city_code = p_code)) m
        where m.idncase = ci.idncase and ci.field_office_code is distinct from m.office
        returning 1)
    select count(*)::integer from moved
$$;

revoke all on function docket_follow_court_mapping(text, text) from public;
grant execute on function docket_follow_court_mapping(text, text) to caseops_app;
