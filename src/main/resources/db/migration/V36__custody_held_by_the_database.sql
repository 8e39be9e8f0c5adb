-- Custody held whole by the database (docs/custody.md), against any SQL statement the application's role can run,
-- and against the owner's casual edits:
--   * each state move checked against the transition table (CustodyState's table: CustodyStateTest proves them equal);
--   * a person's family derived from the docket (lead/rider, household) and frozen on the custody row and on the
--     caregiver record: a supplied family that differs is refused, and a row never moves to another family;
--   * a change dated in the future (beyond five minutes of clock skew) is refused: minority is judged as of the day of
--     the change, so a future date would make children count as adults;
--   * custody_status and minor_caregiver rows are never deleted or truncated (a person leaves custody by a release or
--     a removal; a caregiver record is ended), the ledger never changed, deleted or truncated — by anyone;
--   * a minor held is with an adult of the family held at the same place; a caregiver record does not make it lawful
--     to hold a child alone; a minor not held has an open caregiver record (while anyone of the family is held).
-- Every function here names its search path, so that a temporary table cannot stand in for a real one.

create table custody_transition (
    from_state text not null,
    to_state   text not null,
    primary key (from_state, to_state)
);
insert into custody_transition (from_state, to_state) values
    ('AT_LARGE', 'IN_CUSTODY'),
    ('IN_CUSTODY', 'STAGED'), ('IN_CUSTODY', 'RELEASED'),
    ('STAGED', 'TRANSPORTED'), ('STAGED', 'RELEASED'),
    ('TRANSPORTED', 'REMOVED'),
    ('RELEASED', 'IN_CUSTODY');
revoke insert, update, delete, truncate on custody_transition from caseops_app;
grant select on custody_transition to caseops_app;

-- A person's family unit (its lead case), as the family_member view derives it; null when there is no such person.
create or replace function person_family(p bigint) returns bigint
    language sql stable set search_path = pg_catalog, public, pg_temp as $$
    select family_id from family_member where person_id = p
$$;

create or replace function custody_status_guard() returns trigger
    language plpgsql set search_path = pg_catalog, public, pg_temp as $$
declare
    before_state text := case when tg_op = 'UPDATE' then old.state else 'AT_LARGE' end;
    derived      bigint;
begin
    if tg_op = 'UPDATE' then
        if new.person_id <> old.person_id then
            raise exception 'custody: a custody row stays with its person (% cannot become %)', old.person_id,
                new.person_id using errcode = 'check_violation';
        end if;
        if new.family_id is distinct from old.family_id then
            raise exception 'custody: person % is of family %, frozen on the custody row; it cannot move to family %',
                old.person_id, old.family_id, new.family_id using errcode = 'check_violation';
        end if;
    else
        derived := person_family(new.person_id);
        if derived is null then
            raise exception 'custody: no person %', new.person_id using errcode = 'foreign_key_violation';
        end if;
        if new.family_id is not null and new.family_id <> derived then
            raise exception 'custody: person % is of family % (derived from the docket), not %', new.person_id,
                derived, new.family_id using errcode = 'check_violation';
        end if;
        new.family_id := derived;
    end if;
    if new.state = before_state then
        if tg_op = 'INSERT' or new.state not in ('IN_CUSTODY', 'STAGED') then
            raise exception 'custody: person % is already %', new.person_id, new.state
                using errcode = 'check_violation';
        end if;
    elsif not exists (select 1 from custody_transition t where t.from_state = before_state
                      and t.to_state = new.state) then
        raise exception 'custody: person % cannot go from % to % (allowed from %: %)', new.person_id, before_state,
            new.state, before_state, coalesce((select string_agg(t.to_state, ', ' order by t.to_state)
                                               from custody_transition t where t.from_state = before_state), 'none')
            using errcode = 'check_violation';
    end if;
    if new.since > clock_timestamp() + interval '5 minutes' then
        raise exception 'custody: the change of person % is dated %, in the future; a custody change is recorded '
            'once it has happened', new.person_id, new.since using errcode = 'check_violation';
    end if;
    new.version := case when tg_op = 'UPDATE' then old.version + 1 else 0 end;
    return new;
end
$$;
create trigger custody_status_guard before insert or update on custody_status
    for each row execute function custody_status_guard();

create or replace function custody_refuse_erasure() returns trigger
    language plpgsql set search_path = pg_catalog, public, pg_temp as $$
begin
    raise exception 'custody: % on % refused: custody is history (a person leaves custody by a release or a '
        'removal, a caregiver record is ended, the ledger is only appended to)', tg_op, tg_table_name
        using errcode = 'restrict_violation';
end
$$;
create trigger custody_status_kept before delete on custody_status
    for each row execute function custody_refuse_erasure();
create trigger custody_status_not_truncated before truncate on custody_status
    for each statement execute function custody_refuse_erasure();
create trigger custody_event_append_only before update or delete on custody_event
    for each row execute function custody_refuse_erasure();
create trigger custody_event_not_truncated before truncate on custody_event
    for each statement execute function custody_refuse_erasure();
create trigger minor_caregiver_kept before delete on minor_caregiver
    for each row execute function custody_refuse_erasure();
create trigger minor_caregiver_not_truncated before truncate on minor_caregiver
    for each statement execute function custody_refuse_erasure();
revoke delete, truncate on custody_status, minor_caregiver from caseops_app;

-- A caregiver record: the family derived and frozen; once written, only ended (once).
create or replace function minor_caregiver_guard() returns trigger
    language plpgsql set search_path = pg_catalog, public, pg_temp as $$
declare
    derived bigint;
begin
    if tg_op = 'INSERT' then
        derived := person_family(new.person_id);
        if derived is null then
            raise exception 'custody: no person %', new.person_id using errcode = 'foreign_key_violation';
        end if;
        if new.family_id is not null and new.family_id <> derived then
            raise exception 'custody: person % is of family % (derived from the docket), not %', new.person_id,
                derived, new.family_id using errcode = 'check_violation';
        end if;
        if new.ended_at is not null then
            raise exception 'custody: a caregiver record is written open and ended later'
                using errcode = 'check_violation';
        end if;
        new.family_id := derived;
        new.recorded_at := now();
        return new;
    end if;
    if old.ended_at is not null or new.ended_at is null or new.ended_by is null
       or (new.id, new.person_id, new.family_id, new.caregiver_name, new.relationship, new.contact, new.location,
           new.recorded_by, new.recorded_at)
          is distinct from (old.id, old.person_id, old.family_id, old.caregiver_name, old.relationship, old.contact,
                            old.location, old.recorded_by, old.recorded_at) then
        raise exception 'custody: caregiver record % can only be ended, once (record a new one to change it)', old.id
            using errcode = 'check_violation';
    end if;
    return new;
end
$$;
create trigger minor_caregiver_guard before insert or update on minor_caregiver
    for each row execute function minor_caregiver_guard();

-- The ledger is written by this trigger only, as the owner (the application may not insert into it).
create or replace function custody_write_ledger() returns trigger
    language plpgsql security definer set search_path = pg_catalog, public, pg_temp as $$
begin
    insert into custody_event (person_id, family_id, from_state, to_state, site_before, site, destination,
                               release_reason, occurred_at, changed_by, operation_id, note)
    values (new.person_id, new.family_id, case when tg_op = 'UPDATE' then old.state end, new.state,
            case when tg_op = 'UPDATE' then old.site end, new.site, new.destination, new.release_reason, new.since,
            new.changed_by, new.operation_id, new.note);
    return null;
end
$$;

-- The family gate's functions again, with their search path named (same rules as V21 for moves).
alter function family_people(bigint) set search_path = pg_catalog, public, pg_temp;
alter function custody_check_move() set search_path = pg_catalog, public, pg_temp;
alter function custody_check_minors_on_status() set search_path = pg_catalog, public, pg_temp;
alter function custody_check_minors_on_caregiver() set search_path = pg_catalog, public, pg_temp;

-- No minor alone: a minor held is with an adult of the family held at the same place (a caregiver record does not
-- count: it is for a child who is not held); a minor not held has an open caregiver record.
create or replace function custody_check_minors(f bigint, asof date) returns void
    language plpgsql set search_path = pg_catalog, public, pg_temp as $$
declare
    child bigint;
begin
    if not exists (select 1 from custody_status s where s.family_id = f
                   and s.state in ('IN_CUSTODY', 'STAGED', 'TRANSPORTED')) then
        return;
    end if;
    select m.person_id into child
    from family_people(f) m join custody_status ms on ms.person_id = m.person_id
    where m.birth_date > asof - interval '18 years'
      and ms.state in ('IN_CUSTODY', 'STAGED', 'TRANSPORTED')
      and not exists (select 1 from family_people(f) a join custody_status s on s.person_id = a.person_id
                      where a.birth_date <= asof - interval '18 years' and s.state = ms.state
                        and coalesce(s.site, s.destination) = coalesce(ms.site, ms.destination))
    order by m.person_id limit 1;
    if child is not null then
        raise exception 'family gate: minor % of family % would be held without a parent or an adult of the family '
            'at the same place; a caregiver record does not make it lawful to hold a child alone', child, f
            using errcode = 'check_violation',
                  hint = 'keep a parent with the child, or release the child to the recorded caregiver';
    end if;
    select m.person_id into child
    from family_people(f) m left join custody_status ms on ms.person_id = m.person_id
    where m.birth_date > asof - interval '18 years'
      and (ms.state is null or ms.state not in ('IN_CUSTODY', 'STAGED', 'TRANSPORTED'))
      and not exists (select 1 from minor_caregiver c where c.person_id = m.person_id and c.ended_at is null)
    order by m.person_id limit 1;
    if child is not null then
        raise exception 'family gate: minor % of family % would be without a parent or a recorded caregiver', child, f
            using errcode = 'check_violation', hint = 'record the caregiver first, or keep the child with a parent';
    end if;
end
$$;
