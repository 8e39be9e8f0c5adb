-- What changed since a screening (issue 12, goal 4; docs/operations.md, "Re-screening"): a re-screen of a date judges
-- again only the cases whose facts changed since the last screening of that date, where it used to read every case's
-- facts to find the few that changed. A screening records the snapshot it read under (screening.snapshot); a change
-- whose writing transaction that snapshot did not see is a change the screening has not judged. Triggers write the
-- log, so no writer can forget it: the application, an import, a test or a DBA's fix alike.
--
-- Two logs, one per owning feature (no feature writes another's tables):
-- * docket_change: one row per transaction that wrote any docket table the legal gate reads (through the gate_*
--   views of V66) or the case index the screening selects from. An import rewrites the docket and the date of its data
--   (gate_data_release, a fact of every case), so such a transaction means "every case may have changed" and the next
--   screening of a date reads the whole docket again (and still reuses each verdict whose facts are unchanged).
-- * legal_record_change: one row per transaction and case for the legal records counsel write one at a time (holds,
--   stays, protections, departure deadlines, attorney determinations): only those cases are judged again.
-- Both are statement-cheap: a statement-level trigger on the docket's tables (an import's COPY and set-based merges
-- fire it once per statement, and the primary key keeps one row per transaction), a row trigger on the legal records.

alter table screening add column snapshot pg_snapshot;

comment on column screening.snapshot is
    'The snapshot taken before the screening read any fact: a change written by a transaction it does not see '
    'is one the screening has not judged (V84).';

create table docket_change (
    xid         xid8 primary key,
    changed_at  timestamptz not null default now()
);

create table legal_record_change (
    xid         xid8 not null,
    idncase     bigint not null,
    changed_at  timestamptz not null default now(),
    primary key (xid, idncase)
);

-- The logs are written only by the triggers below (security definer, as the schema's owner): the application may
-- read them, never write, rewrite or empty them, so it cannot hide a change from the next screening.
revoke all on docket_change, legal_record_change from caseops_app;
grant select on docket_change, legal_record_change to caseops_app;

create function docket_changed() returns trigger
    language plpgsql security definer set search_path = public, pg_temp as $$
begin
    insert into docket_change (xid) values (pg_current_xact_id()) on conflict (xid) do nothing;
    return null;
end
$$;

create function legal_record_changed() returns trigger
    language plpgsql security definer set search_path = public, pg_temp as $$
begin
    if tg_op in ('INSERT', 'UPDATE') and new.idncase is not null then
        insert into legal_record_change (xid, idncase) values (pg_current_xact_id(), new.idncase)
        on conflict do nothing;
    end if;
    if tg_op in ('UPDATE', 'DELETE') and old.idncase is not null then
        insert into legal_record_change (xid, idncase) values (pg_current_xact_id(), old.idncase)
        on conflict do nothing;
    end if;
    return null;
end
$$;

-- Emptying a legal record table (only the owner may truncate) names no case, and deleting stored verdicts leaves
-- cases with nothing to carry over: every screening forgets its snapshot, so the next screening of each date reads the
-- whole docket again.
create function screenings_forget_snapshots() returns trigger
    language plpgsql security definer set search_path = public, pg_temp as $$
begin
    update screening set snapshot = null where snapshot is not null;
    return null;
end
$$;

revoke all on function docket_changed() from public;
revoke all on function legal_record_changed() from public;
revoke all on function screenings_forget_snapshots() from public;

do $$
declare
    t text;
begin
    foreach t in array array['eoir_case', 'proceeding', 'court_motion', 'appeal', 'court_application',
                             'appeal_fed_court', 'lead_rider', 'person', 'case_index', 'import_run'] loop
        execute format('create trigger %I after insert or update or delete on %I '
                       'for each statement execute function docket_changed()', t || '_changed', t);
        execute format('create trigger %I after truncate on %I '
                       'for each statement execute function docket_changed()', t || '_truncated', t);
    end loop;
    foreach t in array array['legal_hold', 'stay', 'protection', 'departure_deadline', 'attorney_determination'] loop
        execute format('create trigger %I after insert or update or delete on %I '
                       'for each row execute function legal_record_changed()', t || '_changed', t);
        execute format('create trigger %I after truncate on %I '
                       'for each statement execute function screenings_forget_snapshots()', t || '_truncated', t);
    end loop;
    create trigger case_verdict_deleted after delete or truncate on case_verdict
        for each statement execute function screenings_forget_snapshots();
end
$$;

-- The docket's log as the screening reads it (a view made for a reader, as in V66).
create view gate_change as
select xid, changed_at from docket_change;

revoke insert, update, delete, truncate on gate_change from caseops_app;
grant select on gate_change to caseops_app;
