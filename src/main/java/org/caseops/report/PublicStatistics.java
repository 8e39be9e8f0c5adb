package org.caseops.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.caseops.report.Suppression.Mark;
import org.caseops.system.BadInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public statistics of one month (issue 18, docs/oversight.md): per measure, a table of field office and
 * operation (rows) by nationality group (columns), with its totals, small cells suppressed ({@link Suppression}).
 * Computed from the record on each request, through the views each feature makes for it (V120); no person-level
 * field is read or published.
 */
@Service
public class PublicStatistics {

    /** A measure: its code in the views, what the data dictionary calls it, and whether it counts people. */
    public enum Measure {
        LETTERS_SENT("Call-in letters sent", true),
        PEOPLE_REPORTING("People who reported in answer to a letter", true),
        TARGETS("People taken as targets of launched operations", true),
        ARRESTS_PLANNED("Arrests of targets", true),
        ARRESTS_COLLATERAL("Arrests of people who were not targets (collateral)", true),
        CHILDREN_ACCOUNTED_FOR("Children accounted for in parental screenings", true),
        RELEASES_ATD("Releases to alternatives to detention", true),
        RELEASES_ORDER_OF_SUPERVISION("Releases on an order of supervision", true),
        RELEASES_HUMANITARIAN("Humanitarian releases", true),
        RELEASES_OTHER("Other releases", true),
        REMOVALS("Removals recorded", true),
        VOLUNTARY_DEPARTURES("Voluntary departures verified", true),
        I9_INSPECTIONS("Form I-9 inspections opened", false),
        I9_FINES("Form I-9 fines calculated", false),
        WORKSITE_ACTIONS("Worksite actions launched", false),
        WORKSITE_DETAINED("People detained at worksite actions", true),
        WORKSITE_RELEASES_HUMANITARIAN("People released on humanitarian grounds at worksite actions", true);

        public final String label;
        public final boolean people;

        Measure(String label, boolean people) {
            this.label = label;
            this.people = people;
        }
    }

    /** The nationality groups, in column order; EOIR's codes of each named group. */
    public static final List<String> GROUPS = List.of("Guatemala", "Honduras", "El Salvador", "Mexico", "Other",
            "Not recorded");
    static final String ALL = "All";
    static final String TOTAL = "Total";

    static String group(String eoirNationality) {
        if (eoirNationality == null || eoirNationality.isBlank()) {
            return "Not recorded";
        }
        return switch (eoirNationality.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "GT" -> "Guatemala";
            case "HO" -> "Honduras";
            case "ES" -> "El Salvador";
            case "MX" -> "Mexico";
            default -> "Other";
        };
    }

    /** One published row: field office, operation (null: not part of an operation), cells then the row total. */
    public record Row(String fieldOffice, Long operationId, String operation, List<String> values) {
    }

    /** One measure's table: its columns (nationality groups, then Total), rows, and the totals row. */
    public record Table(Measure measure, String label, List<String> columns, List<Row> rows, Row total) {
    }

    public record Publication(String month, String suppression, List<Table> tables) {
    }

    static final String SUPPRESSION = "Counts from 1 to 10 are shown as \"<11\"; cells marked \"x\" are withheld so "
            + "that no suppressed count can be computed from the totals (docs/oversight.md).";

    private final JdbcClient jdbc;

    PublicStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            throw new BadInput("month", "month is required, as YYYY-MM");
        }
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new BadInput("month", "month must be YYYY-MM, e.g. 2019-06");
        }
    }

    private record Count(String measure, String office, Long operationId, String nationality, long n) {
    }

    private record RowKey(String office, Long operationId) {
    }

    @Transactional(readOnly = true)
    public Publication publish(YearMonth month) {
        LocalDate first = month.atDay(1);
        List<Count> counts = jdbc.sql("""
                select measure, field_office_code, operation_id, nationality, n from report_stat_notice where month = :m
                union all
                select measure, field_office_code, operation_id, nationality, n from report_stat_operation where month = :m
                union all
                select measure, field_office_code, operation_id, nationality, n from report_stat_encounter where month = :m
                union all
                select measure, field_office_code, operation_id, nationality, n from report_stat_custody where month = :m
                union all
                select measure, field_office_code, operation_id, nationality, n from report_stat_worksite where month = :m
                union all
                select measure, field_office_code, operation_id, nationality, n from report_stat_removal where month = :m
                union all
                select measure, field_office_code, operation_id, nationality, n from report_stat_voluntary_departure
                where month = :m""")
                .param("m", first)
                .query((rs, i) -> new Count(rs.getString(1), rs.getString(2), (Long) rs.getObject(3),
                        rs.getString(4), rs.getLong(5))).list();
        Map<Long, String> names = new TreeMap<>();
        jdbc.sql("select operation_id, name from report_operation_name")
                .query((rs, i) -> names.put(rs.getLong(1), rs.getString(2))).list();
        List<Table> tables = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            tables.add(table(measure, counts.stream().filter(c -> c.measure().equals(measure.name())).toList(),
                    names));
        }
        return new Publication(month.toString(), SUPPRESSION, tables);
    }

    private static Table table(Measure measure, List<Count> counts, Map<Long, String> names) {
        List<String> groups = measure.people ? GROUPS : List.of(ALL);
        Map<RowKey, long[]> byRow = new TreeMap<>((a, b) -> {
            int c = Objects.compare(a.office(), b.office(), java.util.Comparator.nullsLast(String::compareTo));
            return c != 0 ? c : Objects.compare(a.operationId(), b.operationId(),
                    java.util.Comparator.nullsFirst(Long::compareTo));
        });
        for (Count c : counts) {
            long[] cells = byRow.computeIfAbsent(new RowKey(c.office(), c.operationId()), k -> new long[groups.size()]);
            cells[measure.people ? groups.indexOf(group(c.nationality())) : 0] += c.n();
        }
        List<RowKey> keys = new ArrayList<>(byRow.keySet());
        long[][] grid = Suppression.withTotals(byRow.values().toArray(new long[0][]), groups.size());
        Mark[][] marks = Suppression.suppress(grid);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i <= keys.size(); i++) {
            List<String> values = new ArrayList<>();
            for (int j = 0; j <= groups.size(); j++) {
                values.add(Suppression.shown(grid[i][j], marks[i][j]));
            }
            if (i < keys.size()) {
                RowKey key = keys.get(i);
                rows.add(new Row(key.office() == null ? "Not recorded" : key.office(), key.operationId(),
                        key.operationId() == null ? null : names.getOrDefault(key.operationId(), "(not launched)"),
                        values));
            } else {
                List<String> columns = new ArrayList<>(groups);
                columns.add(TOTAL);
                return new Table(measure, measure.label, columns, rows, new Row(TOTAL, null, null, values));
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** The publication as CSV, one line per cell: month, measure, field office, operation, group, value. */
    public static String csv(Publication p) {
        StringWriter text = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().build(text)) {
            csv.writeRecord("month", "measure", "field_office", "operation_id", "operation", "nationality_group",
                    "value");
            for (Table t : p.tables()) {
                List<Row> all = new ArrayList<>(t.rows());
                all.add(t.total());
                for (Row r : all) {
                    for (int j = 0; j < t.columns().size(); j++) {
                        csv.writeRecord(p.month(), t.measure().name(), r.fieldOffice(),
                                r.operationId() == null ? "" : r.operationId().toString(),
                                neutralised(r.operation()), t.columns().get(j), r.values().get(j));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** An operation's name a spreadsheet would run as a formula starts with a quote instead (CSV injection). */
    private static String neutralised(String text) {
        return text == null ? "" : !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    static Map<String, String> dictionary() {
        Map<String, String> d = new LinkedHashMap<>();
        for (Measure m : Measure.values()) {
            d.put(m.name(), m.label);
        }
        return d;
    }
}
