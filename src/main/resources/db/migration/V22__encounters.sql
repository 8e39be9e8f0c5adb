-- Encounters (docs/encounters.md): what happened at the door, per person met; the parental and humanitarian
-- screening every adult gets; collateral encounters only with their own legal basis.

create table encounter (
    id               bigserial primary key,
    operation_id     bigint references operation (id),
    family_id        bigint,
    person_id        bigint references person (id),
    -- a person met who has no record in CaseOps (a collateral encounter): as described by the officer
    described_as     text,
    kind             text not null check (kind in ('TARGET', 'COLLATERAL')),
    outcome          text not null check (outcome in ('ARRESTED', 'NOT_PRESENT', 'MOVED', 'REFUSED_ENTRY',
                                                      'INSTRUCTED_TO_DEPART', 'RELEASED_HUMANITARIAN',
                                                      'ENROLLED_ATD')),
    occurred_at      timestamptz not null,
    officer          text not null,
    place            text not null check (length(trim(place)) > 0),
    adult            boolean not null,
    -- a collateral encounter's own legal basis: which order or authority
    legal_basis_kind text check (legal_basis_kind in ('FINAL_ORDER', 'WARRANT', 'OTHER_AUTHORITY')),
    legal_basis      text,
    depart_by        date,
    closed_at        timestamptz,
    closed_by        text,
    recorded_at      timestamptz not null default now(),
    check (person_id is not null or (described_as is not null and kind = 'COLLATERAL')),
    check (kind = 'TARGET' or (legal_basis_kind is not null and length(trim(legal_basis)) > 0)),
    check ((outcome = 'INSTRUCTED_TO_DEPART') = (depart_by is not null))
);
create index encounter_operation on encounter (operation_id, id);
create index encounter_person on encounter (person_id);

-- Directive 11064.3 and the 2007 worksite guidelines: asked of every adult encountered, before the encounter closes.
create table parental_screening (
    encounter_id        bigint primary key references encounter (id),
    minor_children      boolean not null,
    other_dependants    boolean not null,
    sole_caregiver      boolean not null,
    medical_needs       text,
    pregnant_or_nursing boolean not null,
    screened_by         text not null,
    screened_at         timestamptz not null default now()
);

create table screening_child (
    id             bigserial primary key,
    encounter_id   bigint not null references parental_screening (encounter_id),
    person_id      bigint references person (id),
    name           text not null check (length(trim(name)) > 0),
    age            integer check (age between 0 and 17),
    present        boolean not null,
    location       text not null check (location in ('PRESENT', 'HOME', 'SCHOOL', 'DAY_CARE', 'CAMP', 'FRIEND',
                                                     'RELATIVE', 'OTHER')),
    caregiver_name text,
    caregiver_contact text,
    check (present = (location = 'PRESENT'))
);
create index screening_child_encounter on screening_child (encounter_id);
