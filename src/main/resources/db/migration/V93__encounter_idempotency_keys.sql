-- Idempotency keys of recorded visits (issue 15: the encounter form on a patchy network). A client sends
-- POST /api/encounters with an Idempotency-Key header; the key is stored in the transaction that records the visit,
-- with a digest of the request and the answer. A resubmission with the same key (an answer lost on the way back)
-- records nothing and gets the first answer again; two submissions at once collide on the primary key, the second
-- transaction rolls back whole and answers with the first one's result. The same key for another visit or by
-- another user is refused (409). Keys are history: the application inserts and reads them, never changes them.

create table encounter_visit_key (
    key            text primary key check (length(key) between 8 and 200),
    actor          text not null,
    request_digest text not null check (request_digest ~ '^[0-9a-f]{64}$'),
    encounter_ids  bigint[] not null,
    answer         jsonb not null,
    recorded_at    timestamptz not null default now()
);

comment on table encounter_visit_key is
    'One row per visit recorded with an Idempotency-Key (V93): the key, who sent it, a SHA-256 of the request and '
    'the answer given, so that a resubmission records nothing twice.';

revoke update, delete, truncate on encounter_visit_key from caseops_app;
