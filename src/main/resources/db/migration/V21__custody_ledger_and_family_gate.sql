-- Custody (docs/custody.md): where each person is, as a ledger, and the family gate held by the database itself.
--
-- custody_status is the current state of a person who has been encountered; every change to it is copied into
-- custody_event by a trigger, whoever makes it (the application or a direct SQL statement). Two deferred constraint
-- triggers check each family at commit:
--   * no partial family moved: when a member is TRANSPORTED (or REMOVED) in a transaction, no member of the family
--     may still be held (IN_CUSTODY, STAGED; for removal also TRANSPORTED) at commit, and all who moved in that
--     transaction came from the same staging site and went to the same destination;
--   * no minor without a caregiver: while any member of a family is held, every minor of the family is held at the
--     same place as an adult of the family, or has an open caregiver record.

-- The members of a family unit (by its lead case): its cases' people and its household members, by index. The same
-- rule as the family_member view, without computing the view for every person.
create or replace function family_people(f bigint) returns table (person_id bigint, birth_date date)
    language sql stable as $$
    select p.id, p.birth_date from case_index ci join person p on p.idncase = ci.idncase where ci.family_id = f
    union
    select p.id, p.birth_date from person p where p.household_of = f and p.idncase is null
$$;

create table custody_status (
    person_id      bigint primary key references person (id),
    family_id      bigint not null,
    state          text not null check (state in ('AT_LARGE', 'IN_CUSTODY', 'STAGED', 'TRANSPORTED', 'REMOVED',
                                                  'RELEASED')),
    site           text,
    destination    text,
    release_reason text check (release_reason in ('ATD', 'ORDER_OF_SUPERVISION', 'HUMANITARIAN', 'OTHER')),
    since          timestamptz not null default now(),
    changed_by     text not null,
    operation_id   bigint,
    note           text,
    version        integer not null default 0,
    check ((state in ('IN_CUSTODY', 'STAGED')) = (site is not null)),
    check (state <> 'TRANSPORTED' or destination is not null),
    check ((state = 'RELEASED') = (release_reason is not null))
);
create index custody_status_family on custody_status (family_id);
create index custody_status_held on custody_status (state) where state in ('IN_CUSTODY', 'STAGED', 'TRANSPORTED');

-- The ledger: one row per change, written by the trigger below. txid ties together what moved in one transaction.
create table custody_event (
    id             bigserial primary key,
    person_id      bigint not null references person (id),
    family_id      bigint not null,
    from_state     text,
    to_state       text not null,
    site_before    text,
    site           text,
    destination    text,
    release_reason text,
    occurred_at    timestamptz not null,
    recorded_at    timestamptz not null default clock_timestamp(),
    changed_by     text not null,
    operation_id   bigint,
    note           text,
    txid           bigint not null default txid_current()
);
create index custody_event_person on custody_event (person_id, id);
create index custody_event_family on custody_event (family_id, txid);

-- Who cares for a minor who is not with a parent in custody; ended_at closes it (the child reunited, in care ended).
create table minor_caregiver (
    id             bigserial primary key,
    person_id      bigint not null references person (id),
    family_id      bigint not null,
    caregiver_name text not null check (length(trim(caregiver_name)) > 0),
    relationship   text not null,
    contact        text,
    location       text check (location in ('HOME', 'SCHOOL', 'DAY_CARE', 'CAMP', 'FRIEND', 'RELATIVE', 'OTHER')),
    recorded_by    text not null,
    recorded_at    timestamptz not null default now(),
    ended_at       timestamptz,
    ended_by       text
);
create index minor_caregiver_person on minor_caregiver (person_id) where ended_at is null;

create or replace function custody_write_ledger() returns trigger language plpgsql as $$
begin
    insert into custody_event (person_id, family_id, from_state, to_state, site_before, site, destination,
                               release_reason, occurred_at, changed_by, operation_id, note)
    values (new.person_id, new.family_id, case when tg_op = 'UPDATE' then old.state end, new.state,
            case when tg_op = 'UPDATE' then old.site end, new.site, new.destination, new.release_reason, new.since,
            new.changed_by, new.operation_id, new.note);
    return null;
