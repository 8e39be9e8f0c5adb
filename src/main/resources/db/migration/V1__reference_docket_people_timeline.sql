-- CaseOps foundation schema: reference data, the EOIR docket, people, families, the case timeline, imports.
-- Forward only: never edit this file once applied; add V2__... instead.

-- ---------------------------------------------------------------- reference (jurisdiction)
-- ERO field offices (areas of responsibility), e.g. HOU = Houston.
create table field_office (
    code        text primary key,
    name        text not null,
    city        text not null,
    state       text not null,
    address     text,
    latitude    double precision,
    longitude   double precision
);

-- Which states / counties an area of responsibility covers (county null = the whole state).
create table field_office_area (
    field_office_code text not null references field_office (code),
    state             text not null,
    county            text,
    unique (field_office_code, state, county)
);

-- EOIR base cities (immigration courts).
create table base_city (
    code              text primary key,
    name              text not null,
    city              text,
    state             text,
    field_office_code text references field_office (code)
);

-- EOIR hearing locations, each mapped to the field office whose area it is in.
create table hearing_location (
    code              text primary key,
    name              text not null,
    city              text,
    state             text,
    zip               text,
    base_city_code    text,
    active            boolean not null default true,
    field_office_code text references field_office (code)
);

-- EOIR lookup codes by table: nationality, language, case_type, case_priority, court_decision, bia_decision, ...
create table eoir_code (
    code_table  text not null,
    code        text not null,
    description text not null,
    primary key (code_table, code)
);

-- Decision codes are read together with the case type (RMV + X = removal ordered).
create table decision_code (
    case_type   text not null,
    dec_code    text not null,
    dec_type    text not null,
    description text not null,
    primary key (case_type, dec_code, dec_type)
);

-- ---------------------------------------------------------------- imports
create table import_run (
    id          bigserial primary key,
    started_at  timestamptz not null default now(),
    finished_at timestamptz,
    actor       text not null,
    source      text not null,
    report      jsonb
);

create table import_file (
    import_id  bigint not null references import_run (id),
    table_name text not null,
    file_name  text not null,
    sha256     text not null,
    rows       bigint not null,
    primary key (import_id, table_name)
);

-- Every rejected input row, with the line an editor shows (the header is line 1) and the reason.
create table quarantine (
    id          bigserial primary key,
    import_id   bigint not null references import_run (id),
    file_name   text not null,
    table_name  text not null,
    line        bigint not null,
    column_name text,
    reason      text not null,
    raw         text
);
create index quarantine_import on quarantine (import_id, table_name, line);

-- ---------------------------------------------------------------- docket (EOIR layout, columns CaseOps uses)
create table eoir_case (
    idncase            bigint primary key,
    nat                text,
    lang               text,
    alien_city         text,
    alien_state        text,
    alien_zipcode      text,
    case_type          text,
    sex                text,
    lpr                boolean,
    birth_date         date,
    case_priority_code text,
    date_of_entry      date,
    custody            text,
    import_id          bigint not null references import_run (id)
);
create index eoir_case_nat on eoir_case (nat);

create table proceeding (
    idnproceeding    bigint primary key,
    idncase          bigint not null references eoir_case (idncase),
    osc_date         date,
    base_city_code   text,
    hearing_loc_code text,
    case_type        text,
    dec_code         text,
    dec_type         text,
    comp_date        date,
    absentia         boolean,
    appeal_rsvd      text,
    appeal_not_filed text,
    custody          text,
    import_id        bigint not null references import_run (id)
);
create index proceeding_case on proceeding (idncase, idnproceeding desc);
create index proceeding_hloc on proceeding (hearing_loc_code);

create table court_motion (
    idnmotion        bigint primary key,
    idnproceeding    bigint not null references proceeding (idnproceeding),
    idncase          bigint not null references eoir_case (idncase),
    rec_type         text,
    motion_recd_date date,
    dec              text,
    comp_date        date,
    stay_grant       text,
    import_id        bigint not null references import_run (id)
);
create index court_motion_case on court_motion (idncase);

create table appeal (
    idnappeal           bigint primary key,
    idncase             bigint not null references eoir_case (idncase),
    idnproceeding       bigint references proceeding (idnproceeding),
    appeal_category     text,
    appeal_type         text,
    appeal_filed        date,
    bia_decision        text,
    bia_decision_date   date,
    bia_decision_type   text,
    import_id           bigint not null references import_run (id)
);
create index appeal_case on appeal (idncase);

create table lead_rider (
    idnleadrider bigint primary key,
    lead_case    bigint not null references eoir_case (idncase),
    rider_case   bigint not null references eoir_case (idncase),
    severed_on   date,
    active       boolean not null,
    import_id    bigint not null references import_run (id)
);
create index lead_rider_lead on lead_rider (lead_case);
create index lead_rider_rider on lead_rider (rider_case);

create table juvenile_history (
    idnjuvenilehistory bigint primary key,
    idncase            bigint not null references eoir_case (idncase),
    idnproceeding      bigint references proceeding (idnproceeding),
    idnjuvenile        integer,
    import_id          bigint not null references import_run (id)
);
create index juvenile_history_case on juvenile_history (idncase);

-- ---------------------------------------------------------------- people
-- A person: the respondent of a case, or a household member with no case of their own.
-- person_key is the import's natural key: 'A' || a_number, or 'H:' household, family name, given name, birth date
-- for a household member without an A-number (usually a U.S.-citizen child).
create table person (
    id                     bigserial primary key,
    person_key             text not null unique,
    a_number               text unique check (a_number ~ '^[0-9]{9}$'),
    idncase                bigint unique references eoir_case (idncase),
    given_name             text not null,
    family_name            text not null,
    birth_date             date not null,
    sex                    text,
    nationality            text,
    language               text,
    us_citizen             boolean not null,
    lpr                    boolean not null,
    citizenship_claim_open boolean not null,
    household_of           bigint references eoir_case (idncase),
    relationship           text not null check (relationship in ('LEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GUARDIAN', 'OTHER')),
    address_line           text,
    city                   text,
    state                  text,
    zip                    text,
    address_as_of          date,
    import_id              bigint references import_run (id),
    version                integer not null default 0,
    check (us_citizen or a_number is not null),
    check (idncase is not null or household_of is not null)
);
create index person_household on person (household_of);

-- A family unit: an EOIR lead case (family_id = its IDNCASE), its active riders, and its household members.
-- Every case that is not an active, unsevered rider leads a family of its own.
create view family_member as
select coalesce(lr.lead_case, p.idncase, p.household_of) as family_id,
       p.id                                             as person_id,
       p.idncase,
       case when lr.lead_case is not null then 'RIDER'
            when p.idncase is not null then 'LEAD'
            else 'HOUSEHOLD' end                        as role
from person p
left join lead_rider lr
       on lr.rider_case = p.idncase and lr.active and lr.severed_on is null;

-- ---------------------------------------------------------------- the case timeline
-- One row per state change, written in the same transaction as the change.
create table case_event (
    id          bigserial primary key,
    occurred_at timestamptz not null default now(),
    idncase     bigint,
    person_id   bigint,
    family_id   bigint,
    kind        text not null,
    actor       text not null,
    import_id   bigint references import_run (id),
    summary     text not null,
    before      jsonb,
    after       jsonb
);
create index case_event_case on case_event (idncase, id);
create index case_event_person on case_event (person_id, id);
create index case_event_family on case_event (family_id, id);
