-- EOIR marks motion rows it deleted (BLNDELETED). A deleted motion is not a motion: the legal gate skips it.
alter table court_motion add column deleted boolean not null default false;
