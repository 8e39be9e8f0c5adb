-- Issue 12, goal 3: two indexes of V1 that no query has used since the case index (V13) took over lists and counts.
-- Cases by nationality and proceedings by hearing location are filtered on case_index (its own indexes
-- case_index_nationality and case_index_hearing_location); no statement of the application, no view and no function
-- filters eoir_case by nat or proceeding by hearing_loc_code (pg_stat_user_indexes after the API benchmark on the
-- 3 M-case docket: 0 scans of either). Each cost every import a write per row, and a first import of the national
-- docket 2.0 and 2.5 s to rebuild (bench/RESULTS.md, 2026-12-03).
drop index if exists eoir_case_nat;
drop index if exists proceeding_hloc;
