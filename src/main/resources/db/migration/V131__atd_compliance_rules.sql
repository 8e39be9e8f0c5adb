-- ATD compliance (issue 16, docs/supervision.md "ATD compliance"): versioned rules (draft -> published with the date
-- they take effect), the events the supervision contract reports (compliance events only: no location, no trail),
-- each evaluation kept with the rule version it used, and alerts in a triage queue with one open alert per
-- supervision and rule.

create table atd_rule_set (
    version        integer primary key check (version > 0),
    status         text not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED')),
    note           text not null check (length(trim(note)) between 3 and 2000),
    effective_from date,
    created_by     text not null,
    created_at     timestamptz not null default now(),
    published_by   text,
    published_at   timestamptz,
    check ((status = 'PUBLISHED') = (effective_from is not null and published_at is not null
                                      and published_by is not null))
);

create table atd_rule (
    version     integer not null references atd_rule_set (version),
    code        text not null check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    kind        text not null check (kind in ('NO_EVENT_WITHIN', 'EVENT_REPORTED')),
    event_kinds text[] not null check (cardinality(event_kinds) between 1 and 10),
    max_days    integer check (max_days between 1 and 365),
    severity    text not null check (severity in ('LOW', 'MEDIUM', 'HIGH')),
    primary key (version, code),
    check ((kind = 'NO_EVENT_WITHIN') = (max_days is not null))
);

-- A published rule set is the law of its evaluations: neither it nor its rules change afterwards, for any writer.
create function atd_rules_published_are_fixed() returns trigger
language plpgsql as $$
declare
    v integer := old.version;
begin
    if tg_table_name = 'atd_rule_set' then
        if old.status = 'PUBLISHED' then
            raise exception 'ATD rule set % is published: it is never changed (draft a new version)', old.version
                using errcode = 'check_violation';
        end if;
        return coalesce(new, old);
    end if;
    if exists (select 1 from atd_rule_set s where s.version = v and s.status = 'PUBLISHED') then
        raise exception 'ATD rule set % is published: its rules are never changed (draft a new version)', v
            using errcode = 'check_violation';
    end if;
    return coalesce(new, old);
end
$$;
create trigger atd_rule_set_fixed before update or delete on atd_rule_set
    for each row execute function atd_rules_published_are_fixed();
create trigger atd_rule_fixed before update or delete on atd_rule
    for each row execute function atd_rules_published_are_fixed();

-- What the contract reports, as entered: a kind and a time. History.
create table atd_event (
    id             bigserial primary key,
    supervision_id bigint not null references supervision (id),
    kind           text not null check (kind in ('CHECK_IN', 'APP_CHECK_IN', 'DEVICE_OK', 'DEVICE_TAMPER',
                                                 'DEVICE_NO_SIGNAL', 'BATTERY_DEAD', 'MISSED_APP_CHECK_IN')),
    occurred_at    timestamptz not null,
    detail         text check (length(detail) <= 2000),
    recorded_by    text not null,
    recorded_at    timestamptz not null default now()
);
create index atd_event_supervision on atd_event (supervision_id, occurred_at);
revoke update, delete, truncate on atd_event from caseops_app;

-- Each evaluation of a supervision as of a date, with the rule version it used and every rule's finding. History:
-- a rule version published later never changes it.
create table atd_evaluation (
    id             bigserial primary key,
    supervision_id bigint not null references supervision (id),
    as_of          date not null,
    rule_version   integer not null references atd_rule_set (version),
    findings       jsonb not null,
    evaluated_by   text not null,
    evaluated_at   timestamptz not null default now()
);
create index atd_evaluation_supervision on atd_evaluation (supervision_id, as_of, id);
revoke update, delete, truncate on atd_evaluation from caseops_app;

-- The triage queue: one open alert per supervision and rule (the index), closed with a resolution.
create table atd_alert (
    id                bigserial primary key,
    supervision_id    bigint not null references supervision (id),
    field_office_code text not null,
    rule_code         text not null,
    rule_version      integer not null references atd_rule_set (version),
    severity          text not null check (severity in ('LOW', 'MEDIUM', 'HIGH')),
    reason            text not null,
    as_of             date not null,
    opened_at         timestamptz not null default now(),
    status            text not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    closed_by         text,
    closed_at         timestamptz,
    resolution        text check (length(resolution) <= 2000),
    version           integer not null default 0,
    check ((status = 'CLOSED') = (closed_at is not null and closed_by is not null
                                   and length(trim(resolution)) > 0))
);
create unique index atd_alert_one_open on atd_alert (supervision_id, rule_code) where status = 'OPEN';
create index atd_alert_queue on atd_alert (field_office_code, status, opened_at);
