-- Where an import's release date (V25) came from: given with the import (--as-of-release, the upload's asOfRelease)
-- or told from the files (their newest date of something that happened). Shown in the import report.
alter table import_run add column release_date_source text;
