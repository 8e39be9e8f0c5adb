-- Release to supervision (docs/encounters.md): the conditions set when a person held is released on alternatives to
-- detention or an order of supervision. The supervision module proper comes later; the record starts here.
create table release_condition (
    id              bigserial primary key,
    person_id       bigint not null references person (id),
    program         text not null check (program in ('ATD', 'ORDER_OF_SUPERVISION')),
    -- ATD technology: adults only (checked by the application against the birth date on the day of release)
    technology      text check (technology in ('GPS_ANKLE_MONITOR', 'SMARTPHONE_CHECK_IN', 'TELEPHONE')),
    check_in_every_days integer not null check (check_in_every_days between 1 and 365),
    first_check_in  date not null,
    reporting_office text not null,
    released_at     timestamptz not null,
    recorded_by     text not null,
    recorded_at     timestamptz not null default now(),
    check (program = 'ORDER_OF_SUPERVISION' or technology is not null)
);
create index release_condition_person on release_condition (person_id);
