package org.caseops.legal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.caseops.legal.rules.Verdict;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Service;

/**
 * Screens the whole docket (or one field office) as of a date: every case's facts stream from the database in
 * IDNCASE order through the same pure rules as a single verdict, the verdicts go back by {@code COPY}, and only
 * verdicts whose facts or outcome changed since the last screening for that date are rewritten. One transaction.
 * A stored verdict is a report for planning and oversight, never a permission: actions re-check the gate.
 */
@Service
public class Screening {

    private static final Logger log = LoggerFactory.getLogger(Screening.class);

    private final DataSource dataSource;
    private final LegalGate gate;
    private final ObjectMapper json;
    private final JdbcClient jdbc;

    Screening(DataSource dataSource, LegalGate gate, ObjectMapper json, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.gate = gate;
        this.json = json;
        this.jdbc = jdbc;
    }

    public record VerdictCounts(long executable, long notExecutable, long frozen) {
    }

    /** Cases by the rule that decided their verdict (FINALITY for executable ones); each case counted once. */
    public record ReasonCount(String reason, String verdict, long cases) {
    }

    public record OfficeCounts(String fieldOffice, long executable, long notExecutable, long frozen) {
    }

    public record Report(long screeningId, LocalDate asOf, String fieldOffice, long cases, long changed,
            long unchanged, VerdictCounts verdicts, List<ReasonCount> reasons, List<OfficeCounts> fieldOffices,
            long millis) {
    }

    public Report screen(LocalDate asOf, String fieldOffice, String actor) {
        long started = System.nanoTime();
        Path verdicts = null;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                JdbcClient tx = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                tx.sql("select pg_advisory_xact_lock(hashtext('caseops.screening'))").query().singleRow();
                long id = tx.sql("insert into screening (as_of, field_office, actor) values (?, ?, ?) returning id")
                        .params(asOf, fieldOffice, actor).query(Long.class).single();
                tx.sql("create temp table screen_cases on commit drop as select idncase, field_office_code "
                        + "from case_summary" + (fieldOffice == null ? "" : " where field_office_code = ?"))
                        .params(fieldOffice == null ? List.of() : List.of(fieldOffice)).update();
                tx.sql("analyze screen_cases").update();
                verdicts = Files.createTempFile("caseops-screening", ".tsv");
                long cases = evaluateAll(connection, asOf, verdicts);
                tx.sql("create temp table verdict_in (idncase bigint, status text, reason text, reasons text[], changes_on date, "
                        + "facts_hash text, field_office_code text) on commit drop").update();
                try (Reader reader = Files.newBufferedReader(verdicts, StandardCharsets.UTF_8)) {
                    connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy verdict_in from stdin", reader);
                }
                long changed = tx.sql("""
                        with up as (
                          insert into case_verdict (idncase, as_of, status, reason, reasons, changes_on, facts_hash,
                                                    field_office_code, screening_id)
                          select idncase, ?, status, reason, reasons, changes_on, facts_hash, field_office_code, ?
                          from verdict_in
                          on conflict (as_of, idncase) do update set status = excluded.status,
                            reason = excluded.reason, reasons = excluded.reasons, changes_on = excluded.changes_on,
                            facts_hash = excluded.facts_hash, field_office_code = excluded.field_office_code,
                            screening_id = excluded.screening_id
                          where (case_verdict.status, case_verdict.reason, case_verdict.reasons,
                                 case_verdict.changes_on, case_verdict.facts_hash, case_verdict.field_office_code)
                                is distinct from (excluded.status, excluded.reason, excluded.reasons, excluded.changes_on,
                                 excluded.facts_hash, excluded.field_office_code)
                          returning 1)
                        select count(*) from up""").params(asOf, id).query(Long.class).single();
                Report report = report(tx, id, asOf, fieldOffice, cases, changed, started);
                tx.sql("update screening set finished_at = now(), cases = ?, evaluated = ?, reused = ?, "
                        + "report = ?::jsonb where id = ?")
                        .params(cases, changed, cases - changed, toJson(report), id).update();
                connection.commit();
                log.info("Screening {} as of {}{}: {} cases ({} changed) in {} ms: {}", id, asOf,
                        fieldOffice == null ? "" : " in " + fieldOffice, cases, changed, report.millis(),
                        report.verdicts());
                return report;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("screening failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (verdicts != null) {
                verdicts.toFile().delete();
            }
        }
    }

    private long evaluateAll(Connection connection, LocalDate asOf, Path out) throws SQLException, IOException {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long[] count = {0};
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(128);
            DocketFacts.forEach(connection, screened -> {
                Verdict verdict = gate.evaluate(screened.facts(), asOf);
                line.setLength(0);
                line.append(screened.facts().idnCase()).append('\t').append(verdict.status().name()).append('\t')
                        .append(verdict.reason().ruleId()).append("\t{")
                        .append(String.join(",", LegalGate.reasons(verdict))).append("}\t")
                        .append(verdict.changesOn().map(LocalDate::toString).orElse("\\N")).append('\t')
                        .append(HexFormat.of().formatHex(sha1.digest(screened.facts().toString()
                                .getBytes(StandardCharsets.UTF_8)))).append('\t')
                        .append(screened.fieldOffice() == null ? "\\N" : screened.fieldOffice()).append('\n');
                try {
                    writer.append(line);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                count[0]++;
            });
        }
        return count[0];
    }

    private static Report report(JdbcClient tx, long id, LocalDate asOf, String fieldOffice, long cases, long changed,
            long started) {
        VerdictCounts verdicts = tx.sql("""
                select count(*) filter (where status = 'EXECUTABLE'), count(*) filter (where status = 'NOT_EXECUTABLE'),
                       count(*) filter (where status = 'FROZEN') from verdict_in""")
                .query((rs, n) -> new VerdictCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
        List<ReasonCount> reasons = tx.sql("""
                select reason, status, count(*) from verdict_in
                group by reason, status order by status, count(*) desc, reason""")
                .query((rs, n) -> new ReasonCount(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
        List<OfficeCounts> offices = tx.sql("""
                select coalesce(field_office_code, '?'), count(*) filter (where status = 'EXECUTABLE'),
                       count(*) filter (where status = 'NOT_EXECUTABLE'), count(*) filter (where status = 'FROZEN')
                from verdict_in group by 1 order by 1""")
                .query((rs, n) -> new OfficeCounts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
        return new Report(id, asOf, fieldOffice, cases, changed, cases - changed, verdicts, reasons, offices,
                (System.nanoTime() - started) / 1_000_000);
    }

    public Optional<Report> report(long id) {
        return jdbc.sql("select report::text from screening where id = ? and report is not null").param(id)
                .query(String.class).optional().map(text -> {
                    try {
                        return json.readValue(text, Report.class);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("unreadable screening report", e);
                    }
                });
    }

    private String toJson(Report report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
