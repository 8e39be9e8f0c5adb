-- Worksite actions (issue 17, docs/worksite.md "Worksite actions"): planned with the operation's approval chain
-- (DRAFT -> LEGAL_REVIEW -> APPROVED -> ACTIVE -> CLOSED), each site resting on an approved WORKSITE_ACTION
-- nomination once a nomination policy is in force. Before anyone is detained the plan records the commitment to prosecute the employer (ICE worksite
-- enforcement strategy, 30 April 2009), local social services and schools notified with the time, and interpreters
-- and medical staff on the plan; the database refuses to launch without them. Every detained person is screened on
-- humanitarian grounds before any transfer (ICE humanitarian guidelines for worksite operations, 2007): sole caregiver,
-- both parents of a child detained, pregnant or nursing, medical needs, minors. Each child named gets a
-- child-welfare task, by a NOT NULL reference.

create table worksite_action (
    id                          bigserial primary key,
    name                        text not null check (length(trim(name)) between 1 and 200),
    field_office_code           text not null references field_office (code),
    action_date                 date not null,
    state                       text not null default 'DRAFT'
        check (state in ('DRAFT', 'LEGAL_REVIEW', 'APPROVED', 'ACTIVE', 'CLOSED', 'POSTPONED', 'CANCELLED')),
    prosecution_commitment      text check (length(trim(prosecution_commitment)) > 0),
    prosecution_recorded_at     timestamptz,
    social_services             text check (length(trim(social_services)) > 0),
    social_services_notified_at timestamptz,
    schools                     text check (length(trim(schools)) > 0),
    schools_notified_at         timestamptz,
    interpreters                integer check (interpreters >= 0),
    interpreter_languages       text,
    medical_staff               integer check (medical_staff >= 0),
    legal_cleared_by            text,
    legal_cleared_at            timestamptz,
    approved_by                 text,
    approved_at                 timestamptz,
    created_by                  text not null,
    created_at                  timestamptz not null default now(),
    version                     integer not null default 0,
    constraint worksite_action_prosecution check ((prosecution_commitment is null) = (prosecution_recorded_at is null)),
    constraint worksite_action_social_services check ((social_services is null) = (social_services_notified_at is null)),
    constraint worksite_action_schools check ((schools is null) = (schools_notified_at is null)),
    -- nobody is detained before all of it is on the record, counsel has cleared and the director approved
    constraint worksite_action_ready_to_launch check (state not in ('ACTIVE', 'CLOSED') or (
        prosecution_commitment is not null and social_services_notified_at is not null
        and schools_notified_at is not null and interpreters > 0 and medical_staff > 0
        and legal_cleared_by is not null and approved_by is not null))
);
create index worksite_action_office on worksite_action (field_office_code, action_date);

-- The sites of an action, each with the approved nomination it rests on (required from the first nomination
-- policy's date on, 2019-10-01: an action before it, such as August 2019's, had none to rest on)
create table worksite_action_site (
    action_id     bigint not null references worksite_action (id),
    site_id       bigint not null references employer_site (id),
    nomination_id bigint references nomination (id),
    primary key (action_id, site_id)
);

