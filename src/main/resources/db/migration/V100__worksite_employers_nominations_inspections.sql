-- Worksite enforcement (issue 17, docs/worksite.md): employers and their sites, the employer's history, nominations
-- per field office per period under a versioned quota policy, Form I-9 inspections (8 CFR 274a) with their forms,
-- findings and notices, the civil penalty schedule (28 CFR 85.5) by the date it took effect, and the fines computed
-- from it. Employers are synthetic in the demo and the tests; EINs with the prefix 00 (never issued by the IRS).

create table employer (
    id             bigserial primary key,
    name           text not null check (length(trim(name)) > 0),
    ein            text not null unique check (ein ~ '^[0-9]{2}-[0-9]{7}$'),
    naics          text not null check (naics ~ '^[0-9]{2,6}$'),
    employees      integer not null check (employees >= 0),
    created_by     text not null,
    created_at     timestamptz not null default now(),
    version        integer not null default 0
);

create table employer_site (
    id                bigserial primary key,
    employer_id       bigint not null references employer (id),
    name              text not null check (length(trim(name)) > 0),
    address           text not null check (length(trim(address)) > 0),
    city              text not null,
    state             text not null check (state ~ '^[A-Z]{2}$'),
    field_office_code text not null references field_office (code),
    workers           integer check (workers >= 0),
    created_at        timestamptz not null default now()
);
create index employer_site_employer on employer_site (employer_id);
create index employer_site_office on employer_site (field_office_code);

-- The employer's history: prior inspections, notices, fines, settlements, final orders. History is append-only.
create table employer_history (
    id           bigserial primary key,
    employer_id  bigint not null references employer (id),
    occurred_on  date not null,
    kind         text not null check (kind in ('INSPECTION', 'NOTICE', 'FINE', 'SETTLEMENT', 'FINAL_ORDER',
                                               'CRIMINAL_CASE', 'OTHER')),
    summary      text not null check (length(trim(summary)) > 0),
    amount       numeric(12, 2) check (amount >= 0),
    recorded_by  text not null,
    recorded_at  timestamptz not null default now()
);
create index employer_history_employer on employer_history (employer_id, occurred_on);

-- The worksite timeline: every change to an employer, nomination or inspection, in the change's transaction.
create table worksite_event (
    id            bigserial primary key,
    subject_type  text not null check (subject_type in ('EMPLOYER', 'NOMINATION', 'INSPECTION', 'POLICY')),
    subject_id    bigint not null,
    occurred_at   timestamptz not null default now(),
    actor         text not null,
    kind          text not null,
    summary       text not null
);
create index worksite_event_subject on worksite_event (subject_type, subject_id, id);

-- The nomination quota, a versioned policy: from effective_from on, each field office nominates at least
-- minimum_per_office worksites per period (a quarter or the whole of the federal fiscal year).
create table nomination_policy (
    version             integer primary key check (version > 0),
    effective_from      date not null unique,
    period              text not null check (period in ('QUARTER', 'FISCAL_YEAR')),
    minimum_per_office  integer not null check (minimum_per_office between 1 and 100),
    source              text not null check (length(trim(source)) > 0),
    recorded_by         text not null,
    recorded_at         timestamptz not null default now()
);

insert into nomination_policy (version, effective_from, period, minimum_per_office, source, recorded_by)
values (1, date '2019-10-01', 'QUARTER', 2,
        'Headquarters direction after the August 2019 Mississippi worksite action, as issue 17 states it: each field '
        || 'office nominates at least two worksites per period (criminal investigations, I-9 inspections or worksite '
        || 'actions). A CaseOps policy setting, not a regulation.', 'migration V100');

