-- Issue 15: planning runs in the background. One row per run of the solver for an operation: who started it, how
-- far it got (the best score so far and the units placed, written by the running instance at most every second, with
-- a heartbeat), a cancel request any instance may write, and how it ended. At most one RUNNING run per operation (the
-- partial unique index); every change of state is a conditional update on state = 'RUNNING' that counts its row.
-- A run whose heartbeat stopped (its process died) is marked FAILED by the next instance that looks
-- (docs/operations-planning.md, "Planning in the background").
create table plan_run (
    id                  bigserial primary key,
    operation_id        bigint not null references operation (id),
    state               text not null default 'RUNNING'
                        check (state in ('RUNNING', 'FINISHED', 'CANCELLED', 'FAILED')),
    started_by          text not null,
    started_at          timestamptz not null default now(),
    seconds             int not null check (seconds between 1 and 300),
    operation_version   int not null,
    units               int not null check (units >= 0),
    units_placed        int not null default 0 check (units_placed >= 0),
    best_hard           bigint,
    best_soft           bigint,
    heartbeat_at        timestamptz not null default now(),
    cancel_requested_at timestamptz,
    cancel_requested_by text,
    finished_at         timestamptz,
    plan_kept           boolean,
    outcome             text,
    check ((state = 'RUNNING') = (finished_at is null)),
    check ((cancel_requested_at is null) = (cancel_requested_by is null))
);
create unique index plan_run_one_running on plan_run (operation_id) where state = 'RUNNING';
create index plan_run_by_operation on plan_run (operation_id, id desc);