-- Each person detained at a site. The gate's verdict on the action's date is kept with the authority it gives: only an
-- EXECUTABLE final order is processed as one; a worker without one is processed under other authority (recorded as
-- such); a U.S. citizen or LPR has no authority at all and is released.
create table worksite_detainee (
    id                   bigserial primary key,
    action_id            bigint not null,
    site_id              bigint not null,
    a_number             text check (a_number ~ '^[0-9]{9}$'),
    family_name          text not null check (length(trim(family_name)) > 0),
    given_name           text not null check (length(trim(given_name)) > 0),
    birth_month          date check (extract(day from birth_month) = 1),
    nationality          text,
    gate_verdict         text not null,
    gate_label           text not null,
    authority            text not null check (authority in ('FINAL_ORDER', 'OTHER_AUTHORITY', 'NONE')),
    authority_basis      text not null check (length(trim(authority_basis)) > 0),
    citizen_or_lpr       boolean not null,
    detained_at          timestamptz not null default now(),
    detained_by          text not null,
    screened_at          timestamptz,
    screened_by          text,
    interpreter_language text,
    minor                boolean,
    sole_caregiver       boolean,
    pregnant_or_nursing  boolean,
    medical_needs        text,
    citizenship_claim    boolean,
    screening_notes      text,
    outcome              text check (outcome in ('RELEASED_HUMANITARIAN', 'RELEASED_OTHER', 'TRANSFERRED',
                                                 'HHS_REFERRAL')),
    outcome_reason       text,
    release_conditions   text,
    decided_at           timestamptz,
    decided_by           text,
    criminal_charge      text check (length(trim(criminal_charge)) > 0),
    charged_by           text,
    version              integer not null default 0,
    foreign key (action_id, site_id) references worksite_action_site (action_id, site_id),
    constraint worksite_detainee_final_order_is_executable check (authority <> 'FINAL_ORDER'
        or gate_verdict = 'EXECUTABLE'),
    constraint worksite_detainee_citizen_has_no_authority check (not citizen_or_lpr or authority = 'NONE'),
    constraint worksite_detainee_screening_whole check ((screened_at is null) = (screened_by is null)
        and (screened_at is null) = (minor is null) and (screened_at is null) = (sole_caregiver is null)
        and (screened_at is null) = (pregnant_or_nursing is null) and (screened_at is null) = (citizenship_claim is null)),
    -- nobody has an outcome unscreened, and every outcome has its reason and who decided
    constraint worksite_detainee_screened_before_outcome check (outcome is null or screened_at is not null),
    constraint worksite_detainee_outcome_whole check ((outcome is null) = (outcome_reason is null)
        and (outcome is null) = (decided_at is null) and (outcome is null) = (decided_by is null)),
    -- never transferred: a citizen, an LPR, a citizenship claim open, a minor, a sole caregiver of children
    constraint worksite_detainee_transfer_protected check (outcome is distinct from 'TRANSFERRED' or (
        authority <> 'NONE' and not citizen_or_lpr and not citizenship_claim and not minor and not sole_caregiver)),
    -- an unaccompanied minor is referred to HHS (8 U.S.C. 1232(b)(3)); an adult never is
    constraint worksite_detainee_hhs_only_minors check (outcome is distinct from 'HHS_REFERRAL' or minor)
);
create index worksite_detainee_action on worksite_detainee (action_id, site_id, id);
create unique index worksite_detainee_once_per_action on worksite_detainee (action_id, a_number)
    where a_number is not null;

-- The children the detained people name, each with its child-welfare task (due within hours)
create table worksite_child (
    id              bigserial primary key,
    action_id       bigint not null references worksite_action (id),
    name            text not null check (length(trim(name)) > 0),
    age             integer not null check (age between 0 and 17),
    location        text not null check (location in ('SCHOOL', 'HOME', 'CHILDCARE', 'WITH_RELATIVE', 'OTHER',
                                                      'UNKNOWN')),
    caregiver_name  text,
    welfare_task_id bigint not null unique references task (id),
    recorded_by     text not null,
    recorded_at     timestamptz not null default now()
);
create table worksite_child_parent (
    child_id    bigint not null references worksite_child (id),
    detainee_id bigint not null references worksite_detainee (id),
    primary key (child_id, detainee_id)
);
create index worksite_child_parent_detainee on worksite_child_parent (detainee_id);

-- An action closed or cancelled stays as it is; a launched one only closes (its preparations cannot be taken back).
create function worksite_action_guard() returns trigger language plpgsql as $$
begin
    if old.state in ('CLOSED', 'CANCELLED') then
        raise exception 'worksite action % is %: it stays as it is', old.id, old.state
            using errcode = 'check_violation';
    end if;
    if old.state = 'ACTIVE' and new.state not in ('ACTIVE', 'CLOSED') then
        raise exception 'worksite action % is ACTIVE: it can only be closed, not %', old.id, new.state
            using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger worksite_action_guard before update on worksite_action
    for each row execute function worksite_action_guard();

