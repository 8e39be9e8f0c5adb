-- EOIR's release as EOIR writes it (issue: real data and the law as it is). Columns and tables the importer fills and
-- the legal gate reads. docs/formats.md describes each column.

-- C_BIRTHDATE is month/year in EOIR's release (11/2004): keep the year and month and say how precise the date is.
-- birth_date stays for a date given to the day; it is null when only the month is known (no day is ever invented).
alter table eoir_case
    add column birth_year      smallint check (birth_year between 1850 and 2200),
    add column birth_month     smallint check (birth_month between 1 and 12),
    add column birth_precision text check (birth_precision in ('DAY', 'MONTH', 'YEAR'));

-- DEC_TYPE (O oral, W written) is already stored; INPUT_DATE is when EOIR created the record;
-- DATE_APPEAL_DUE_STATUS is the appeal due date EOIR recorded.
alter table proceeding
    add column input_date             date,
    add column date_appeal_due_status date;

-- REC_TYPE is stored already (the motion type); STRFILINGPARTY names who filed it.
alter table court_motion
    add column filing_party text,
    add column input_date   date;

-- strFiledBy: A respondent, I DHS, B both, O other.
alter table appeal
    add column filed_by text;

-- tbl_Court_Appln: applications for relief and their decisions (ASYW withholding, WCAT CAT deferral, ...).
create table court_application (
    idnproceedingappln bigint primary key,
    idnproceeding      bigint not null references proceeding (idnproceeding),
    idncase            bigint not null references eoir_case (idncase),
    appl_code          text,
    appl_recd_date     date,
    appl_dec           text,
    import_id          bigint not null
);
create index court_application_case on court_application (idncase);

-- tblAppealFedCourts: petitions for review in a federal court of appeals, by the BIA appeal they follow.
create table appeal_fed_court (
    idnappealfedcourts     bigint primary key,
    idnappeal              bigint not null references appeal (idnappeal),
    -- not in EOIR's file: the case of the appeal, filled by the importer
    idncase                bigint references eoir_case (idncase),
    requested_by_oil       date,
    fed_court_decision_date date,
    fed_court_decision     text,
    import_id              bigint not null
);
create index appeal_fed_court_case on appeal_fed_court (idncase);

-- The release date of the EOIR snapshot an import read (from the files, or --as-of-release).
alter table import_run
    add column release_date date;

-- A row kept with a warning: an unknown code in a descriptive column, or a court with no field office yet.
create table import_warning (
    id          bigserial primary key,
    import_id   bigint not null references import_run (id),
    file_name   text not null,
    table_name  text not null,
    line        bigint not null,
    row_key     text,
    column_name text not null,
    value       text,
    reason      text not null
);
create index import_warning_import on import_warning (import_id, table_name, line);