end
$$;
create trigger custody_ledger after insert or update on custody_status
    for each row execute function custody_write_ledger();

-- No partial family moved (checked at commit, for every member moved in the transaction).
create or replace function custody_check_move() returns trigger language plpgsql as $$
declare
    held text[];
    sites int;
    destinations int;
begin
    if new.state not in ('TRANSPORTED', 'REMOVED') then
        return null;
    end if;
    held := case when new.state = 'REMOVED' then array ['IN_CUSTODY', 'STAGED', 'TRANSPORTED']
                 else array ['IN_CUSTODY', 'STAGED'] end;
    if exists (select 1 from custody_status s where s.family_id = new.family_id and s.state = any (held)) then
        raise exception 'family gate: % of family % would move (%) while members of the family are still held',
            new.person_id, new.family_id, new.state
            using errcode = 'check_violation', hint = 'move the whole family in one transaction';
    end if;
    if new.state = 'TRANSPORTED' then
        select count(distinct coalesce(site_before, '')), count(distinct destination) into sites, destinations
        from custody_event e
        where e.family_id = new.family_id and e.txid = txid_current() and e.to_state = 'TRANSPORTED';
        if sites > 1 or destinations > 1 or exists (
                select 1 from custody_event e where e.family_id = new.family_id and e.txid = txid_current()
                and e.to_state = 'TRANSPORTED' and e.from_state is distinct from 'STAGED') then
            raise exception 'family gate: family % must be transported together, from one staging site to one '
                'destination', new.family_id using errcode = 'check_violation';
        end if;
    end if;
    return null;
end
$$;
create constraint trigger custody_family_moves_together after insert or update on custody_status
    deferrable initially deferred for each row execute function custody_check_move();

-- No minor without a caregiver while any member of the family is held (checked at commit, per family touched).
-- Minority is judged as of the day of the custody change (a simulated or back-recorded day counts as that day).
create or replace function custody_check_minors(f bigint, asof date) returns void language plpgsql as $$
declare
    orphan bigint;
begin
    if not exists (select 1 from custody_status s where s.family_id = f
                   and s.state in ('IN_CUSTODY', 'STAGED', 'TRANSPORTED')) then
        return;
    end if;
    select m.person_id into orphan
    from family_people(f) m
    left join custody_status ms on ms.person_id = m.person_id
    where m.birth_date > asof - interval '18 years'
      and not exists (select 1 from minor_caregiver c where c.person_id = m.person_id and c.ended_at is null)
      and not (ms.state in ('IN_CUSTODY', 'STAGED', 'TRANSPORTED') and exists (
              select 1 from family_people(f) a join custody_status s on s.person_id = a.person_id
              where a.birth_date <= asof - interval '18 years' and s.state = ms.state
                and coalesce(s.site, s.destination) = coalesce(ms.site, ms.destination)))
    limit 1;
    if orphan is not null then
        raise exception 'family gate: minor % of family % would be without a parent or a recorded caregiver', orphan, f
            using errcode = 'check_violation', hint = 'record the caregiver first, or keep the child with a parent';
    end if;
end
$$;

create or replace function custody_check_minors_on_status() returns trigger language plpgsql as $$
begin
    perform custody_check_minors(new.family_id, new.since::date);
    return null;
end
$$;
create constraint trigger custody_minors_cared_for after insert or update on custody_status
    deferrable initially deferred for each row execute function custody_check_minors_on_status();

create or replace function custody_check_minors_on_caregiver() returns trigger language plpgsql as $$
begin
    perform custody_check_minors(f, coalesce((select max(s.since) from custody_status s where s.family_id = f),
                                             now())::date)
    from (select case when tg_op = 'DELETE' then old.family_id else new.family_id end as f) x;
    return null;
end
$$;
create constraint trigger custody_caregiver_kept after insert or update or delete on minor_caregiver
    deferrable initially deferred for each row execute function custody_check_minors_on_caregiver();

-- The ledger is history: the application appends to it and never edits it.
revoke update, delete, truncate on custody_event from caseops_app;
