package org.caseops.docket;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Past imports: their reports, their quarantined rows and the warnings on the rows they kept. */
@Service
public class ImportHistory {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ImportHistory(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One quarantined input row: where it was and why it was refused. */
    public record QuarantinedRow(String file, String table, long line, String column, String reason, String raw) {
    }

    /** One page of an import's quarantine; its rows are {@code items} in JSON, as every paged list's are. */
    public record QuarantinePage(long importId, long total, int page, int size,
            @JsonProperty("items") List<QuarantinedRow> rows) {
    }

    /**
     * One row kept with a warning: where it was, its key, the column and value at issue, and why.
     *
     * @param rowKey the row's key in its file (IDNCASE, IDNPROCEEDING, ...)
     */
    public record WarningRow(String file, String table, long line, String rowKey, String column, String value,
            String reason) {
    }

    /** One page of an import's warnings; its rows are {@code items} in JSON, as every paged list's are. */
    public record WarningPage(long importId, long total, int page, int size,
            @JsonProperty("items") List<WarningRow> rows) {
    }

    public Optional<ImportReport> report(long importId) {
        return jdbc.sql("select report::text from import_run where id = ? and report is not null").param(importId)
                .query(String.class).optional().map(this::parse);
    }

    public List<ImportReport> recent(int limit) {
        return jdbc.sql("select report::text from import_run where report is not null order by id desc limit ?")
                .param(limit).query(String.class).list().stream().map(this::parse).toList();
    }

    public QuarantinePage quarantine(long importId, int page, int size) {
        long total = jdbc.sql("select count(*) from quarantine where import_id = ?").param(importId)
                .query(Long.class).single();
        List<QuarantinedRow> rows = jdbc.sql("""
                select file_name, table_name, line, column_name, reason, raw from quarantine
                where import_id = ? order by id limit ? offset ?""")
                .params(importId, size, (long) page * size)
                .query((rs, n) -> new QuarantinedRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
        return new QuarantinePage(importId, total, page, size, rows);
    }

    public WarningPage warnings(long importId, int page, int size) {
        long total = jdbc.sql("select count(*) from import_warning where import_id = ?").param(importId)
                .query(Long.class).single();
        List<WarningRow> rows = jdbc.sql("""
                select file_name, table_name, line, row_key, column_name, value, reason from import_warning
                where import_id = ? order by id limit ? offset ?""")
                .params(importId, size, (long) page * size)
                .query((rs, n) -> new WarningRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
        return new WarningPage(importId, total, page, size, rows);
    }

    private ImportReport parse(String text) {
        try {
            return json.readValue(text, ImportReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable import report", e);
        }
    }
}
