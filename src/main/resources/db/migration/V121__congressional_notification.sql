-- The congressional notification of an operation before launch (issue 18; operation.CongressionalNotifications,
-- docs/oversight.md). A versioned policy says which operations need it: a new version is a new row, never an edit.
-- Version 1 is on for operations of 25 target family units or more. It is CaseOps's own oversight policy, not a
-- statute: no law requires DHS to notify Congress before an enforcement operation.
create table notification_policy (
    version          integer primary key check (version > 0),
    effective_from   date not null,
    required         boolean not null,
    min_family_units integer not null check (min_family_units >= 1),
    basis            text not null check (length(trim(basis)) > 0),
    recorded_by      text not null,
    recorded_at      timestamptz not null default now()
);
insert into notification_policy (version, effective_from, required, min_family_units, basis, recorded_by)
values (1, date '2000-01-01', true, 25, 'CaseOps oversight policy, version 1 (issue 18): an operation of 25 or more '
        || 'target family units is launched only after its notification package has been recorded as sent to the '
        || 'congressional committees of jurisdiction', 'migration V121');

-- Each package recorded as sent: to whom, when, by whom, and the operation's version it described (a package sent
-- for an earlier version does not cover a plan changed since). Append-only: a correction is a new record.
create table operation_notification (
    id                bigserial primary key,
    operation_id      bigint not null references operation (id),
    operation_version integer not null,
    policy_version    integer not null references notification_policy (version),
    sent_to           text not null check (length(trim(sent_to)) > 0 and length(sent_to) <= 500),
    sent_on           date not null,
    recorded_by       text not null,
    recorded_at       timestamptz not null default now()
);
create index operation_notification_operation on operation_notification (operation_id);

-- V11's default privileges give the application every right on new tables: the policy is read only (a new version
-- is a migration or the owner's), the notifications are appended only
revoke insert, update, delete, truncate on notification_policy from caseops_app;
revoke update, delete, truncate on operation_notification from caseops_app;
