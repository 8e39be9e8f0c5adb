-- Access (docs/access.md): users with one role each, hashed personal access and session tokens, partner agencies
-- with data-sharing agreements, local cooperation policy per jurisdiction, and case notes.

-- A partner agency, e.g. a city police department. What it may see is in its agreements, never on its users.
create table partner_agency (
    id           bigserial primary key,
    name         text not null unique check (length(trim(name)) > 0),
    kind         text not null check (kind in ('POLICE', 'SHERIFF', 'STATE_AGENCY', 'FEDERAL_AGENCY', 'OTHER')),
    jurisdiction text,
    created_at   timestamptz not null default now()
);

create table app_user (
    id                bigserial primary key,
    username          text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    display_name      text,
    -- BCrypt; null for users who sign in only through the OIDC provider
    password_hash     text,
    role              text not null check (role in ('OFFICER', 'SUPERVISOR', 'ATTORNEY', 'DIRECTOR', 'AUDITOR',
                                                    'PARTNER', 'ADMIN')),
    field_office_code text references field_office (code),
    partner_id        bigint references partner_agency (id),
    enabled           boolean not null default true,
    -- login throttling: consecutive failures, and the time until which sign-in is refused
    failed_logins     integer not null default 0,
    locked_until      timestamptz,
    created_at        timestamptz not null default now(),
    created_by        text not null,
    check ((role = 'PARTNER') = (partner_id is not null)),
    check (role not in ('OFFICER', 'SUPERVISOR', 'DIRECTOR') or field_office_code is not null)
);

-- Bearer tokens. Only the SHA-256 of a token is stored; the token itself is shown once, when it is created.
create table access_token (
    id           bigserial primary key,
    user_id      bigint not null references app_user (id),
    kind         text not null check (kind in ('PERSONAL', 'SESSION')),
    name         text,
    token_hash   text not null unique,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
create index access_token_user on access_token (user_id);

-- What a partner may see, for which field office, from when; revoked_at ends it on the next request.
create table sharing_agreement (
    id                bigserial primary key,
    partner_id        bigint not null references partner_agency (id),
    field_office_code text not null references field_office (code),
    scopes            text[] not null check (cardinality(scopes) > 0
                                             and scopes <@ array ['CASE_STATUS', 'PERSON_RECORD']::text[]),
    reference         text,
    effective_from    date not null,
    expires_on        date,
    created_at        timestamptz not null default now(),
    created_by        text not null,
    revoked_at        timestamptz,
    revoked_by        text,
    revoked_reason    text,
    check (revoked_at is null or (revoked_by is not null and revoked_reason is not null))
);
create index sharing_agreement_partner on sharing_agreement (partner_id);

-- Local cooperation policy of a jurisdiction (city, county or state) in a field office's area: recorded as a
-- history, the latest effective entry counts.
create table cooperation_policy (
    id                bigserial primary key,
    field_office_code text not null references field_office (code),
    jurisdiction      text not null check (length(trim(jurisdiction)) > 0),
    honours_detainers boolean not null,
    agreement_287g    boolean not null,
    shares_databases  boolean not null,
    effective_from    date not null,
    source            text,
    notes             text,
    recorded_by       text not null,
    recorded_at       timestamptz not null default now()
);
create index cooperation_policy_office on cooperation_policy (field_office_code, jurisdiction, effective_from);

-- Notes on a person's record, written by users; text is stored as typed and escaped when shown.
create table case_note (
    id         bigserial primary key,
    person_id  bigint not null references person (id),
    body       text not null check (length(trim(body)) > 0 and length(body) <= 10000),
    author     text not null,
    created_at timestamptz not null default now()
);
create index case_note_person on case_note (person_id, id);
