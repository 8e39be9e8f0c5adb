-- Voluntary departure under supervision, and the removal of a family (issue 16, docs/removal.md).
--
-- voluntary_departure: a grant the legal gate reads (from the docket, or the deadline recorded in departure_deadline),
-- its bond (due within 5 business days of the order, 8 CFR 1240.26(c)(3)(i)), the proof of departure that closes the
-- case, or the overstay that opens a task. The period itself is the gate's: this table keeps the last day the gate
-- found when the grant was recorded, for the desk; the gate never reads this table.
create table voluntary_departure (
    id                    bigserial primary key,
    person_id             bigint not null references person (id),
    a_number              text not null,
    idncase               bigint not null,
    family_id             bigint not null,
    field_office_code     text not null,
    granted_on            date not null,
    last_day              date not null,
    -- how the gate found the last day (a docket grant, or the recorded deadline and its citation)
    period_source         text not null check (length(period_source) between 3 and 1000),
    departure_deadline_id bigint references departure_deadline (id),
    bond_amount           numeric(10, 2) not null check (bond_amount >= 500),
    bond_due              date not null,
    bond_posted_on        date,
    bond_reference        text check (length(bond_reference) <= 200),
    status                text not null default 'GRANTED'
                          check (status in ('GRANTED', 'OVERSTAYED', 'DEPARTED')),
    overstayed_on         date,
    verdict_on_overstay   text,
    overstay_task_id      bigint,
    departed_on           date,
    proof_kind            text check (proof_kind in ('CONSULATE_VERIFICATION', 'TRAVEL_RECORD')),
    proof_reference       text check (length(proof_reference) between 3 and 500),
    departure_port        text check (length(departure_port) <= 200),
    created_by            text not null,
    created_at            timestamptz not null default now(),
    version               int not null default 0,
    check (last_day >= granted_on),
    check (bond_due > granted_on),
    check ((bond_posted_on is null) = (bond_reference is null)),
    check ((status = 'DEPARTED') = (departed_on is not null and proof_kind is not null and proof_reference is not null)),
    check (status <> 'OVERSTAYED' or overstayed_on is not null)
);
-- one grant still running (granted or overstayed) per person
create unique index voluntary_departure_one_open on voluntary_departure (person_id) where status <> 'DEPARTED';
create index voluntary_departure_due on voluntary_departure (field_office_code, last_day) where status = 'GRANTED';

revoke delete, truncate on voluntary_departure from caseops_app;
grant select, insert, update on voluntary_departure to caseops_app;

-- removal: a family's removal, from the travel documents asked of the consulate to the departure verified.
-- removal_member: who travels. Every member of the family with a removal case of their own (not a U.S. citizen, not
-- an LPR) travels in it as REMOVED; a household member without a case (often a U.S.-citizen child) may travel with the
-- family as ACCOMPANYING, by the family's choice, and is never removed.
create table removal (
    id                 bigserial primary key,
    family_id          bigint not null,
    field_office_code  text not null,
    country            text not null check (length(country) between 2 and 100),
    consulate          text not null check (length(consulate) between 3 and 200),
    requested_on       date not null,
    status             text not null default 'REQUESTED'
                       check (status in ('REQUESTED', 'SCHEDULED', 'DEPARTED', 'CANCELLED')),
    itinerary_mode     text check (itinerary_mode in ('COMMERCIAL', 'CHARTER')),
    itinerary_date     date,
    itinerary_port     text check (length(itinerary_port) <= 200),
    itinerary_reference text check (length(itinerary_reference) <= 200),
    departed_on        date,
    departure_port     text check (length(departure_port) <= 200),
    escort             text check (length(escort) <= 500),
    verified_by        text,
    cancel_reason      text check (length(cancel_reason) <= 2000),
    created_by         text not null,
    created_at         timestamptz not null default now(),
    version            int not null default 0,
    check ((itinerary_mode is null) = (itinerary_date is null)),
    check (status not in ('SCHEDULED', 'DEPARTED') or itinerary_mode is not null),
    check ((status = 'DEPARTED') = (departed_on is not null and departure_port is not null and escort is not null
                                    and verified_by is not null)),
    check ((status = 'CANCELLED') = (cancel_reason is not null))
);
create unique index removal_one_open on removal (family_id) where status in ('REQUESTED', 'SCHEDULED');

