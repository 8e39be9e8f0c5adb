-- Start-up loads only what changed (issue 12, goal 6; docs/reference-data.md, docs/operations.md "Start-up").

-- The SHA-256 of each shipped reference file as last loaded: a start whose files changed rewrites only the tables
-- those files feed (field offices, courts and their mappings, EOIR codes, decision codes), not all of them.
create table reference_file (
    path      text primary key,
    sha256    text        not null,
    loaded_at timestamptz not null default now()
);

-- The demo data set serve --demo loaded last: the scenario, its seed and a fingerprint of what generates it (the
-- generator's classes and the reference files it reads). The same fingerprint: nothing is generated or imported.
-- Another: the scenario is generated and imported again (the import is idempotent: unchanged rows stay as they are).
create table demo_data_version (
    id          integer primary key check (id = 1),
    scenario    text        not null,
    seed        bigint      not null,
    fingerprint text        not null,
    import_id   bigint      references import_run (id),
    loaded_at   timestamptz not null default now()
);
