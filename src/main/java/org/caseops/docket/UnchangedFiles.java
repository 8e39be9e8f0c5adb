package org.caseops.docket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A re-import's files that have not changed since the last import, taken over without reading their rows (issue 12,
 * goal 3; ADR 007). Taking a file over gives what reading it would: the rows are in CaseOps as that import left them
 * (an import is idempotent), so reading them again would insert and change nothing; its quarantined rows and warnings
 * are those of that import, recorded again under this one; its dates count towards the release date as they did.
 *
 * <p>That holds only when every input of the checks is what it was: the file (same SHA-256, so the whole file is
 * still read once, to hash it), the rows of the tables the checks look into (nothing but imports has written the
 * docket since the last import — the change log of V84 — and no table this file refers to has been written by this
 * import so far), and the rules (code lists, courts and their field offices, {@link #RULE_VERSION}). Tables the change
 * log does not cover ({@code juvenile_history}) are always read.
 */
final class UnchangedFiles {

    /**
     * The version of the importer's checks: raise it whenever a check, a reason's text or what a row keeps changes, so
     * that no import takes over a file that the new rules would judge otherwise.
     */
    static final int RULE_VERSION = 1;

    /** Tables whose every writer is logged in {@code docket_change} (V84). */
    private static final Set<ImportTable> LOGGED = EnumSet.complementOf(EnumSet.of(ImportTable.JUVENILE_HISTORY));

    /** The file a table had in the last import, as recorded. */
    record Previous(long importId, String sha256, long rows, String dateCounts) {
    }

    private final Map<ImportTable, Previous> previous;
    private final Set<ImportTable> written = EnumSet.noneOf(ImportTable.class);

    private UnchangedFiles(Map<ImportTable, Previous> previous) {
        this.previous = previous;
    }

    /** Nothing to take over (first import, or the docket written by something else since the last import). */
    static UnchangedFiles none() {
        return new UnchangedFiles(Map.of());
    }

    /**
     * The files of the last import, when that import may be taken over from: it recorded its snapshot and rules, its
     * rules are today's, and no transaction but it (and this import) has written the docket since its snapshot.
     */
    static UnchangedFiles since(JdbcClient jdbc, long importId, String rules) {
        Optional<Long> last = jdbc.sql("""
                select r.id from import_run r
                where r.id = (select max(id) from import_run where id < ?)
                  and r.snapshot is not null and r.rules = ?
                  and not exists (select 1 from docket_change d
                                  where d.xid <> r.xid and d.xid <> pg_current_xact_id()
                                    and not pg_visible_in_snapshot(d.xid, r.snapshot))""")
                .params(importId, rules).query(Long.class).optional();
        if (last.isEmpty()) {
            return none();
        }
        Map<ImportTable, Previous> files = new HashMap<>();
        jdbc.sql("select table_name, sha256, rows, date_counts::text from import_file"
                        + " where import_id = ? and date_counts is not null")
                .param(last.get()).query((rs, n) -> {
                    for (ImportTable table : ImportTable.values()) {
                        if (table.fileName.equals(rs.getString(1))) {
                            files.put(table, new Previous(last.get(), rs.getString(2), rs.getLong(3), rs.getString(4)));
                        }
                    }
                    return null;
                }).list();
        return new UnchangedFiles(files);
    }

    /** What the checks read besides the rows, as one fingerprint (see {@code import_run.rules}, V87). */
    static String rules(JdbcClient jdbc) {
        return jdbc.sql("""
                select md5(concat_ws(E'\\n', ?::text,
                    (select string_agg(code_table || ':' || code, ',' order by code_table, code) from eoir_code),
                    (select string_agg(code || ':' || coalesce(field_office_code, ''), ',' order by code)
                     from base_city),
                    (select string_agg(code || ':' || coalesce(field_office_code, ''), ',' order by code)
                     from hearing_location),
                    (select string_agg(distinct case_type || ':' || dec_code, ',') from decision_code)))""")
                .param(Integer.toString(RULE_VERSION)).query(String.class).single();
    }

    /**
     * The previous file of {@code table} if this file may be the same (its rows then need not be read): the table's
     * writers are all logged, and no table it refers to has been written by this import.
     */
    Optional<Previous> candidate(ImportTable table) {
        Previous p = previous.get(table);
        if (p == null || !LOGGED.contains(table)) {
            return Optional.empty();
        }
        for (ImportTable.ForeignKey fk : table.foreignKeys) {
            for (ImportTable parent : written) {
                if (parent.target.equals(fk.table())) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(p);
    }

    /** Notes a table this import reads and merges (its children can no longer be taken over). */
    void written(ImportTable table) {
        written.add(table);
    }

    /** The SHA-256 of the file's bytes, as {@link StagingLoader} computes it while reading. */
    static String sha256(InputFile file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = file.open()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Records the file taken over under this import: its quarantined rows and warnings as the last import recorded
     * them (line order kept), its dates counted. Answers {quarantined, warnings}.
     */
    static long[] takeOver(JdbcClient jdbc, ImportTable table, InputFile file, Previous p, long importId,
            ReleaseDates dates, ObjectMapper json) {
        long quarantined = jdbc.sql("""
                insert into quarantine (import_id, file_name, table_name, line, column_name, reason, raw)
                select ?, ?, table_name, line, column_name, reason, raw from quarantine
                where import_id = ? and table_name = ? order by line, id""")
                .params(importId, file.name(), p.importId(), table.fileName).update();
        long warnings = jdbc.sql("""
                insert into import_warning (import_id, file_name, table_name, line, row_key, column_name, value,
                                            reason)
                select ?, ?, table_name, line, row_key, column_name, value, reason from import_warning
                where import_id = ? and table_name = ? order by line, id""")
                .params(importId, file.name(), p.importId(), table.fileName).update();
        dates.addAll(counts(p.dateCounts(), json));
        return new long[] {quarantined, warnings};
    }

    static Map<Long, Long> counts(String dateCounts, ObjectMapper json) {
        try {
            Map<String, Long> byDay = json.readValue(dateCounts, new TypeReference<Map<String, Long>>() { });
            Map<Long, Long> out = new HashMap<>();
            byDay.forEach((day, n) -> out.put(Long.parseLong(day), n));
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("import_file.date_counts unreadable: " + e.getMessage(), e);
        }
    }

    static String countsJson(Map<Long, Long> counts) {
        StringBuilder out = new StringBuilder("{");
        counts.forEach((day, n) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(day).append("\":").append(n);
        });
        return out.append('}').toString();
    }
}
