-- Which version of the shipped reference data (reference/**) is loaded, so that a start with unchanged files does
-- nothing and a start with changed files replaces the reference rows in one transaction.
create table reference_data_version (
    id           int primary key default 1 check (id = 1),
    content_hash text        not null,
    loaded_at    timestamptz not null default now(),
    summary      jsonb       not null
);

-- How each hearing location and base city got its field office (state, office_in_city, base_city, override,
-- fallback), so that a reader can see which mappings rest on a rule and which on a hand-made decision.
alter table hearing_location add column field_office_method text;
alter table base_city add column field_office_method text;
