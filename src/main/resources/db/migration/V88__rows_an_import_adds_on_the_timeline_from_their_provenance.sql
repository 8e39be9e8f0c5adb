-- An import no longer writes a CASE_ADDED or PERSON_ADDED event row for each case and person it adds (issue 12, goal 3;
-- docs/adr/007-import-at-copy-speed.md): the row's provenance (import_id, the import that added it) already says it,
-- and the timeline shows it from there through case_timeline. Imports before this migration wrote the rows
-- (import_run.added_events = true) and keep them; imports from now on do not (the column's default becomes false).
-- Changes (<TABLE>_UPDATED) and rows added to a case CaseOps already had (PROCEEDING_ADDED, ...) keep their events.
alter table import_run add column added_events boolean not null default true;
alter table import_run alter column added_events set default false;
-- The newest case_event id when the import started: its added rows sort after the events written before it and before
-- the events it writes itself (ids above it), as their event rows did.
alter table import_run add column event_floor bigint;

-- The timeline of cases and people: every case_event row, plus one CASE_ADDED per case and one PERSON_ADDED per person
-- added by an import that wrote no such row, with the summary, actor, import and time that row would have had.
-- seq and sub order it as case_event ids did; id is null for the rows made from provenance.
create view case_timeline as
select e.id, e.id as seq, 0 as sub, e.occurred_at, e.idncase, e.person_id, e.family_id, e.kind, e.actor,
       e.import_id, e.summary, e.before, e.after
from case_event e
union all
select null::bigint, coalesce(r.event_floor, 0), 1, r.started_at, c.idncase, null::bigint, null::bigint, 'CASE_ADDED',
       r.actor, r.id, 'A_TblCase ' || c.idncase || ' added by import ' || r.id, null::jsonb, null::jsonb
from eoir_case c join import_run r on r.id = c.import_id
where not r.added_events
union all
select null::bigint, coalesce(r.event_floor, 0), 2, r.started_at, p.idncase, p.id, null::bigint, 'PERSON_ADDED',
       r.actor, r.id, 'persons ' || p.person_key || ' added by import ' || r.id, null::jsonb, null::jsonb
from person p join import_run r on r.id = p.import_id
where not r.added_events;

grant select on case_timeline to caseops_app;

-- Provenance is history now: a row's import_id may not change once written (the application role may still write the
-- row's other columns, as an import's updates do).
create function provenance_is_kept() returns trigger
    language plpgsql as $$
begin
    if new.import_id is distinct from old.import_id then
        raise exception '%.import_id is the import that added the row and does not change', tg_table_name
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end
$$;

create trigger eoir_case_provenance_kept before update of import_id on eoir_case
    for each row execute function provenance_is_kept();
create trigger person_provenance_kept before update of import_id on person
    for each row execute function provenance_is_kept();
