-- Issue 18 (the monthly report's audit chain status) and ADR 006: each check of the audit trail, kept.
--
-- A check is FULL (every chained entry from position 1, as `caseops audit verify` and the audit page do) or SINCE (the
-- entries chained after the last intact check, started from its position and hash, which must still be the chain's
-- entry at that position). The monthly report shows the newest check instead of walking the whole chain on each
-- request. Scheduled in every CaseOps process (caseops.audit.verify-interval, caseops.audit.full-verify-interval),
-- one process at a time under an advisory lock.
--
-- Append-only as the trail itself: a check is never changed or removed, a newer one follows it. The application role
-- inserts and reads.
create table audit_verification (
    id                  bigint generated always as identity primary key,
    kind                text not null check (kind in ('FULL', 'SINCE')),
    started_at          timestamptz not null,
    finished_at         timestamptz not null default clock_timestamp(),
    from_position       bigint not null check (from_position >= 1),
    -- the last chained position read (from_position - 1 when nothing new was chained) and its hash
    verified_up_to      bigint not null check (verified_up_to >= 0),
    last_hash           text not null check (last_hash ~ '^[0-9a-f]{64}$'),
    entries             bigint not null check (entries >= 0),
    -- the lowest seq not chained when the check was made (pending), or the next seq: below it every entry was seen
    -- chained, so a SINCE check looks for entries neither chained nor queued from here on only
    unchained_from_seq  bigint not null check (unchained_from_seq >= 1),
    pending             bigint not null check (pending >= 0),
    intact              boolean not null,
    first_broken_position bigint,
    problem             text,
    checked_by          text not null,
    check (intact = (problem is null)),
    check (verified_up_to >= from_position - 1)
);
create index audit_verification_newest on audit_verification (id desc) include (kind, intact);

create trigger audit_verification_is_append_only before update or delete on audit_verification
    for each row execute function audit_is_append_only();
create trigger audit_verification_is_never_truncated before truncate on audit_verification
    for each statement execute function audit_is_append_only();

revoke all on audit_verification from caseops_app;
grant select, insert on audit_verification to caseops_app;
