-- Corrections of technical or procedural failures (issue 17, docs/worksite.md "Corrections"): after a notice of
-- technical or procedural failures the employer has 10 business days to correct them (8 U.S.C. 1324a(b)(6)(B)).
-- One row per finding: corrected on a day within the period, or not corrected by its end. An uncorrected failure
-- counts as a violation in a later fine. A record is history: the application adds rows, never changes them.
create table i9_correction (
    id           bigserial primary key,
    finding_id   bigint not null unique references i9_finding (id),
    notice_id    bigint not null references i9_notice (id),
    corrected    boolean not null,
    on_date      date not null,
    due_on       date not null,
    note         text,
    recorded_by  text not null,
    recorded_at  timestamptz not null default now(),
    -- corrected by the deadline, or found not corrected after it
    check (corrected = (on_date <= due_on))
);
create index i9_correction_notice on i9_correction (notice_id);

revoke update, delete, truncate on i9_correction from caseops_app;
grant select, insert on i9_correction to caseops_app;