create table removal_member (
    removal_id         bigint not null references removal (id),
    person_id          bigint not null references person (id),
    a_number           text,
    role               text not null check (role in ('REMOVED', 'ACCOMPANYING')),
    document_status    text not null default 'REQUESTED' check (document_status in ('REQUESTED', 'ISSUED', 'REFUSED')),
    document_on        date,
    document_reference text check (length(document_reference) <= 200),
    primary key (removal_id, person_id)
);

-- The removal's own rules, row by row: the transition table, a removed member is someone with a case of their own who
-- is neither a U.S. citizen nor an LPR, and the members are fixed once the removal is scheduled.
create function removal_guard() returns trigger
    language plpgsql set search_path = pg_catalog, public, pg_temp as $$
begin
    if tg_op = 'UPDATE' then
        if new.family_id <> old.family_id then
            raise exception 'removal: removal % stays with family %', old.id, old.family_id
                using errcode = 'check_violation';
        end if;
        if new.status <> old.status and not (
                (old.status = 'REQUESTED' and new.status in ('SCHEDULED', 'CANCELLED'))
                or (old.status = 'SCHEDULED' and new.status in ('DEPARTED', 'CANCELLED'))) then
            raise exception 'removal: removal % cannot go from % to %', old.id, old.status, new.status
                using errcode = 'check_violation';
        end if;
        if old.status in ('DEPARTED', 'CANCELLED') then
            raise exception 'removal: removal % is %, final', old.id, old.status using errcode = 'check_violation';
        end if;
    elsif new.status <> 'REQUESTED' then
        raise exception 'removal: a removal starts with its request for travel documents'
            using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger removal_guard before insert or update on removal for each row execute function removal_guard();

create function removal_member_guard() returns trigger
    language plpgsql set search_path = pg_catalog, public, pg_temp as $$
declare
    r removal;
    p person;
begin
    select * into r from removal where id = coalesce(new.removal_id, old.removal_id);
    if tg_op = 'DELETE' then
        raise exception 'family gate: the members of removal % are fixed; cancel the removal instead', old.removal_id
            using errcode = 'restrict_violation';
    end if;
    if tg_op = 'UPDATE' and (new.removal_id <> old.removal_id or new.person_id <> old.person_id
                             or new.role <> old.role) then
        raise exception 'family gate: the members of removal % are fixed', old.removal_id
            using errcode = 'check_violation';
    end if;
    if tg_op = 'INSERT' and r.status <> 'REQUESTED' then
        raise exception 'family gate: removal % is %: nobody joins it now', r.id, r.status
            using errcode = 'check_violation';
    end if;
    if tg_op = 'UPDATE' and r.status in ('DEPARTED', 'CANCELLED') then
        raise exception 'removal: removal % is %, final', r.id, r.status using errcode = 'check_violation';
    end if;
    select * into p from person where id = new.person_id;
    if person_family(new.person_id) is distinct from r.family_id then
        raise exception 'family gate: person % is not of family %', new.person_id, r.family_id
            using errcode = 'check_violation';
    end if;
    if new.role = 'REMOVED' and (p.idncase is null or p.us_citizen or p.lpr) then
        raise exception 'removal: person % has no removal case of their own or is a U.S. citizen or LPR: never '
            'removed (at most accompanying the family)', new.person_id using errcode = 'check_violation';
    end if;
    new.a_number := p.a_number;
    return new;
end $$;
create trigger removal_member_guard before insert or update or delete on removal_member
    for each row execute function removal_member_guard();

