package org.caseops.docket;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The three ways an import on an empty docket can run, for tests that compare them on the same files (here and in
 * other packages): rows merged from staging with the constraints kept, merged from staging with the constraints set
 * aside (V149), or copied straight into their tables and checked in the importer (DirectLoader, ADR 007 step 5).
 */
public final class FirstImportPaths {

    private FirstImportPaths() {
    }

    public enum Path {
        STAGED_CONSTRAINTS_KEPT, STAGED_CONSTRAINTS_SET_ASIDE, DIRECT_COPY
    }

    /** Runs {@code work} (an import) on the given path, then puts the importer's settings back. */
    public static <T> T on(DocketImporter importer, Path path, Callable<T> work) throws Exception {
        long threshold = importer.setAsideFromBytes(path == Path.STAGED_CONSTRAINTS_KEPT ? Long.MAX_VALUE : 0);
        boolean direct = importer.directCopy(path == Path.DIRECT_COPY);
        try {
            return work.call();
        } finally {
            importer.setAsideFromBytes(threshold);
            importer.directCopy(direct);
        }
    }

    /**
     * Everything an import recorded that does not name it, in the order it was recorded: its quarantine and warnings
     * in id order, what it reported for each file, and for each docket table how many rows it added (provenance) and
     * how many rows another import added.
     */
    public static List<String> recorded(JdbcClient jdbc, long importId) {
        List<String> all = new ArrayList<>();
        all.addAll(jdbc.sql("""
                select 'Q ' || file_name || ':' || table_name || ':' || line || ':' || coalesce(column_name, '<null>')
                       || ':' || reason || ':' || coalesce(raw, '<null>') from quarantine where import_id = ? order by id""")
                .param(importId).query(String.class).list());
        all.addAll(jdbc.sql("""
                select 'W ' || file_name || ':' || table_name || ':' || line || ':' || coalesce(row_key, '<null>') || ':'
                       || coalesce(column_name, '<null>') || ':' || coalesce(value, '<null>') || ':' || reason
                from import_warning where import_id = ? order by id""").param(importId).query(String.class).list());
        all.addAll(jdbc.sql("""
                select 'F ' || table_name || ':' || file_name || ':' || sha256 || ':' || rows || ':' || date_counts::text
                from import_file where import_id = ? order by table_name""").param(importId).query(String.class).list());
        all.addAll(jdbc.sql("""
                select 'R ' || (t->>'table') || ':' || (t->>'rows') || ':' || (t->>'inserted') || ':' || (t->>'updated')
                       || ':' || (t->>'unchanged') || ':' || (t->>'quarantined') || ':' || (t->>'warnings')
                from import_run r cross join lateral jsonb_array_elements(r.report -> 'tables') t where r.id = ?""")
                .param(importId).query(String.class).list());
        all.add("release " + jdbc.sql("select coalesce(release_date::text, '-') || ' ' || coalesce(release_date_source,"
                + " '-') from import_run where id = ?").param(importId).query(String.class).single());
        for (String table : DocketImporter.FILE_TABLES.split(",")) {
            all.add("P " + table + ": " + jdbc.sql("select count(*) filter (where import_id = ?) || ' by it, '"
                    + " || count(*) filter (where import_id is distinct from ?) || ' by another' from " + table)
                    .params(importId, importId).query(String.class).single());
        }
        return all;
    }
}
