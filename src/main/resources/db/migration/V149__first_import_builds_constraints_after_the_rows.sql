-- Issue 12, goal 3 (ADR 007, step 4): an import that starts on an empty docket sets aside the docket tables' foreign
-- keys, the unique constraints nothing refers to and the secondary indexes, inserts its rows, and builds them again
-- before it commits: one sort per index and one anti-join per foreign key instead of a probe per row. The importer's
-- own checks already quarantine every row a constraint would refuse (duplicates, values taken, references); rebuilding
-- the constraints checks them again on the whole table, so a row that got past the importer fails the import.
--
-- Everything happens inside the import's transaction: a killed or failed import rolls the drops back with its rows,
-- and a deferred constraint trigger refuses to commit a transaction that set something aside and did not restore it.
-- The application role owns nothing, so it does both through these two functions, which run as the owner, accept only
-- the tables an import writes, and set aside only while the docket is empty and the import lock is held.

create table import_set_aside (
    import_id  bigint  not null references import_run (id),
    position   integer not null,
    table_name text    not null,
    name       text    not null,
    kind       text    not null check (kind in ('INDEX', 'UNIQUE', 'FOREIGN KEY')),
    definition text    not null,
    primary key (import_id, position)
);
comment on table import_set_aside is
    'Constraints and indexes an import on an empty docket set aside and rebuilds before it commits (V149); always empty outside such an import''s transaction';
revoke all on import_set_aside from public;
revoke all on import_set_aside from caseops_app;

create function import_set_aside(p_import bigint, p_tables text[]) returns integer
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    docket constant text[] := array['eoir_case', 'proceeding', 'court_motion', 'appeal', 'court_application',
        'appeal_fed_court', 'lead_rider', 'juvenile_history', 'person', 'case_index'];
    r record;
    pos integer;
    n integer := 0;
begin
    if p_tables is null or not (p_tables <@ docket) then
        raise exception 'import_set_aside: only the tables an import writes (%)', array_to_string(docket, ', ')
            using errcode = 'insufficient_privilege';
    end if;
    -- the import lock (DocketImporter): held by this transaction, or taken now for the rest of it
    if not pg_try_advisory_xact_lock(hashtext('caseops.import')) then
        raise exception 'import_set_aside: another import is running' using errcode = 'lock_not_available';
    end if;
    if not exists (select 1 from import_run where id = p_import and finished_at is null) then
        raise exception 'import_set_aside: import % is not running', p_import
            using errcode = 'object_not_in_prerequisite_state';
    end if;
    if exists (select 1 from eoir_case) or exists (select 1 from person) or exists (select 1 from case_index) then
        raise exception 'import_set_aside: the docket is not empty (only a first import builds its constraints after its rows)'
            using errcode = 'object_not_in_prerequisite_state';
    end if;
    select coalesce(max(position), 0) into pos from import_set_aside where import_id = p_import;
    -- foreign keys of the tables (the importer's reference checks stand in for them until they are rebuilt)
    for r in select c.conname as name, c.conrelid::regclass::text as tbl, pg_get_constraintdef(c.oid) as def
             from pg_constraint c
             where c.contype = 'f' and c.conrelid::regclass::text = any(p_tables) order by 2, 1 loop
        pos := pos + 1;
        insert into import_set_aside values (p_import, pos, r.tbl, r.name, 'FOREIGN KEY',
            format('alter table %I add constraint %I %s', r.tbl, r.name, r.def));
        execute format('alter table %I drop constraint %I', r.tbl, r.name);
        n := n + 1;
    end loop;
    -- unique constraints no remaining foreign key depends on (the importer's duplicate checks stand in for them)
    for r in select c.conname as name, c.conrelid::regclass::text as tbl, pg_get_constraintdef(c.oid) as def
             from pg_constraint c
             where c.contype = 'u' and c.conrelid::regclass::text = any(p_tables)
               and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = c.conindid)
             order by 2, 1 loop
        pos := pos + 1;
        insert into import_set_aside values (p_import, pos, r.tbl, r.name, 'UNIQUE',
            format('alter table %I add constraint %I %s', r.tbl, r.name, r.def));
        execute format('alter table %I drop constraint %I', r.tbl, r.name);
        n := n + 1;
    end loop;
    -- indexes that belong to no constraint
    for r in select i.indexrelid::regclass::text as name, i.indrelid::regclass::text as tbl,
                    pg_get_indexdef(i.indexrelid) as def
             from pg_index i
             where i.indrelid::regclass::text = any(p_tables)
               and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
             order by 2, 1 loop
        pos := pos + 1;
        insert into import_set_aside values (p_import, pos, r.tbl, r.name, 'INDEX', r.def);
        execute format('drop index %I', r.name);
        n := n + 1;
    end loop;
    return n;
end
$$;

-- Rebuilds what import_set_aside set aside for the tables: indexes first, then unique constraints, then foreign keys
-- (each validated on the whole table in one pass).
create function import_restore(p_import bigint, p_tables text[]) returns integer
    language plpgsql security definer set search_path = public, pg_temp
    set maintenance_work_mem = '256MB' as $$
declare
    r record;
    n integer := 0;
begin
    for r in select * from import_set_aside where import_id = p_import and table_name = any(p_tables)
             order by case kind when 'INDEX' then 1 when 'UNIQUE' then 2 else 3 end, position loop
        execute r.definition;
        delete from import_set_aside where import_id = r.import_id and position = r.position;
        n := n + 1;
    end loop;
    return n;
end
$$;

-- At commit: nothing set aside may stay set aside.
create function import_set_aside_restored() returns trigger
    language plpgsql security definer set search_path = public, pg_temp as $$
begin
    if exists (select 1 from import_set_aside where import_id = new.import_id and position = new.position) then
        raise exception 'import %: % % on % was set aside and not rebuilt; the import cannot commit without it',
            new.import_id, lower(new.kind), new.name, new.table_name
            using errcode = 'integrity_constraint_violation';
    end if;
    return null;
end
$$;

create constraint trigger import_set_aside_restored after insert on import_set_aside
    deferrable initially deferred for each row execute function import_set_aside_restored();

revoke all on function import_set_aside(bigint, text[]) from public;
revoke all on function import_restore(bigint, text[]) from public;
revoke all on function import_set_aside_restored() from public;
grant execute on function import_set_aside(bigint, text[]) to caseops_app;
grant execute on function import_restore(bigint, text[]) to caseops_app;
