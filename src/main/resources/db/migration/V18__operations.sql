-- Operations (docs/operations-planning.md): an enforcement operation planned with family units as the unit, its
-- roster (need-to-know), staging sites, teams, targets with each member's standing, care arrangements for members who
-- are not targets, protected-area policy and approvals, and the plan the solver made.

create table operation (
    id             bigserial primary key,
    name           text not null check (length(trim(name)) > 0),
    objective      text,
    state          text not null check (state in ('DRAFT', 'LEGAL_REVIEW', 'APPROVED', 'ACTIVE', 'CLOSED',
                                                  'POSTPONED', 'CANCELLED')),
    field_offices  text[] not null check (cardinality(field_offices) > 0),
    window_start   date not null,
    window_end     date not null,
    legal_cleared_by text,
    legal_cleared_at timestamptz,
    approved_by    text,
    approved_at    timestamptz,
    created_by     text not null,
    created_at     timestamptz not null default now(),
    version        integer not null default 0,
    check (window_end >= window_start and window_end - window_start <= 31)
);

-- The operation's own history: every transition and change, with actor and time (its "case events").
create table operation_event (
    id           bigserial primary key,
    operation_id bigint not null references operation (id),
    occurred_at  timestamptz not null default now(),
    actor        text not null,
    kind         text not null,
    from_state   text,
    to_state     text,
    summary      text not null
);
create index operation_event_operation on operation_event (operation_id, id);

-- Need-to-know: who is on the operation. Before launch only they (and its approvers) see its targets.
create table operation_roster (
    operation_id bigint not null references operation (id),
    username     text not null references app_user (username),
    duty         text not null check (duty in ('LEAD', 'OFFICER', 'SUPERVISOR')),
    added_by     text not null,
    added_at     timestamptz not null default now(),
    primary key (operation_id, username)
);

create table staging_site (
    id                    bigserial primary key,
    operation_id          bigint not null references operation (id),
    name                  text not null,
    address               text,
    kind                  text not null check (kind in ('HOTEL', 'FIELD_OFFICE', 'FAMILY_RESIDENTIAL_CENTER', 'OTHER')),
    field_office_code     text not null references field_office (code),
    capacity_people       integer not null check (capacity_people > 0),
    capacity_family_rooms integer not null check (capacity_family_rooms >= 0),
    max_hours             integer not null check (max_hours between 1 and 72),
    departures            time[] not null default array ['12:00', '18:00']::time[]
);
create index staging_site_operation on staging_site (operation_id);

create table operation_team (
    id                bigserial primary key,
    operation_id      bigint not null references operation (id),
    name              text not null,
    field_office_code text not null references field_office (code),
    size              integer not null check (size between 2 and 50)
);
create index operation_team_operation on operation_team (operation_id);

create table team_shift (
    team_id  bigint not null references operation_team (id),
    day      date not null,
    starts   time not null,
    ends     time not null,
    check (ends > starts),
    primary key (team_id, day, starts)
);

-- A family unit on the operation. Its members' standing is in operation_member, recomputed whenever the plan is
-- checked; EXCLUDED units stay listed with the reason (complied with the call-in letter, no member executable...).
create table operation_target (
    operation_id bigint not null references operation (id),
    family_id    bigint not null,
    status       text not null check (status in ('TARGET', 'EXCLUDED')),
    reason       text,
    added_by     text not null,
    added_at     timestamptz not null default now(),
    primary key (operation_id, family_id)
);

-- Each member of a target unit, judged on their own: a TARGET member is executable on the days listed; every other
-- member needs a care arrangement before approval.
create table operation_member (
    operation_id    bigint not null references operation (id),
    family_id       bigint not null,
    person_id       bigint not null references person (id),
    standing        text not null check (standing in ('TARGET', 'NOT_A_TARGET')),
    minor           boolean not null,
    executable_days date[] not null default '{}',
    reasons         text[] not null default '{}',
    primary key (operation_id, person_id)
);
create index operation_member_family on operation_member (operation_id, family_id);