create table nomination (
    id                bigserial primary key,
    field_office_code text not null references field_office (code),
    period_start      date not null,
    period_end        date not null check (period_end >= period_start),
    policy_version    integer not null references nomination_policy (version),
    site_id           bigint not null references employer_site (id),
    case_type         text not null check (case_type in ('CRIMINAL_INVESTIGATION', 'I9_INSPECTION',
                                                         'WORKSITE_ACTION')),
    basis             text not null check (length(trim(basis)) >= 10),
    status            text not null check (status in ('PROPOSED', 'APPROVED', 'DECLINED', 'WITHDRAWN')),
    nominated_by      text not null,
    nominated_at      timestamptz not null default now(),
    decided_by        text,
    decided_at        timestamptz,
    decision_note     text,
    version           integer not null default 0,
    check (status not in ('APPROVED', 'DECLINED') or (decided_by is not null and decided_at is not null))
);
create index nomination_office_period on nomination (field_office_code, period_start);
-- one live nomination of a site per period
create unique index nomination_site_period on nomination (site_id, period_start)
    where status in ('PROPOSED', 'APPROVED');

-- The civil penalty schedule for paperwork violations (8 U.S.C. 1324a(e)(5)) as adjusted for inflation (28 CFR 85.5),
-- for penalties assessed after assessed_after (with respect to violations after 2 November 2015); each with its
-- source. bands: the base amount per violation by error rate (CaseOps's matrix, docs/legal-rules.md "I-9 fines").
create table i9_penalty_schedule (
    id               serial primary key,
    assessed_after   date not null unique,
    paperwork_min    numeric(10, 2) not null check (paperwork_min > 0),
    paperwork_max    numeric(10, 2) not null check (paperwork_max >= paperwork_min),
    source           text not null check (length(trim(source)) > 0)
);

create table i9_penalty_band (
    schedule_id        integer not null references i9_penalty_schedule (id),
    from_rate_percent  integer not null check (from_rate_percent between 0 and 100),
    base_amount        numeric(10, 2) not null check (base_amount > 0),
    primary key (schedule_id, from_rate_percent)
);

create table i9_inspection (
    id                   bigserial primary key,
    employer_id          bigint not null references employer (id),
    site_id              bigint not null references employer_site (id),
    field_office_code    text not null references field_office (code),
    nomination_id        bigint references nomination (id),
    notice_served_on     date not null,
    production_due       date not null check (production_due > notice_served_on),
    production_rule      text not null,
    forms_produced_on    date,
    status               text not null check (status in ('NOTICE_SERVED', 'FORMS_RECEIVED', 'NOTICES_SERVED',
                                                         'HEARING_REQUESTED', 'SETTLED', 'FINAL_ORDER', 'CLOSED')),
    opened_by            text not null,
    opened_at            timestamptz not null default now(),
    version              integer not null default 0
);
create index i9_inspection_office on i9_inspection (field_office_code);
create index i9_inspection_employer on i9_inspection (employer_id);

-- One Form I-9 as reviewed: the employee is a label from the employer's list (no person record is made of it).
create table i9_form (
    id              bigserial primary key,
    inspection_id   bigint not null references i9_inspection (id),
    employee_label  text not null check (length(trim(employee_label)) > 0),
    hired_on        date,
    reviewed_by     text not null,
    reviewed_at     timestamptz not null default now(),
    unique (inspection_id, employee_label)
);

create table i9_finding (
    id           bigserial primary key,
    form_id      bigint not null references i9_form (id),
    part         text not null check (part in ('SECTION_1', 'SECTION_2', 'SECTION_3', 'DOCUMENTS', 'DATES')),
    kind         text not null check (kind in ('TECHNICAL', 'SUBSTANTIVE', 'UNAUTHORIZED')),
    detail       text not null check (length(trim(detail)) > 0)
);
create index i9_finding_form on i9_finding (form_id);

create table i9_notice (
    id              bigserial primary key,
    inspection_id   bigint not null references i9_inspection (id),
    kind            text not null check (kind in ('COMPLIANCE_LETTER', 'TECHNICAL_FAILURES', 'SUSPECT_DOCUMENTS',
                                                  'WARNING', 'INTENT_TO_FINE')),
    served_on       date not null,
    due_on          date,
    due_rule        text,
    served_by       text not null,
    recorded_at     timestamptz not null default now(),
    check ((due_on is null) = (due_rule is null))
);
create index i9_notice_inspection on i9_notice (inspection_id);

-- The fine of a notice of intent to fine, as the calculator computed it: the inputs, the schedule used, the result.
create table i9_fine (
    id                    bigserial primary key,
    notice_id             bigint not null unique references i9_notice (id),
    schedule_id           integer not null references i9_penalty_schedule (id),
    forms_reviewed        integer not null check (forms_reviewed > 0),
    violations            integer not null check (violations between 0 and forms_reviewed),
    error_rate_percent    numeric(6, 2) not null,
    base_amount           numeric(10, 2) not null,
    adjustment_percent    integer not null check (adjustment_percent between -25 and 25),
    per_violation         numeric(10, 2) not null,
    total                 numeric(14, 2) not null check (total >= 0)
);

create table i9_fine_factor (
    fine_id        bigint not null references i9_fine (id),
    factor         text not null check (factor in ('SIZE_OF_BUSINESS', 'GOOD_FAITH', 'SERIOUSNESS',
                                                   'UNAUTHORIZED_WORKERS', 'HISTORY')),
    direction      text not null check (direction in ('AGGRAVATING', 'NEUTRAL', 'MITIGATING')),
    justification  text not null check (length(trim(justification)) >= 10),
    primary key (fine_id, factor)
);

insert into i9_penalty_schedule (id, assessed_after, paperwork_min, paperwork_max, source) values
    (1, date '2016-08-01', 216, 2156, '28 CFR 85.5 (interim rule, 81 FR 42491, 30 June 2016): 8 U.S.C. 1324a(e)(5)'),
    (2, date '2017-02-03', 220, 2191, '28 CFR 85.5 (2017 adjustment): 8 U.S.C. 1324a(e)(5)'),
    (3, date '2018-01-29', 224, 2236, '28 CFR 85.5 (2018 adjustment): 8 U.S.C. 1324a(e)(5)'),
    (4, date '2020-06-19', 230, 2292, '28 CFR 85.5 (2020 adjustment): 8 U.S.C. 1324a(e)(5)'),
    (5, date '2022-05-09', 252, 2507, '28 CFR 85.5 (2022 adjustment): 8 U.S.C. 1324a(e)(5)'),
    (6, date '2023-01-30', 272, 2701, '28 CFR 85.5 (2023 adjustment): 8 U.S.C. 1324a(e)(5)'),
    (7, date '2024-02-12', 281, 2789, '28 CFR 85.5(b), table 1 (89 FR 9764, 12 February 2024): 8 U.S.C. 1324a(e)(5)'),
    (8, date '2025-07-03', 288, 2861, '28 CFR 85.5(a), table 1 (90 FR 29445, 3 July 2025): 8 U.S.C. 1324a(e)(5)');
select setval('i9_penalty_schedule_id_seq', 8);

-- The base amount per violation by error rate: ICE's 2009 worksite penalty matrix (first offense: $110, $275, $410,
-- $550, $700, $935 of a $110-$1,100 range at 0, 10, 20, 30, 40 and 50 % and more) placed at the same positions
-- of each schedule's range, to the dollar. CaseOps's matrix, not a regulation (docs/legal-rules.md "I-9 fines").
insert into i9_penalty_band (schedule_id, from_rate_percent, base_amount)
select s.id, b.rate, round(s.paperwork_min + (b.amount_1999 - 110) / 990.0 * (s.paperwork_max - s.paperwork_min))
from i9_penalty_schedule s
cross join (values (0, 110), (10, 275), (20, 410), (30, 550), (40, 700), (50, 935)) as b (rate, amount_1999);

-- What happened is history: the application adds rows, never changes or removes them (DESIGN invariant 9).
revoke update, delete, truncate on employer_history, worksite_event, i9_form, i9_finding, i9_notice, i9_fine,
    i9_fine_factor from caseops_app;
grant select, insert on employer_history, worksite_event, i9_form, i9_finding, i9_notice, i9_fine, i9_fine_factor
    to caseops_app;
-- A policy version and a penalty schedule are never edited: a change is a new version.
revoke update, delete, truncate on nomination_policy, i9_penalty_schedule, i9_penalty_band from caseops_app;
grant select, insert on nomination_policy to caseops_app;
grant select on i9_penalty_schedule, i9_penalty_band to caseops_app;
