-- Stays of removal (Form I-246) as a workflow (issue 16, docs/removal.md): the request received at the field office
-- (who asked, on what grounds, which documents came with it), a task for the field-office director, and the decision
-- with its reason. A stay granted is recorded in the legal gate's own stay table (the record the gate reads), linked
-- here; nothing here is read by the gate.
create table stay_request (
    id                bigserial primary key,
    idncase           bigint not null references eoir_case (idncase),
    a_number          text not null,
    field_office_code text not null,
    received_on       date not null,
    requester         text not null check (length(requester) between 3 and 200),
    requester_kind    text not null check (requester_kind in ('PERSON', 'COUNSEL', 'FAMILY_MEMBER', 'OTHER')),
    grounds           text not null check (length(grounds) between 3 and 4000),
    documents         text[] not null default '{}',
    status            text not null default 'PENDING' check (status in ('PENDING', 'GRANTED', 'DENIED')),
    task_id           bigint,
    decided_on        date,
    decided_by        text,
    decision_reason   text check (length(decision_reason) between 3 and 4000),
    stay_id           bigint references stay (id),
    received_by       text not null,
    received_at       timestamptz not null default now(),
    version           int not null default 0,
    check ((status = 'PENDING') = (decided_on is null)),
    check ((status = 'PENDING') = (decision_reason is null)),
    check ((status = 'GRANTED') = (stay_id is not null)),
    check (decided_on is null or decided_on >= received_on)
);
-- one request waiting for a decision per case
create unique index stay_request_one_pending on stay_request (idncase) where status = 'PENDING';

revoke delete, truncate on stay_request from caseops_app;
grant select, insert, update on stay_request to caseops_app;
