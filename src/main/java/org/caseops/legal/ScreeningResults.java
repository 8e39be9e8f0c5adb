package org.caseops.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a stored screening found, for its page (docs/web.md): the recent screenings, and a screening's verdicts case by
 * case, filtered by verdict and deciding rule, sorted and paged in the database. A screening's verdicts are the stored
 * verdicts of its date (and field office): a later screening of the same date rewrites those whose facts changed, so
 * the list shows the latest verdict of each case for that date. A report, never a permission.
 */
@Service
public class ScreeningResults {

    /** Sortable columns, by the key the page's address uses. */
    private static final Map<String, String> ORDER = Map.of("case", "idncase", "office", "field_office_code",
            "verdict", "status", "rule", "reason", "changes", "changes_on");

    private final JdbcClient jdbc;

    ScreeningResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A screening as listed: when, as of which date, for which field office (null: all), by whom, how many cases. */
    public record Run(long id, LocalDate asOf, String fieldOffice, String actor, Instant startedAt, Instant finishedAt,
            Long cases) {
    }

    /** One case's stored verdict: the rule that decided it, every rule standing in the way, the date it may change. */
    public record Result(long idncase, String fieldOffice, String verdict, String rule, List<String> rules,
            LocalDate changesOn) {
    }

    public List<Run> recent(int limit) {
        return jdbc.sql("select id, as_of, field_office, actor, started_at, finished_at, cases from screening "
                + "order by id desc limit ?").param(limit).query(ScreeningResults::run).list();
    }

    public Optional<Run> run(long id) {
        return jdbc.sql("select id, as_of, field_office, actor, started_at, finished_at, cases from screening "
                + "where id = ?").param(id).query(ScreeningResults::run).optional();
    }

    /** How many of the screening's cases have this verdict and deciding rule (either may be null: any). */
    public long count(Run run, String verdict, String rule) {
        List<Object> params = new ArrayList<>();
        String where = where(run, verdict, rule, params);
        return jdbc.sql("select count(*) from case_verdict where " + where).params(params).query(Long.class)
                .single();
    }

    /**
     * One page of the screening's verdicts.
     *
     * @param sort a key of {@link #ORDER} ({@code case} when null)
     */
    public List<Result> page(Run run, String verdict, String rule, String sort, boolean descending, long offset,
            int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(run, verdict, rule, params);
        String column = ORDER.getOrDefault(sort == null ? "case" : sort, "idncase");
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select idncase, field_office_code, status, reason, reasons, changes_on from case_verdict "
                + "where " + where + " order by " + column + (descending ? " desc nulls last" : " asc nulls first")
                + ", idncase limit ? offset ?").params(params).query(ScreeningResults::result).list();
    }

    private static String where(Run run, String verdict, String rule, List<Object> params) {
        StringBuilder where = new StringBuilder("as_of = ?");
        params.add(run.asOf());
        if (run.fieldOffice() != null) {
            where.append(" and field_office_code = ?");
            params.add(run.fieldOffice());
        }
        if (verdict != null) {
            where.append(" and status = ?");
            params.add(verdict);
        }
        if (rule != null) {
            where.append(" and reason = ?");
            params.add(rule);
        }
        return where.toString();
    }

    private static Run run(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.sql.Timestamp finished = rs.getTimestamp("finished_at");
        long cases = rs.getLong("cases");
        return new Run(rs.getLong("id"), rs.getObject("as_of", LocalDate.class), rs.getString("field_office"),
                rs.getString("actor"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.wasNull() ? null : cases);
    }

    private static Result result(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.sql.Array reasons = rs.getArray("reasons");
        return new Result(rs.getLong("idncase"), rs.getString("field_office_code"), rs.getString("status"),
                rs.getString("reason"), reasons == null ? List.of() : List.of((String[]) reasons.getArray()),
                rs.getObject("changes_on", LocalDate.class));
    }
}
