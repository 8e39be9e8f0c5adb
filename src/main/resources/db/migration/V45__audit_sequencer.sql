-- The audit trail without a global lock (docs/adr/006-audit-sequencer.md, docs/audit.md).
--
-- Until now every append took one lock and held it to commit, so that the entry could take the next place in the
-- chain and the last hash inside the recording transaction: every audited read in the country queued behind the
-- commits of the ones before it. Now recording and chaining are two steps, as in Certificate Transparency logs:
--
--   1. Recording, in the transaction of the read or change it records: one insert into audit_entry. The entry takes
--      its number (seq) from an identity: unique and increasing, never reused, with a gap where a transaction
--      rolled back. A trigger queues it in audit_pending. No lock but the new rows' own.
--   2. Sequencing, shortly after commit, one sequencer at a time (an advisory lock): audit_sequence() takes queued
--      entries in seq order, gives each the next position in the chain (1, 2, 3, ... without gaps) and its hash
--      over the canonical serialization and the previous hash (audit_hash, the same bytes as docs/audit.md), writes
--      audit_chain, moves audit_head and empties the queue of what it chained, all in one transaction.
--
-- The entries recorded before this migration were chained under the old scheme, where seq was the position: they
-- keep their hashes (anchors kept from earlier exports stay valid), each at the position equal to its seq.

-- 1. The chain moves out of audit_entry into its own table, so that audit_entry stays insert-only.
drop trigger audit_entry_appends_to_head on audit_entry;
drop function audit_entry_appends_to_head();

-- Checks kept cheap: every row passes them once per entry in the sequencer's one serialized step (a regular
-- expression check here cost more than the insert itself). No foreign key to audit_entry either: the sequencer takes
-- seqs only from entries it has just read, and verify reads the chain joined to its entries, so a chain row without
-- its entry shows as a missing position.
create table audit_chain (
    position     bigint primary key check (position > 0),
    seq          bigint not null unique,
    prev_hash    text not null check (octet_length(decode(prev_hash, 'hex')) = 32 and prev_hash = lower(prev_hash)),
    hash         text not null check (octet_length(decode(hash, 'hex')) = 32 and hash = lower(hash)),
    -- when the sequencer chained it: not hashed, for watching the sequencer's lag (recorded_at to sequenced_at)
    sequenced_at timestamptz not null default clock_timestamp()
);

insert into audit_chain (position, seq, prev_hash, hash, sequenced_at)
select seq, seq, prev_hash, hash, recorded_at from audit_entry order by seq;

alter table audit_entry drop column prev_hash, drop column hash;
alter table audit_entry alter column recorded_at set default clock_timestamp();
do $$
begin
    execute format('alter table audit_entry alter column seq add generated always as identity (start with %s)',
                   (select coalesce(max(seq), 0) + 1 from audit_entry));
end
$$;

-- The head names the last position and its hash; it moves only when the chain grows (the V10 trigger on it stays).
alter table audit_head rename column seq to position;

-- 2. The queue: the entries not chained yet. Filled by a trigger, so no entry can be recorded without being queued;
-- emptied only by audit_sequence (the application role may read it, not change it).
create table audit_pending (
    seq bigint primary key
);

create function audit_entry_is_queued() returns trigger
    language plpgsql security definer set search_path = public, pg_temp as $$
begin
    insert into audit_pending (seq) values (new.seq);
    return null;
end
$$;

create trigger audit_entry_is_queued after insert on audit_entry
    for each row execute function audit_entry_is_queued();

-- 3. The hash, as docs/audit.md defines it: SHA-256 of the UTF-8 bytes of the version tag and twelve fields, each
-- after U+001F as '-' (null) or '<length in UTF-8 bytes>:<text>'. Canonical.java and tools/verify-audit-export.py
-- compute the same; AuditSequencerTest pins the three together on the documented example.
create function audit_field(text) returns text
    language sql stable parallel safe as $$
    select case when $1 is null then '-' else octet_length(convert_to($1, 'UTF8')) || ':' || $1 end
$$;

