package org.caseops.docket;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The quarantined rows of an import for the quarantine browser (docs/web.md): filtered by table and by a text of the
 * reason, sorted and paged in the database. Each row with its line, the first column at fault, every problem found
 * (in the order found) and its raw text as received.
 */
@Service
public class QuarantineBrowser {

    /** Sortable columns, by the key the page's address uses. */
    private static final Map<String, String> ORDER = Map.of("table", "table_name", "line", "line",
            "column", "column_name");

    private final JdbcClient jdbc;

    QuarantineBrowser(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One quarantined input row; {@code problems} as found ({@code COLUMN: reason} each). */
    public record Row(String file, String table, long line, String column, List<String> problems, String raw) {
    }

    /** The tables of the import that quarantined rows, with how many each. */
    public Map<String, Long> tables(long importId) {
        Map<String, Long> tables = new java.util.LinkedHashMap<>();
        jdbc.sql("select table_name, count(*) from quarantine where import_id = ? group by table_name "
                + "order by table_name").param(importId)
                .query((rs, n) -> tables.put(rs.getString(1), rs.getLong(2))).list();
        return tables;
    }

    public long count(long importId, String table, String reason) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("select count(*) from quarantine where " + where(importId, table, reason, params))
                .params(params).query(Long.class).single();
    }

    public List<Row> page(long importId, String table, String reason, String sort, boolean descending, long offset,
            int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(importId, table, reason, params);
        params.add(limit);
        params.add(offset);
        String column = ORDER.getOrDefault(sort == null ? "line" : sort, "line");
        return jdbc.sql("select file_name, table_name, line, column_name, reason, raw from quarantine where " + where
                + " order by " + column + (descending ? " desc" : " asc") + ", table_name, line, id limit ? offset ?")
                .params(params)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        problems(rs.getString(5)), rs.getString(6)))
                .list();
    }

    /** The problems of a row as the importer joined them ({@code RowProblems}: "; " between them). */
    static List<String> problems(String reason) {
        return reason == null ? List.of() : Arrays.stream(reason.split("; (?=[A-Za-z_0-9]+: )")).toList();
    }

    private static String where(long importId, String table, String reason, List<Object> params) {
        StringBuilder where = new StringBuilder("import_id = ?");
        params.add(importId);
        if (table != null) {
            where.append(" and table_name = ?");
            params.add(table);
        }
        if (reason != null) {
            where.append(" and reason ilike ? escape '\\'");
            params.add("%" + reason.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return where.toString();
    }
}