-- A family leaves together or not at all (DESIGN invariant 4), checked at commit for every removal touched, whoever
-- writes: a removal not cancelled holds every member of the family with a removal case of their own; once departed,
-- every member travelled on an issued travel document, each minor who travelled did so with an adult of the family,
-- and each minor of the family who stayed has an open caregiver record.
create function removal_check_family(rid bigint) returns void
    language plpgsql set search_path = pg_catalog, public, pg_temp as $$
declare
    r removal;
    missing bigint;
begin
    select * into r from removal where id = rid;
    if r.id is null or r.status = 'CANCELLED' then
        return;
    end if;
    select m.person_id into missing
    from family_people(r.family_id) m join person p on p.id = m.person_id
    where p.idncase is not null and not p.us_citizen and not p.lpr
      and not exists (select 1 from removal_member x where x.removal_id = rid and x.person_id = m.person_id
                      and x.role = 'REMOVED')
    limit 1;
    if missing is not null then
        raise exception 'family gate: person % of family % is not in removal %: a family leaves together or not at all',
            missing, r.family_id, rid using errcode = 'check_violation',
            hint = 'every member with a removal case of their own travels in the same removal';
    end if;
    if r.status <> 'DEPARTED' then
        return;
    end if;
    select x.person_id into missing from removal_member x
    where x.removal_id = rid and x.document_status <> 'ISSUED' limit 1;
    if missing is not null then
        raise exception 'removal: person % of removal % has no travel document issued', missing, rid
            using errcode = 'check_violation';
    end if;
    select x.person_id into missing
    from removal_member x join family_people(r.family_id) m on m.person_id = x.person_id
    where x.removal_id = rid and m.birth_date > r.departed_on - interval '18 years'
      and not exists (select 1 from removal_member y join family_people(r.family_id) a on a.person_id = y.person_id
                      where y.removal_id = rid and a.birth_date <= r.departed_on - interval '18 years')
    limit 1;
    if missing is not null then
        raise exception 'family gate: minor % would travel in removal % without an adult of the family', missing, rid
            using errcode = 'check_violation';
    end if;
    select m.person_id into missing
    from family_people(r.family_id) m
    where m.birth_date > r.departed_on - interval '18 years'
      and not exists (select 1 from removal_member x where x.removal_id = rid and x.person_id = m.person_id)
      and not exists (select 1 from minor_caregiver c where c.person_id = m.person_id and c.ended_at is null)
    limit 1;
    if missing is not null then
        raise exception 'family gate: minor % of family % would stay behind without a recorded caregiver', missing,
            r.family_id using errcode = 'check_violation',
            hint = 'the child travels with the family, or their caregiver is recorded first';
    end if;
end $$;

create function removal_check_on_removal() returns trigger
    language plpgsql set search_path = pg_catalog, public, pg_temp as $$
begin
    perform removal_check_family(new.id);
    return null;
end $$;
create constraint trigger removal_family_together after insert or update on removal
    deferrable initially deferred for each row execute function removal_check_on_removal();

create function removal_check_on_member() returns trigger
    language plpgsql set search_path = pg_catalog, public, pg_temp as $$
begin
    perform removal_check_family(new.removal_id);
    return null;
end $$;
create constraint trigger removal_member_family_together after insert or update on removal_member
    deferrable initially deferred for each row execute function removal_check_on_member();

revoke delete, truncate on removal, removal_member from caseops_app;
grant select, insert, update on removal to caseops_app;
grant select, insert on removal_member to caseops_app;
revoke update on removal_member from caseops_app;
grant update (document_status, document_on, document_reference) on removal_member to caseops_app;

alter table task drop constraint task_type_check;
alter table task add constraint task_type_check check (type in ('CHILD_WELFARE_CHECK', 'COLLATERAL_REVIEW',
    'CUSTODY_ESCALATION', 'CUSTODY_REVIEW', 'LEGAL_REVIEW', 'GENERAL', 'ADDRESS_VERIFICATION', 'CALL_IN_FOLLOW_UP',
    'SUPERVISION_FOLLOW_UP', 'DEPARTURE_OVERSTAY', 'STAY_DECISION'));
