-- Tasks and queues (docs/tasks.md), Caseflow's model: a task is a row, a queue is a query. A child task puts its
-- parent ON_HOLD; the parent returns to the status it had (resumes_as) when its last open child closes. The service
-- (org.caseops.task.Tasks) does this; the triggers below refuse any write that would leave the rule broken.

create table task (
    id                bigserial primary key,
    type              text not null check (type in ('CHILD_WELFARE_CHECK', 'COLLATERAL_REVIEW', 'CUSTODY_ESCALATION',
                                                    'CUSTODY_REVIEW', 'LEGAL_REVIEW', 'GENERAL')),
    status            text not null check (status in ('ASSIGNED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CANCELLED')),
    title             text not null check (length(trim(title)) between 1 and 500),
    -- exactly one assignee: a user, or a team (a field office code, or a team name within the field office)
    assignee_user     text references app_user (username),
    assignee_team     text check (length(trim(assignee_team)) between 1 and 100),
    -- whose task it is: the queues and who may act are scoped by it; it never changes
    field_office_code text not null references field_office (code),
    -- what the task is about: PERSON/A-number, FAMILY/lead case, ENCOUNTER/id, OPERATION/id...; the kinds are the
    -- service's enum, so a new kind needs no migration
    subject_type      text check (subject_type ~ '^[A-Z_]{1,32}$'),
    subject_id        text check (length(subject_id) between 1 and 64),
    -- the operation the task belongs to (operations live in a package above this one: no foreign key)
    operation_id      bigint,
    parent_id         bigint references task (id),
    due_at            timestamptz,
    -- while ON_HOLD: the status the task returns to when its last open child closes
    resumes_as        text check (resumes_as in ('ASSIGNED', 'IN_PROGRESS')),
    created_by        text not null,
    created_at        timestamptz not null default now(),
    closed_at         timestamptz,
    closed_by         text,
    -- the resolution of a completed task, the reason of a cancelled one
    resolution        text,
    version           integer not null default 0,
    check ((assignee_user is null) <> (assignee_team is null)),
    check ((subject_type is null) = (subject_id is null)),
    check ((status = 'ON_HOLD') = (resumes_as is not null)),
    check ((status in ('COMPLETED', 'CANCELLED')) = (closed_at is not null)),
    check ((closed_at is null) = (closed_by is null)),
    check (status <> 'CANCELLED' or length(trim(resolution)) > 0),
    check (parent_id <> id)
);

-- The queues: each an index on open tasks (closed_at is null), in the queues' order (due first, then oldest).
create index task_open_by_user on task (assignee_user, due_at, id) where closed_at is null;
create index task_open_by_team on task (field_office_code, assignee_team, due_at, id) where closed_at is null;
create index task_open_due on task (field_office_code, due_at, id) where closed_at is null and due_at is not null;
create index task_open_by_operation on task (operation_id, field_office_code, due_at, id)
    where closed_at is null and operation_id is not null;
create index task_parent on task (parent_id) where parent_id is not null;
create index task_subject on task (subject_type, subject_id) where subject_type is not null;

-- The task's own history: every change, with actor and time. Each is audited as well (TASK_*).
create table task_event (
    id          bigserial primary key,
    task_id     bigint not null references task (id),
    occurred_at timestamptz not null default now(),
    actor       text not null,
    kind        text not null,
    from_status text,
    to_status   text,
    detail      text
);
create index task_event_task on task_event (task_id, id);

-- A closed task stays closed; a task keeps its parent and its field office.
create function task_guard() returns trigger language plpgsql as $$
begin
    if old.status in ('COMPLETED', 'CANCELLED') and new.status <> old.status then
        raise exception 'task % is %: a closed task stays closed', old.id, old.status using errcode = '23514';
    end if;
    if new.parent_id is distinct from old.parent_id then
        raise exception 'task %: a task keeps its parent', old.id using errcode = '23514';
    end if;
    if new.field_office_code <> old.field_office_code then
        raise exception 'task %: a task keeps its field office', old.id using errcode = '23514';
    end if;
    return new;
end
$$;
create trigger task_guard before update on task for each row execute function task_guard();

-- The parent/child rule, checked at commit on the rows as they are then (the service moves parent and child in one
-- transaction, one statement after the other): an open child's parent is ON_HOLD, and an ON_HOLD task has an open
-- child. So no child under a closed parent, no parent closed over open children, no parent left on hold.
create function task_family_check() returns trigger language plpgsql as $$
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
    elsif t.status = 'ON_HOLD' then
        raise exception 'task % is ON_HOLD without an open child', t.id using errcode = '23514';
    end if;
    if t.parent_id is null then
        return null;
    end if;
    select * into p from task where id = t.parent_id;
    if t.closed_at is null and p.status <> 'ON_HOLD' then
        raise exception 'task % is open but its parent % is %, not ON_HOLD', t.id, p.id, p.status
            using errcode = '23514';
    end if;
    if p.status = 'ON_HOLD' and not exists (select 1 from task c where c.parent_id = p.id and c.closed_at is null) then
        raise exception 'task % is ON_HOLD without an open child', p.id using errcode = '23514';
    end if;
    return null;
end
$$;
create constraint trigger task_family after insert or update on task deferrable initially deferred
    for each row execute function task_family_check();
