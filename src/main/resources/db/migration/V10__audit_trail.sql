-- The audit trail: every change and every read of person-level data, one row each, hash-chained.
-- docs/audit.md gives the canonical serialization each hash is computed over; AuditLog computes it, AuditVerifier
-- and tools/verify-audit-export.py recompute it.
--
-- seq is the order of the chain and has no gaps: it is head.seq + 1, taken under the append lock, never from a
-- sequence (a rolled-back nextval would leave a gap that looks like a deleted entry).
create table audit_entry (
    seq          bigint primary key check (seq > 0),
    recorded_at  timestamptz not null,
    actor        text not null,
    role         text not null,
    field_office text,
    action       text not null,
    subject_type text,
    subject_id   text,
    purpose      text,
    request_id   text,
    detail       text,
    prev_hash    text not null check (prev_hash ~ '^[0-9a-f]{64}$'),
    hash         text not null check (hash ~ '^[0-9a-f]{64}$')
);

create index audit_entry_subject on audit_entry (subject_type, subject_id);
create index audit_entry_actor on audit_entry (actor, recorded_at);

-- The end of the chain: one row, moved only by the append trigger below. Deleting the newest entries leaves no gap
-- in seq, but leaves the head pointing past the end, which verify reports.
create table audit_head (
    only_row boolean primary key default true check (only_row),
    seq      bigint not null,
    hash     text not null
);
insert into audit_head (seq, hash) values (0, repeat('0', 64));

-- An append must continue the chain exactly where it ends: the next seq and the head's hash as prev_hash. Two
-- writers that raced past the application's lock, or a writer with a stale snapshot, fail here instead of forking.
-- SECURITY DEFINER: the application role may insert entries but not move the head itself.
create function audit_entry_appends_to_head() returns trigger
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    head audit_head%rowtype;
begin
    select * into head from audit_head for update;
    if new.seq <> head.seq + 1 or new.prev_hash <> head.hash then
        raise exception 'audit entry % does not continue the chain (head is % %)', new.seq, head.seq, head.hash
            using errcode = 'integrity_constraint_violation';
    end if;
    update audit_head set seq = new.seq, hash = new.hash;
    return new;
end
$$;

create trigger audit_entry_appends_to_head before insert on audit_entry
    for each row execute function audit_entry_appends_to_head();

-- Append-only, for everyone including the owner: an entry is never updated or deleted and the table never
-- truncated. (The owner can still disable the trigger; that is what the hash chain and external anchors catch.)
create function audit_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only: % on % is not allowed', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_entry_is_append_only before update or delete on audit_entry
    for each row execute function audit_is_append_only();
create trigger audit_entry_is_never_truncated before truncate on audit_entry
    for each statement execute function audit_is_append_only();

-- The head moves only from inside the append trigger (trigger depth 2), never by a direct statement.
create function audit_head_moves_only_on_append() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' or pg_trigger_depth() < 2 then
        raise exception 'the audit head moves only when an entry is appended: % on audit_head is not allowed', tg_op
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end
$$;

create trigger audit_head_moves_only_on_append before update or delete on audit_head
    for each row execute function audit_head_moves_only_on_append();
create trigger audit_head_is_never_truncated before truncate on audit_head
    for each statement execute function audit_head_moves_only_on_append();
