-- Orders of supervision (I-220B) and alternatives to detention (issue 16, docs/supervision.md). A supervision per
-- person and kind, its conditions (each with its legal basis; an ankle monitor or another device also with its next
-- review, and never on a child), the reviews of a condition, the check-ins recorded and the missed check-ins, each of
-- which opens one task. CaseOps never tracks people: no table here has a place for a location, a GPS fix or a trail;
-- it records that a condition exists, its reviews, and the check-ins the person made.
create table supervision (
    id                bigserial primary key,
    person_id         bigint not null references person (id),
    a_number          text not null,
    idncase           bigint,
    family_id         bigint not null,
    field_office_code text not null,
    kind              text not null check (kind in ('OSUP', 'ATD')),
    legal_basis       text not null check (length(legal_basis) between 3 and 500),
    -- the person's birth date as the docket had it at enrolment: the database refuses a device on a child with it
    birth_date        date,
    start_date        date not null,
    -- the legal gate's verdict on the start date, as asked at enrolment
    verdict_on_start  text not null,
    report_every_days int not null check (report_every_days between 1 and 365),
    next_report_due   date not null,
    status            text not null default 'ACTIVE' check (status in ('ACTIVE', 'ENDED')),
    ended_on          date,
    created_by        text not null,
    created_at        timestamptz not null default now(),
    version           int not null default 0,
    check ((status = 'ENDED') = (ended_on is not null))
);
create unique index supervision_one_active on supervision (person_id, kind) where status = 'ACTIVE';
create index supervision_due on supervision (field_office_code, next_report_due) where status = 'ACTIVE';

create table supervision_condition (
    id             bigserial primary key,
    supervision_id bigint not null references supervision (id),
    kind           text not null check (kind in ('REPORT_IN_PERSON', 'REPORT_BY_PHONE', 'SMARTPHONE_APP',
                                                 'ANKLE_MONITOR', 'NOTIFY_ADDRESS_CHANGE', 'TRAVEL_RESTRICTION',
                                                 'OTHER')),
    detail         text check (length(detail) <= 2000),
    legal_basis    text not null check (length(legal_basis) between 3 and 500),
    start_date     date not null,
    review_due     date,
    ended_on       date,
    created_by     text not null,
    version        int not null default 0,
    -- a device is reviewed: it has its next review date while it is in force
    check (kind not in ('ANKLE_MONITOR', 'SMARTPHONE_APP') or ended_on is not null or review_due is not null)
);

create table condition_review (
    id           bigserial primary key,
    condition_id bigint not null references supervision_condition (id),
    reviewed_on  date not null,
    outcome      text not null check (outcome in ('CONTINUE', 'STEP_DOWN', 'END')),
    reason       text not null check (length(reason) between 3 and 2000),
    reviewed_by  text not null,
    reviewed_at  timestamptz not null default now()
);

create table supervision_check_in (
    id             bigserial primary key,
    supervision_id bigint not null references supervision (id),
    due_date       date not null,
    on_date        date not null,
    method         text not null check (method in ('IN_PERSON', 'PHONE', 'APP')),
    recorded_by    text not null,
    recorded_at    timestamptz not null default now()
);

-- One row per supervision and missed due date: the task it opened. The primary key makes a second task for the same
-- missed check-in impossible, whoever runs the sweep and however often.
create table supervision_missed (
    supervision_id bigint not null references supervision (id),
    due_date       date not null,
    task_id        bigint,
    recorded_at    timestamptz not null default now(),
    primary key (supervision_id, due_date)
);

-- Never a device on a child: the database asks the birth date recorded with the supervision.
create function supervision_no_device_on_a_child() returns trigger language plpgsql as $$
declare
    born date;
    k text;
begin
    select birth_date, kind into born, k from supervision where id = new.supervision_id;
    if new.kind in ('ANKLE_MONITOR', 'SMARTPHONE_APP') and (born is null or born > new.start_date - interval '18 years')
    then
        raise exception 'no device on a child: supervision % has a person under 18 on % (or no birth date)',
            new.supervision_id, new.start_date using errcode = '23514';
    end if;
    return new;
end $$;
create trigger supervision_condition_no_device_on_a_child before insert or update on supervision_condition
    for each row execute function supervision_no_device_on_a_child();

-- ATD is for adults only.
create function supervision_atd_adults_only() returns trigger language plpgsql as $$
begin
    if new.kind = 'ATD' and (new.birth_date is null or new.birth_date > new.start_date - interval '18 years') then
        raise exception 'ATD is for adults only: person % is under 18 on % (or has no birth date)',
            new.a_number, new.start_date using errcode = '23514';
    end if;
    return new;
end $$;
create trigger supervision_atd_adults_only before insert or update on supervision
    for each row execute function supervision_atd_adults_only();

revoke delete, truncate on supervision, supervision_condition from caseops_app;
grant select, insert, update on supervision, supervision_condition to caseops_app;
-- reviews, check-ins and missed check-ins are history
revoke update, delete, truncate on condition_review, supervision_check_in, supervision_missed from caseops_app;
grant select, insert on condition_review, supervision_check_in, supervision_missed to caseops_app;
grant update (task_id) on supervision_missed to caseops_app;

alter table task drop constraint task_type_check;
alter table task add constraint task_type_check check (type in ('CHILD_WELFARE_CHECK', 'COLLATERAL_REVIEW',
    'CUSTODY_ESCALATION', 'CUSTODY_REVIEW', 'LEGAL_REVIEW', 'GENERAL', 'ADDRESS_VERIFICATION', 'CALL_IN_FOLLOW_UP',
    'SUPERVISION_FOLLOW_UP'));
