-- Queues of the Caseflow model (issue 14, docs/tasks.md): a task has a priority, and may be put on hold by hand with
-- a reason until a date. A hold by hand ends by itself on its date: whoever reads the task from that date on
-- (UTC) sees it back in its queue with the status it had (TaskRows computes it from hold_until; no timer), and the
-- next change writes the row as it is seen. Waiting for child tasks stays what it was: ON_HOLD without a hold date.

alter table task
    -- 1 high, 2 normal, 3 low: queues list by priority, then due time
    add column priority    smallint not null default 2 check (priority between 1 and 3),
    -- a hold by hand: why, until which date (the task returns to its queue that day, UTC), who, when
    add column hold_reason text check (length(trim(hold_reason)) between 1 and 10000),
    add column hold_until  date,
    add column held_by     text,
    add column held_at     timestamptz,
    add constraint task_hold_whole check ((hold_reason is null) = (hold_until is null)
        and (hold_until is null) = (held_by is null) and (held_by is null) = (held_at is null)),
    add constraint task_hold_only_on_hold check (hold_until is null or status = 'ON_HOLD');

-- The queues' order: priority, then due time.
create index task_open_by_user_priority on task (assignee_user, priority, due_at, id) where closed_at is null;
create index task_open_by_team_priority on task (field_office_code, assignee_team, priority, due_at, id)
    where closed_at is null;
-- The Completed tabs: the latest closed first.
create index task_closed_by_user on task (assignee_user, closed_at desc) where closed_at is not null;
create index task_closed_by_office on task (field_office_code, closed_at desc) where closed_at is not null;

-- The parent/child rule of V23, with holds by hand: a task ON_HOLD has an open child or a hold date.
create or replace function task_family_check() returns trigger language plpgsql as $$
declare
    t task;
    p task;
begin
    select * into t from task where id = new.id;
    if not found then
        return null;
    end if;
    if exists (select 1 from task c where c.parent_id = t.id and c.closed_at is null) then
        if t.status <> 'ON_HOLD' then
            raise exception 'task % is % over an open child task, not ON_HOLD', t.id, t.status using errcode = '23514';
        end if;
    elsif t.status = 'ON_HOLD' and t.hold_until is null then
        raise exception 'task % is ON_HOLD without an open child or a hold', t.id using errcode = '23514';
    end if;
    if t.parent_id is null then
        return null;
    end if;
    select * into p from task where id = t.parent_id;
    if t.closed_at is null and p.status <> 'ON_HOLD' then
        raise exception 'task % is open but its parent % is %, not ON_HOLD', t.id, p.id, p.status
            using errcode = '23514';
    end if;
    if p.status = 'ON_HOLD' and p.hold_until is null
            and not exists (select 1 from task c where c.parent_id = p.id and c.closed_at is null) then
        raise exception 'task % is ON_HOLD without an open child or a hold', p.id using errcode = '23514';
    end if;
    return null;
end
$$;
