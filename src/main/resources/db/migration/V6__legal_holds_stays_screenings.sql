-- The legal gate's own records: what CaseOps adds to the EOIR docket (stays granted outside the court record,
-- attorneys' legal holds) and stored screenings of the whole docket as of a date.

-- A stay of removal recorded by CaseOps: an administrative stay (Form I-246, decided by the field office director)
-- or a judicial stay (a federal court's order). In force from from_date until until_date (null = until lifted).
create table stay (
    id           bigserial primary key,
    idncase      bigint not null references eoir_case (idncase),
    kind         text not null check (kind in ('ADMINISTRATIVE', 'JUDICIAL')),
    from_date    date not null,
    until_date   date,
    reference    text not null,
    recorded_by  text not null,
    recorded_at  timestamptz not null default now(),
    lifted_on    date,
    lifted_by    text,
    check (until_date is null or until_date >= from_date),
    check (lifted_on is null or lifted_on >= from_date)
);
create index stay_case on stay (idncase);

-- An attorney's legal hold: the case is not executable while it stands. A reason is required to place and to lift.
create table legal_hold (
    id           bigserial primary key,
    idncase      bigint not null references eoir_case (idncase),
    placed_on    date not null,
    placed_by    text not null,
    reason       text not null check (length(trim(reason)) > 0),
    placed_at    timestamptz not null default now(),
    lifted_on    date,
    lifted_by    text,
    lift_reason  text,
    version      integer not null default 0,
    check (lifted_on is null or (lifted_on >= placed_on and lifted_by is not null
                                 and length(trim(coalesce(lift_reason, ''))) > 0))
);
create index legal_hold_case on legal_hold (idncase);
create unique index legal_hold_one_open_per_case on legal_hold (idncase) where lifted_on is null;

-- A screening: every case's verdict as of one date, stored. A stored verdict is a report, never a permission:
-- every action re-checks the gate with its own date.
create table screening (
    id            bigserial primary key,
    as_of         date not null,
    field_office  text,
    actor         text not null,
    started_at    timestamptz not null default now(),
    finished_at   timestamptz,
    cases         bigint,
    evaluated     bigint,
    reused        bigint,
    report        jsonb
);

-- The latest verdict of each case for each as-of date screened; re-screening re-evaluates only cases whose facts
-- changed since (their facts' fingerprint differs).
create table case_verdict (
    idncase       bigint not null references eoir_case (idncase),
    as_of         date not null,
    status        text not null check (status in ('EXECUTABLE', 'NOT_EXECUTABLE', 'FROZEN')),
    reasons       text[] not null,
    changes_on    date,
    facts_hash    text not null,
    field_office_code text,
    screening_id  bigint not null references screening (id),
    primary key (as_of, idncase)
);