-- Detaining, screening and deciding happen only while the action is ACTIVE; an outcome once decided stays decided.
create function worksite_detainee_guard() returns trigger language plpgsql as $$
declare
    action_state text;
begin
    select state into action_state from worksite_action where id = new.action_id for share;
    if tg_op = 'INSERT' then
        if action_state is distinct from 'ACTIVE' then
            raise exception 'worksite action % is %: people are detained only while it is active', new.action_id,
                coalesce(action_state, 'missing') using errcode = 'check_violation';
        end if;
        return new;
    end if;
    if old.outcome is not null and (new.outcome is distinct from old.outcome
            or new.outcome_reason is distinct from old.outcome_reason) then
        raise exception 'detainee % was % already; an outcome is decided once', old.id, old.outcome
            using errcode = 'check_violation';
    end if;
    if old.screened_at is not null and (new.screened_at is distinct from old.screened_at
            or new.sole_caregiver is distinct from old.sole_caregiver or new.minor is distinct from old.minor
            or new.citizenship_claim is distinct from old.citizenship_claim) then
        raise exception 'detainee % was screened already; a screening is recorded once', old.id
            using errcode = 'check_violation';
    end if;
    if new.outcome is not null and old.outcome is null and action_state is distinct from 'ACTIVE' then
        raise exception 'worksite action % is %: outcomes are decided while it is active', new.action_id,
            action_state using errcode = 'check_violation';
    end if;
    -- both parents of a child are never both transferred: a transaction-scoped lock per child named is taken first
    -- (in the children's order), so that two transfers at once are decided one after the other, the second seeing
    -- the first (the application may not lock the rows themselves: it has no UPDATE on them)
    if new.outcome = 'TRANSFERRED' and old.outcome is null then
        perform pg_advisory_xact_lock(hashtext('caseops.worksite_child'), (p.child_id % 2147483647)::int)
            from (select child_id from worksite_child_parent where detainee_id = new.id order by child_id) p;
        if exists (select 1 from worksite_child_parent mine
                   join worksite_child_parent other on other.child_id = mine.child_id
                                                   and other.detainee_id <> mine.detainee_id
                   join worksite_detainee d on d.id = other.detainee_id
                   where mine.detainee_id = new.id and d.outcome = 'TRANSFERRED') then
            raise exception 'detainee %: the other parent of a child they named is transferred already; both '
                'parents of a child are never both transferred (one is released)', new.id
                using errcode = 'check_violation';
        end if;
    end if;
    return new;
end $$;
create trigger worksite_detainee_guard before insert or update on worksite_detainee
    for each row execute function worksite_detainee_guard();

-- A child is named by a parent who has no outcome yet (at screening); the link is history.
create function worksite_child_parent_guard() returns trigger language plpgsql as $$
begin
    if exists (select 1 from worksite_detainee where id = new.detainee_id and outcome is not null) then
        raise exception 'detainee % has an outcome already; children are named at screening, before it',
            new.detainee_id using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger worksite_child_parent_guard before insert on worksite_child_parent
    for each row execute function worksite_child_parent_guard();

-- The worksite timeline takes the actions too
alter table worksite_event drop constraint worksite_event_subject_type_check;
alter table worksite_event add constraint worksite_event_subject_type_check
    check (subject_type in ('EMPLOYER', 'NOMINATION', 'INSPECTION', 'POLICY', 'ACTION'));

-- What happened is history: the children named and who named them are added, never changed or removed
revoke update, delete, truncate on worksite_child, worksite_child_parent from caseops_app;
grant select, insert on worksite_child, worksite_child_parent to caseops_app;
-- an action, its sites (while it is a draft) and its detainees move through their states
revoke truncate on worksite_action, worksite_action_site, worksite_detainee from caseops_app;
grant select, insert, update on worksite_action, worksite_detainee to caseops_app;
grant select, insert, update, delete on worksite_action_site to caseops_app;
revoke delete on worksite_action, worksite_detainee from caseops_app;
