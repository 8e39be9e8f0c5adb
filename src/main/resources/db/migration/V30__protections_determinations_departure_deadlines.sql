-- The legal gate v2's own records (issue 10): what attorneys record beside the EOIR docket that the rules read.

-- A protection from removal EOIR does not record (TPS, deferred action, a U or T visa stay, a judicial stay or a
-- pending stay motion on a petition for review, an IJ or BIA discretionary stay, a criminal sentence being served).
-- In force from from_date to until_date inclusive (null = open), or until ended (ended_on: no longer in force that
-- day). Entered and ended by an attorney, with evidence.
create table protection (
    id           bigserial primary key,
    idncase      bigint not null references eoir_case (idncase),
    kind         text not null check (kind in ('TPS', 'DEFERRED_ACTION', 'U_VISA_STAY', 'T_VISA_STAY',
                                               'JUDICIAL_STAY', 'PENDING_JUDICIAL_STAY_MOTION', 'IJ_STAY',
                                               'BIA_STAY', 'CRIMINAL_SENTENCE')),
    from_date    date not null,
    until_date   date,
    evidence     text not null check (length(trim(evidence)) > 0),
    recorded_by  text not null,
    recorded_at  timestamptz not null default now(),
    ended_on     date,
    ended_by     text,
    end_reason   text,
    check (until_date is null or until_date >= from_date),
    check (ended_on is null or (ended_on >= from_date and ended_by is not null
                                and length(trim(coalesce(end_reason, ''))) > 0))
);
create index protection_case on protection (idncase);

-- An attorney's determination of what a code or filing means for one case (an unknown code, a code the lookup
-- leaves open, a same-day motion, a family filing recorded only on the lead). A fact the rules read, never an
-- override. Append-only: a later determination of the same subject supersedes an earlier one.
create table attorney_determination (
    id           bigserial primary key,
    idncase      bigint not null references eoir_case (idncase),
    subject      text not null check (length(trim(subject)) > 0),
    meaning      text not null,
    reason       text not null check (length(trim(reason)) > 0),
    recorded_on  date not null,
    recorded_by  text not null,
    recorded_at  timestamptz not null default now()
);
create index attorney_determination_case on attorney_determination (idncase, subject, recorded_on);
revoke update, delete, truncate on attorney_determination from caseops_app;

-- A voluntary-departure deadline from the order that set it (IJ order, BIA order, DHS extension). Append-only: the
-- latest ordered on or before the as-of date governs.
create table departure_deadline (
    id           bigserial primary key,
    idncase      bigint not null references eoir_case (idncase),
    last_day     date not null,
    source       text not null check (source in ('IJ_ORDER', 'BIA_ORDER', 'DHS_EXTENSION')),
    ordered_on   date not null,
    reference    text not null check (length(trim(reference)) > 0),
    recorded_by  text not null,
    recorded_at  timestamptz not null default now(),
    check (last_day >= ordered_on)
);
create index departure_deadline_case on departure_deadline (idncase, ordered_on);
revoke update, delete, truncate on departure_deadline from caseops_app;