create function audit_hash(bigint, timestamptz, text, text, text, text, text, text, text, text, text, text)
    returns text language sql stable parallel safe as $$
    select encode(sha256(convert_to('caseops-audit-v1'
        || chr(31) || audit_field($1::text)
        || chr(31) || audit_field(to_char($2 at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
        || chr(31) || audit_field($3)
        || chr(31) || audit_field($4)
        || chr(31) || audit_field($5)
        || chr(31) || audit_field($6)
        || chr(31) || audit_field($7)
        || chr(31) || audit_field($8)
        || chr(31) || audit_field($9)
        || chr(31) || audit_field($10)
        || chr(31) || audit_field($11)
        || chr(31) || audit_field($12), 'UTF8')), 'hex')
$$;

comment on function audit_hash(bigint, timestamptz, text, text, text, text, text, text, text, text, text, text) is
    'hash of (position, recorded_at, actor, role, field_office, action, subject_type, subject_id, purpose, '
    'request_id, detail, prev_hash): docs/audit.md, "The hash"';

-- 4. The chain only ever continues its head: the rows one statement adds must start at head + 1 with the head's hash
-- as prev_hash and link to one another; then the head moves to the last of them, once per statement. Checked after
-- the statement, so a violation aborts it. (The owner can disable this; the hashes and the signed checkpoints are
-- what catch that.)
create function audit_chain_continues_head() returns trigger
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    head audit_head%rowtype;
    link record;
begin
    select * into head from audit_head for update;
    for link in select position, prev_hash, hash from added order by position loop
        if link.position <> head.position + 1 or link.prev_hash <> head.hash then
            raise exception 'audit chain position % does not continue the chain (head is % %)',
                link.position, head.position, head.hash
                using errcode = 'integrity_constraint_violation';
        end if;
        head.position := link.position;
        head.hash := link.hash;
    end loop;
    update audit_head set position = head.position, hash = head.hash;
    return null;
end
$$;

create trigger audit_chain_continues_head after insert on audit_chain
    referencing new table as added for each statement execute function audit_chain_continues_head();

create trigger audit_chain_is_append_only before update or delete on audit_chain
    for each row execute function audit_is_append_only();
create trigger audit_chain_is_never_truncated before truncate on audit_chain
    for each statement execute function audit_is_append_only();

-- 5. The sequencer: one batch, one transaction. Returns how many queued entries it took off the queue (0: none
-- were queued), or -1 when another sequencer holds the lock and wait is false. Entries are chained in seq order
-- within a batch; an entry whose transaction commits after a later-numbered one was chained simply gets a later
-- position. A queued seq with no entry, or one already chained, is dropped from the queue without being chained
-- again (exactly once, whatever the queue holds).
create function audit_sequence(max_entries integer, wait boolean) returns integer
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    head      audit_head%rowtype;
    queued    record;
    taken     bigint[] := '{}';
    positions bigint[] := '{}';
    seqs      bigint[] := '{}';
    prevs     text[] := '{}';
    hashes    text[] := '{}';
    next_hash text;
begin
    if wait then
        perform pg_advisory_xact_lock(hashtext('caseops.audit.sequencer'));
    elsif not pg_try_advisory_xact_lock(hashtext('caseops.audit.sequencer')) then
        return -1;
    end if;
    select * into head from audit_head;
    for queued in
        select p.seq, e.seq as entry, e.recorded_at, e.actor, e.role, e.field_office, e.action, e.subject_type,
               e.subject_id, e.purpose, e.request_id, e.detail, c.position as chained
        from audit_pending p
        left join audit_entry e on e.seq = p.seq
        left join audit_chain c on c.seq = p.seq
        order by p.seq
        limit max_entries
    loop
        taken := taken || queued.seq;
        continue when queued.entry is null or queued.chained is not null;
        head.position := head.position + 1;
        next_hash := audit_hash(head.position, queued.recorded_at, queued.actor, queued.role, queued.field_office,
                                queued.action, queued.subject_type, queued.subject_id, queued.purpose,
                                queued.request_id, queued.detail, head.hash);
        positions := positions || head.position;
        seqs := seqs || queued.seq;
        prevs := prevs || head.hash;
        hashes := hashes || next_hash;
        head.hash := next_hash;
    end loop;
    if cardinality(positions) > 0 then
        insert into audit_chain (position, seq, prev_hash, hash)
        select * from unnest(positions, seqs, prevs, hashes);
    end if;
    delete from audit_pending where seq = any (taken);
    return cardinality(taken);
end
$$;

-- 6. Signed checkpoints: (position, hash, time) signed with a key kept outside the database (AuditCheckpoints).
-- This table is a copy for the API and for other instances; the copies that count are the ones kept outside the
-- database (CASEOPS_HOME/audit/checkpoints.ndjson and whatever auditors keep).
create table audit_checkpoint (
    id        bigint generated always as identity primary key,
    position  bigint not null check (position >= 0),
    hash      text not null check (hash ~ '^[0-9a-f]{64}$'),
    issued_at timestamptz not null,
    key       text not null check (key ~ '^[0-9a-f]{64}$'),
    signature text not null check (signature ~ '^[0-9a-f]{128}$')
);
create index audit_checkpoint_position on audit_checkpoint (position);

create trigger audit_checkpoint_is_append_only before update or delete on audit_checkpoint
    for each row execute function audit_is_append_only();
create trigger audit_checkpoint_is_never_truncated before truncate on audit_checkpoint
    for each statement execute function audit_is_append_only();

-- 7. The application role (ADR 005): entries and checkpoints insert and select; the chain, the head and the queue
-- select only; sequencing only through audit_sequence, which runs as the owner.
revoke all on audit_chain, audit_pending, audit_checkpoint from caseops_app;
grant select on audit_chain, audit_pending to caseops_app;
grant select, insert on audit_checkpoint to caseops_app;
revoke all on function audit_sequence(integer, boolean) from public;
grant execute on function audit_sequence(integer, boolean) to caseops_app;
