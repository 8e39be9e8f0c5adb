-- Issue 16: the device history of an ATD enrolment and its 90-day supervision-level reviews (docs/supervision.md).
-- A device is recorded by what it is (technology, an optional serial), when it was assigned, replaced or removed and
-- why: never a place, a fix or a trail. Both tables are history: the application inserts and reads, never changes.
create table supervision_device (
    id             bigserial primary key,
    supervision_id bigint not null references supervision (id),
    action         text not null check (action in ('ASSIGNED', 'REPLACED', 'REMOVED')),
    technology     text not null check (technology in ('ANKLE_MONITOR', 'SMARTPHONE_APP')),
    serial         text check (length(serial) between 1 and 64),
    on_date        date not null,
    reason         text not null check (length(reason) between 3 and 2000),
    recorded_by    text not null,
    recorded_at    timestamptz not null default now()
);
create index supervision_device_of on supervision_device (supervision_id, id);

-- Never a device on a child, through this table too (V97's rule, read from the birth date kept with the supervision),
-- and a device only on an ATD enrolment.
create function supervision_device_adults_on_atd() returns trigger language plpgsql as $$
declare
    born date;
    k text;
begin
    select birth_date, kind into born, k from supervision where id = new.supervision_id;
    if new.action <> 'REMOVED' and (born is null or born > new.on_date - interval '18 years') then
        raise exception 'no device on a child: supervision % has a person under 18 on % (or no birth date)',
            new.supervision_id, new.on_date using errcode = '23514';
    end if;
    if k <> 'ATD' then
        raise exception 'a device is recorded on an ATD enrolment only: supervision % is %', new.supervision_id, k
            using errcode = '23514';
    end if;
    return new;
end $$;
create trigger supervision_device_adults_on_atd before insert or update on supervision_device
    for each row execute function supervision_device_adults_on_atd();

-- The supervision-level review every 90 days of an ATD enrolment: period n is due on the start + 90 n days; one
-- review per period (the key), with the suggestion the compliance record gave and the officer's decision.
create table supervision_level_review (
    id                bigserial primary key,
    supervision_id    bigint not null references supervision (id),
    period            int not null check (period >= 1),
    due_on            date not null,
    reviewed_on       date not null,
    level_before      text not null check (level_before in ('ANKLE_MONITOR', 'SMARTPHONE_APP', 'TELEPHONE_REPORTING',
                                                             'ORDER_ONLY')),
    suggested         text not null check (suggested in ('STEP_DOWN', 'KEEP')),
    suggestion_reason text not null,
    decision          text not null check (decision in ('STEP_DOWN', 'KEEP')),
    level_after       text not null check (level_after in ('ANKLE_MONITOR', 'SMARTPHONE_APP', 'TELEPHONE_REPORTING',
                                                           'ORDER_ONLY')),
    reason            text not null check (length(reason) between 3 and 2000),
    decided_by        text not null,
    decided_at        timestamptz not null default now(),
    unique (supervision_id, period),
    check ((decision = 'KEEP') = (level_before = level_after))
);

revoke update, delete, truncate on supervision_device, supervision_level_review from caseops_app;
grant select, insert on supervision_device, supervision_level_review to caseops_app;