-- Who cares for a member who is not taken (a U.S.-citizen child, a member with a stay...), recorded before approval.
create table care_arrangement (
    id             bigserial primary key,
    operation_id   bigint not null references operation (id),
    person_id      bigint not null references person (id),
    kind           text not null check (kind in ('OTHER_PARENT', 'RELATIVE', 'GUARDIAN', 'FRIEND', 'SELF')),
    caregiver_name text,
    relationship   text,
    contact        text,
    notes          text,
    recorded_by    text not null,
    recorded_at    timestamptz not null default now(),
    check (kind = 'SELF' or caregiver_name is not null),
    unique (operation_id, person_id)
);

-- Protected areas: kinds, and the policies (memo versions) in force from a date, each saying which kinds need a
-- supervisor's approval and within what distance of an address.
create table protected_area_kind (
    code text primary key,
    name text not null
);
insert into protected_area_kind (code, name) values
    ('SCHOOL', 'School'), ('CHILDCARE', 'Childcare or day care'), ('PLACE_OF_WORSHIP', 'Place of worship'),
    ('HOSPITAL', 'Hospital or medical facility'), ('SHELTER', 'Shelter'), ('COURTHOUSE', 'Courthouse'),
    ('FUNERAL', 'Funeral, wedding or religious ceremony'), ('DEMONSTRATION', 'Public demonstration'),
    ('DISASTER_SITE', 'Disaster or emergency relief site'), ('PLAYGROUND', 'Playground or recreation center');

create table protected_area_policy (
    id                 bigserial primary key,
    name               text not null unique,
    effective_from     date not null unique,
    kinds              text[] not null,
    distance_meters    integer not null check (distance_meters >= 0),
    requires_approval  boolean not null,
    source             text not null
);
insert into protected_area_policy (name, effective_from, kinds, distance_meters, requires_approval, source) values
    ('ICE sensitive locations memo (2011)', '2011-10-24',
     array ['SCHOOL', 'CHILDCARE', 'PLACE_OF_WORSHIP', 'HOSPITAL', 'FUNERAL', 'DEMONSTRATION'], 300, true,
     'ICE Policy 10029.2, Enforcement Actions at or Focused on Sensitive Locations (Oct 24, 2011)'),
    ('DHS protected areas memo (2021)', '2021-10-27',
     array ['SCHOOL', 'CHILDCARE', 'PLACE_OF_WORSHIP', 'HOSPITAL', 'SHELTER', 'FUNERAL', 'DEMONSTRATION',
            'DISASTER_SITE', 'PLAYGROUND'], 300, true,
     'DHS, Guidelines for Enforcement Actions in or Near Protected Areas (Oct 27, 2021)'),
    ('Protected areas guidance rescinded (2025)', '2025-01-20', array []::text[], 0, false,
     'DHS directive rescinding the 2021 protected-areas guidelines (Jan 20, 2025)');

-- An address of record flagged as at or near a protected area (recorded by staff; CaseOps does no geocoding).
create table protected_area_flag (
    id              bigserial primary key,
    person_id       bigint not null references person (id),
    kind            text not null references protected_area_kind (code),
    distance_meters integer not null check (distance_meters >= 0),
    description     text,
    recorded_by     text not null,
    recorded_at     timestamptz not null default now()
);
create index protected_area_flag_person on protected_area_flag (person_id);

-- A supervisor's approval to act at a flagged address on a day, under the policy in force that day.
create table protected_area_approval (
    id           bigserial primary key,
    operation_id bigint not null references operation (id),
    family_id    bigint not null,
    day          date not null,
    policy_id    bigint not null references protected_area_policy (id),
    justification text not null check (length(trim(justification)) > 0),
    approved_by  text not null,
    approved_at  timestamptz not null default now(),
    unique (operation_id, family_id, day)
);

-- The plan: which unit, when, by which team, to which staging site; replaced as a whole by each planning run.
create table operation_plan (
    operation_id bigint primary key references operation (id),
    planned_at   timestamptz not null default now(),
    planned_by   text not null,
    score        text not null,
    feasible     boolean not null,
    solver_ms    bigint not null,
    violations   jsonb not null default '[]'
);

create table plan_visit (
    operation_id bigint not null references operation (id),
    family_id    bigint not null,
    day          date not null,
    starts       time not null,
    team_id      bigint not null references operation_team (id),
    site_id      bigint not null references staging_site (id),
    primary key (operation_id, family_id)
);
