package org.caseops.docket;

import java.nio.file.Path;
import java.util.List;
import org.caseops.fixtures.EoirFiles;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Imports of test dockets and what an import judged, for the import tests of this package. */
final class ImportRuns {

    private ImportRuns() {
    }

    /** Writes the files (EOIR tables and their person file) into a new folder under {@code tmp} and imports them. */
    static ImportReport run(DocketImporter importer, EoirFiles files, Path tmp) throws Exception {
        Path dir = files.writeTo(tmp.resolve("eoir-" + System.nanoTime()));
        Path persons = files.writePersons(dir.resolve("people/persons.csv"));
        return importer.importFiles(dir, persons, "test", ImportProgress.NONE);
    }

    /** The quarantine and warnings of an import, without the import id: table, line, column, reason. */
    static List<String> judged(JdbcClient jdbc, long importId) {
        return jdbc.sql("""
                select 'Q ' || table_name || ':' || line || ':' || coalesce(column_name, '') || ':' || reason
                       || ':' || coalesce(raw, '') from quarantine where import_id = ?
                union all
                select 'W ' || table_name || ':' || line || ':' || row_key || ':' || column_name || ':'
                       || coalesce(value, '') || ':' || reason from import_warning where import_id = ?
                order by 1""").params(importId, importId).query(String.class).list();
    }
}
