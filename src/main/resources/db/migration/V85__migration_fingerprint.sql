-- What the last start that ran Flyway saw (issue 12, goal 6; docs/operations.md, "Start-up"): a digest of the
-- migration files CaseOps ships and one of flyway_schema_history after it migrated and validated. A start whose files
-- and history have the same digests skips Flyway (its scan of the files and its validation) altogether; any other
-- start runs Flyway as before and records the new digests. Written by the schema's owner only, like the history.
create table migration_fingerprint (
    id           integer primary key check (id = 1),
    files_sha256 text        not null,
    history_md5  text        not null,
    migrations   integer     not null,
    recorded_at  timestamptz not null default now()
);

-- Migrations are the owner's business (V11).
revoke all on migration_fingerprint from caseops_app;
