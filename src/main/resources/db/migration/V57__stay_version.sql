-- A stay is changed by lifting it: it carries a version like every aggregate a client changes, so that a lift sent
-- with the version the client read is refused (409) when the stay changed meanwhile (issue 11: one version check).
alter table stay add column version integer not null default 0;
