-- A re-import takes over a file unchanged since the last import instead of reading its rows again (issue 12, goal 3;
-- docs/adr/007-import-at-copy-speed.md). It may only when nothing else has written the docket since that import, the
-- checks would judge every row as they did then, and the file's dates are known without reading it:
-- * import_run.xid and .snapshot: the import's transaction and the snapshot it took just before it committed. A
--   docket_change (V84) whose transaction that snapshot does not see, other than the import's own, is a write after
--   (or alongside) the import: then no file is taken over.
-- * import_run.rules: a fingerprint of what the checks read besides the rows (the EOIR code lists, courts and their
--   field offices, the importer's rule version): another fingerprint, and every file is read again.
-- * import_file.date_counts: the file's dates of things that happened, counted by day ({"epoch day": count}), so that
--   the release date of an import that takes a file over is the one reading it would have given.
alter table import_run add column xid xid8;
alter table import_run add column snapshot pg_snapshot;
alter table import_run add column rules text;
alter table import_file add column date_counts jsonb;

comment on column import_run.snapshot is
    'The snapshot taken just before the import committed: a docket change it does not see (other than the import''s '
    'own, xid) came after it (V87).';
comment on column import_run.rules is
    'Fingerprint of what the import''s checks read besides the rows: code lists, courts, rule version (V87).';
comment on column import_file.date_counts is
    'The file''s event dates counted by epoch day, for the release date of a later import that takes it over (V87).';
