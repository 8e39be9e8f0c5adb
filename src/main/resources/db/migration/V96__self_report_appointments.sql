-- Self-report appointments (issue 16, docs/notices.md): how many people a field office's desk receives per hour of a
-- working day, the slots of each day with their bookings counted against that capacity (the database refuses an
-- overbooked slot), the appointments booked from a call-in letter's reference or recorded for a walk-in, and the
-- letter's outcome: reported (checked in at the office) or did not report after its deadline.
create table report_capacity (
    field_office_code text not null,
    hour              smallint not null check (hour between 0 and 23),
    capacity          int not null check (capacity between 0 and 500),
    set_by            text not null,
    set_at            timestamptz not null default now(),
    primary key (field_office_code, hour)
);

-- One row per office, day and hour once somebody books it: the capacity in force when the slot was opened and the
-- bookings held. A booking is one conditional update (booked < capacity); the check makes an overbooking impossible
-- even for a writer that forgets the condition.
create table appointment_slot (
    field_office_code text not null,
    day               date not null,
    hour              smallint not null check (hour between 0 and 23),
    capacity          int not null check (capacity >= 0),
    booked            int not null default 0,
    primary key (field_office_code, day, hour),
    check (booked between 0 and capacity)
);

create table appointment (
    id                bigserial primary key,
    letter_id         bigint not null references letter (id),
    field_office_code text not null,
    day               date not null,
    -- the hour booked; a walk-in has none
    hour              smallint check (hour between 0 and 23),
    kind              text not null check (kind in ('BOOKED', 'WALK_IN')),
    -- carried from the letter: the person's EOIR language and whether the desk must provide an interpreter
    eoir_language     text,
    interpreter       boolean not null,
    status            text not null check (status in ('BOOKED', 'CHECKED_IN', 'RESCHEDULED', 'NO_SHOW')),
    booked_by         text not null,
    booked_at         timestamptz not null default now(),
    status_by         text,
    status_at         timestamptz,
    rescheduled_to    bigint references appointment (id),
    version           int not null default 0,
    check ((kind = 'BOOKED') = (hour is not null)),
    check (kind = 'BOOKED' or status = 'CHECKED_IN')
);
-- A letter has at most one open booking: a second is a reschedule.
create unique index appointment_one_open_per_letter on appointment (letter_id) where status = 'BOOKED';
create index appointment_office_day on appointment (field_office_code, day);

-- The letter's outcome: REPORTED when someone checked in with it, DID_NOT_REPORT when its deadline passed without
-- that (a status and a task for an officer: never a target or an arrest). A late check-in turns DID_NOT_REPORT into
-- REPORTED; REPORTED is final.
alter table letter add column outcome text check (outcome in ('REPORTED', 'DID_NOT_REPORT'));
alter table letter add column outcome_on date;
alter table letter add constraint letter_outcome_dated check ((outcome is null) = (outcome_on is null));

revoke delete, truncate on report_capacity, appointment_slot, appointment from caseops_app;
grant select, insert, update on report_capacity, appointment_slot, appointment to caseops_app;

-- A missed appointment or a letter not answered by its deadline opens a follow-up task.
alter table task drop constraint task_type_check;
alter table task add constraint task_type_check check (type in ('CHILD_WELFARE_CHECK', 'COLLATERAL_REVIEW',
    'CUSTODY_ESCALATION', 'CUSTODY_REVIEW', 'LEGAL_REVIEW', 'GENERAL', 'ADDRESS_VERIFICATION', 'CALL_IN_FOLLOW_UP'));
