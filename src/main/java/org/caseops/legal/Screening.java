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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Optional;
import javax.sql.DataSource;
import org.caseops.legal.rules.PolicySet;
import org.caseops.legal.rules.Status;
import org.caseops.legal.rules.Verdict;
import org.caseops.system.OneTransaction;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Service;

/**
 * Screens the whole docket (or one field office) as of a date: every case's facts stream from the database in
 * IDNCASE order through the same pure rules as a single verdict, the verdicts go back by {@code COPY}, and only
 * verdicts whose facts, rules or outcome changed since the last screening for that date are judged again and
 * rewritten. One transaction.
 * A stored verdict is a report for planning and oversight, never a permission: actions re-check the gate.
 */
@Service
public class Screening {

    private static final Logger log = LoggerFactory.getLogger(Screening.class);

    /** The cases to screen with their field office, from the case index (a whole-docket read reads the view). */
    private static final String SCREEN_CASES = "create temp table screen_cases on commit drop as "
            + "select idncase, field_office_code from screening_case";

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

    /** How long each phase took: choosing the cases, streaming and judging them, storing the changed verdicts. */
    public record Phases(long selectMillis, long evaluateMillis, long storeMillis) {
    }

    /**
     * A screening's outcome. {@code reused}: verdicts taken over from an earlier screening of the same date because the
     * case's facts and the rules are unchanged (the others were judged); {@code rules}: the fingerprint of the rules
     * the verdicts were judged with (see {@link #rulesFingerprint()}); {@code read}: the cases whose facts were read
     * (every case in scope, or after an earlier screening of the date only those changed since, V84).
     */
    public record Report(long screeningId, LocalDate asOf, String fieldOffice, long cases, long changed,
            long unchanged, VerdictCounts verdicts, List<ReasonCount> reasons, List<OfficeCounts> fieldOffices,
            long millis, Phases phases, long reused, String rules, long read) {
    }

    public Report screen(LocalDate asOf, String fieldOffice, String actor) {
        Path changedVerdicts = null;
        try {
            changedVerdicts = Files.createTempFile("caseops-screening", ".tsv");
            Path file = changedVerdicts;
            Report report = OneTransaction.run(dataSource, connection -> screen(connection, asOf, fieldOffice, actor,
                    file));
            log.info("Screening {} as of {}{}: {} cases ({} changed) in {} ms: {}", report.screeningId(), asOf,
                    fieldOffice == null ? "" : " in " + fieldOffice, report.cases(), report.changed(),
                    report.millis(), report.verdicts());
            return report;
        } catch (SQLException e) {
            throw new IllegalStateException("screening failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (changedVerdicts != null) {
                changedVerdicts.toFile().delete();
            }
        }
    }

    private Report screen(Connection connection, LocalDate asOf, String fieldOffice, String actor,
            Path changedVerdicts) throws SQLException, IOException {
        long started = System.nanoTime();
        JdbcClient tx = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        tx.sql("select pg_advisory_xact_lock(hashtext('caseops.screening'))").query().singleRow();
        // taken before any fact is read: a change its snapshot does not see is one this screening has not judged (V84)
        long id = tx.sql("insert into screening (as_of, field_office, actor, snapshot) "
                + "values (?, ?, ?, pg_current_snapshot()) returning id")
                .params(asOf, fieldOffice, actor).query(Long.class).single();
        String rules = rulesFingerprint();
        Set<Long> sameRules = new HashSet<>(tx.sql("select id from screening where as_of = ? and finished_at is not "
                + "null and report->>'rules' = ?").params(asOf, rules).query(Long.class).list());
        long mark = System.nanoTime();
        tx.sql("set local work_mem = '256MB'").update();
        Optional<String> since = unchangedDocketSince(tx, asOf, rules);
        boolean wholeDocket = fieldOffice == null && since.isEmpty();
        if (!wholeDocket) {
            selectCases(tx, since, fieldOffice);
        }
        long selectMillis = millisSince(mark);

        mark = System.nanoTime();
        Tally tally = new Tally(sameRules);
        evaluateAll(connection, asOf, changedVerdicts, wholeDocket, tally);
        long evaluateMillis = millisSince(mark);

        mark = System.nanoTime();
        if (tally.stored == 0 && since.isEmpty()) {
            // Nothing stored for this date yet: every verdict is new, so they go straight into the table.
            try (Reader reader = Files.newBufferedReader(changedVerdicts, StandardCharsets.UTF_8)) {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy case_verdict (idncase, status, "
                        + "reason, reasons, changes_on, facts_hash, field_office_code, as_of, screening_id) "
                        + "from stdin", new SuffixingReader(reader, "\t" + asOf + "\t" + id));
            }
        } else {
            storeChanged(tx, connection, changedVerdicts, asOf, id);
        }
        if (since.isPresent()) {
            // the cases not read keep the verdicts stored for the date: count every case in scope from the table
            tally.countStored(tx, asOf, fieldOffice);
        }
        long storeMillis = millisSince(mark);

        Report report = tally.report(id, asOf, fieldOffice, millisSince(started),
                new Phases(selectMillis, evaluateMillis, storeMillis), rules);
        tx.sql("update screening set finished_at = now(), cases = ?, evaluated = ?, reused = ?, "
                + "report = ?::jsonb where id = ?")
                .params(report.cases(), report.cases() - report.reused(), report.reused(), toJson(report), id)
                .update();
        return report;
    }

    /**
     * Fills {@code screen_cases} with the cases to read: those of one field office, those with a legal record written
     * by a transaction the snapshot {@code since} did not see (docs/operations.md, "Re-screening"), or both.
     */
    private static void selectCases(JdbcClient tx, Optional<String> since, String fieldOffice) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        since.ifPresent(snapshot -> {
            where.add("idncase in (select idncase from legal_record_change "
                    + "where not pg_visible_in_snapshot(xid, ?::pg_snapshot))");
            params.add(snapshot);
        });
        if (fieldOffice != null) {
            where.add("field_office_code = ?");
            params.add(fieldOffice);
        }
        tx.sql(SCREEN_CASES + " where " + String.join(" and ", where)).params(params).update();
        tx.sql("analyze screen_cases").update();
    }

    /**
     * The snapshot of the last whole-docket screening of the date when the verdicts stored for the date are all it
     * and later screenings judged under these rules and no transaction it did not see wrote the docket; then only the
     * cases whose legal records changed since need reading. Empty when the whole docket must be read: no such
     * screening, a screening under other rules since, or an import (or any docket write) it did not see.
     */
    private static Optional<String> unchangedDocketSince(JdbcClient tx, LocalDate asOf, String rules) {
        return tx.sql("""
                select b.snapshot::text from screening b
                where b.as_of = ? and b.field_office is null and b.finished_at is not null and b.snapshot is not null
                  and b.report->>'rules' = ?
                  and not exists (select 1 from screening l where l.as_of = b.as_of and l.id > b.id
                                    and l.finished_at is not null and l.report->>'rules' is distinct from ?)
                  and not exists (select 1 from gate_change c where not pg_visible_in_snapshot(c.xid, b.snapshot))
                order by b.id desc limit 1""").params(asOf, rules, rules).query(String.class).optional();
    }

    /** A verdict as stored for the date: its line as {@link #judge} writes it, its facts' fingerprint, its screening. */
    private record Stored(String line, String factsHash, long screeningId) {
    }

    /** One case as read: its facts and field office, and its verdict as stored for the same date (or null). */
    private record Read(DocketFacts.Screened screened, Stored stored) {
    }

    private static final List<Read> END = List.of();

    /**
     * Streams and judges every selected case (or reuses its stored verdict, see {@link #reuse}), and writes only the
     * verdicts that differ from those stored for the same date; counts every verdict for the report on the way. One
     * thread reads (all JDBC stays on it: a connection is not shared between threads), the calling thread judges,
     * compares and writes, so the two cores overlap. The facts' fingerprint is the records' own 32-bit hash: a
     * collision between changed facts keeps the old verdict in the report (about 1 in 4 billion per changed case,
     * docs/operations.md); actions never rely on a stored verdict.
     */
    private void evaluateAll(Connection connection, LocalDate asOf, Path out, boolean wholeDocket, Tally tally)
            throws SQLException, IOException {
        BlockingQueue<List<Read>> queue = new ArrayBlockingQueue<>(16);
        AtomicReference<Throwable> readFailure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                read(connection, asOf, wholeDocket, queue);
            } catch (Throwable e) {
                readFailure.set(e);
            } finally {
                try {
                    queue.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "screening-reader");
        reader.start();
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(128);
            for (List<Read> batch = queue.take(); batch != END; batch = queue.take()) {
                for (Read read : batch) {
                    judge(read, asOf, line, tally, writer);
                }
            }
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("screening interrupted", e);
        } finally {
            if (reader.isAlive()) {
                reader.interrupt();
                queue.clear();
            }
        }
        if (readFailure.get() instanceof SQLException e) {
            throw e;
        } else if (readFailure.get() != null) {
            throw new IllegalStateException("screening failed while reading the docket", readFailure.get());
        }
    }

    private static void read(Connection connection, LocalDate asOf, boolean wholeDocket, BlockingQueue<List<Read>> queue)
            throws SQLException {
        try (OrderedCursor stored = new OrderedCursor(connection, """
                select idncase, status || E'\\t' || reason || E'\\t' || reasons::text || E'\\t'
                       || coalesce(changes_on::text, E'\\\\N') || E'\\t' || facts_hash || E'\\t'
                       || coalesce(field_office_code, E'\\\\N'), facts_hash, screening_id
                from case_verdict v where as_of = ?""" + (wholeDocket ? ""
                : " and exists (select 1 from screen_cases s where s.idncase = v.idncase)") + " order by idncase",
                asOf)) {
            AtomicReference<List<Read>> batch = new AtomicReference<>(new ArrayList<>(1000));
            DocketFacts.forEach(connection, wholeDocket, screened -> {
                try {
                    List<Stored> before = stored.rowsOf(screened.facts().idnCase(),
                            (rs, n) -> new Stored(rs.getString(2), rs.getString(3), rs.getLong(4)));
                    batch.get().add(new Read(screened, before.isEmpty() ? null : before.get(0)));
                    if (batch.get().size() == 1000) {
                        queue.put(batch.getAndSet(new ArrayList<>(1000)));
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("screening interrupted", e);
                }
            });
            if (!batch.get().isEmpty()) {
                queue.put(batch.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("screening interrupted", e);
        }
    }

    private void judge(Read read, LocalDate asOf, StringBuilder line, Tally tally, BufferedWriter writer)
            throws IOException {
        DocketFacts.Screened screened = read.screened();
        tally.read++;
        String factsHash = Integer.toHexString(screened.facts().hashCode());
        Stored stored = read.stored();
        if (stored != null && stored.factsHash().equals(factsHash) && tally.sameRules.contains(stored.screeningId())) {
            reuse(stored, screened, line, tally, writer);
            return;
        }
        Verdict verdict = gate.evaluate(screened.facts(), asOf);
        String reason = verdict.reason().ruleId();
        line.setLength(0);
        line.append(verdict.status().name()).append('\t').append(reason).append("\t{");
        List<String> reasons = LegalGate.reasons(verdict);
        for (int i = 0; i < reasons.size(); i++) {
            line.append(i == 0 ? "" : ",").append(reasons.get(i));
        }
        line.append("}\t").append(verdict.changesOn().isPresent() ? verdict.changesOn().get().toString() : "\\N")
                .append('\t')
                .append(factsHash).append('\t')
                .append(screened.fieldOffice() == null ? "\\N" : screened.fieldOffice());
        tally.count(verdict.status(), reason, screened.fieldOffice());
        if (stored != null) {
            tally.stored++;
        }
        // a verdict stored under other rules is rewritten even when it reads the same, so that its screening says
        // which rules it was judged with and the next screening can reuse it
        if (stored == null || !stored.line().contentEquals(line) || !tally.sameRules.contains(stored.screeningId())) {
            tally.changed++;
            writer.append(String.valueOf(screened.facts().idnCase())).append('\t').append(line).append('\n');
        }
    }

    /**
     * The same facts judged by the same rules on the same date: the gate is a pure function of the three, so the
     * stored verdict is the verdict. Only the field office (not a fact the gate reads) may have moved.
     */
    private static void reuse(Stored stored, DocketFacts.Screened screened, StringBuilder line, Tally tally,
            BufferedWriter writer) throws IOException {
        String s = stored.line();
        int status = s.indexOf('\t');
        int reason = s.indexOf('\t', status + 1);
        int office = s.lastIndexOf('\t') + 1;
        tally.count(Status.valueOf(s.substring(0, status)), s.substring(status + 1, reason), screened.fieldOffice());
        tally.stored++;
        tally.reused++;
        String now = screened.fieldOffice() == null ? "\\N" : screened.fieldOffice();
        if (s.length() - office != now.length() || !s.startsWith(now, office)) {
            line.setLength(0);
            line.append(s, 0, office).append(now);
            tally.changed++;
            writer.append(String.valueOf(screened.facts().idnCase())).append('\t').append(line).append('\n');
        }
    }

    private volatile String rulesFingerprint;

    /**
     * What a verdict was judged with besides the facts and the date: the SHA-256 of the rule classes' bytecode (any
     * change to a rule, a code table or the calendar changes it) and of the policy set in force (its versions and the
     * data-staleness bound). A stored verdict is reused only under the same fingerprint.
     */
    String rulesFingerprint() {
        String known = rulesFingerprint;
        if (known != null) {
            return known;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Resource[] classes = new PathMatchingResourcePatternResolver(Verdict.class.getClassLoader())
                    .getResources("classpath*:org/caseops/legal/rules/**/*.class");
            if (classes.length == 0) {
                throw new IllegalStateException("the legal rules' classes are not on the class path");
            }
            Arrays.sort(classes, Comparator.comparing(r -> String.valueOf(r.getFilename())));
            for (Resource r : classes) {
                digest.update(String.valueOf(r.getFilename()).getBytes(StandardCharsets.UTF_8));
                try (var in = r.getInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
            PolicySet policies = gate.policies();
            digest.update((policies.versions() + "|" + policies.calendar().getClass().getName() + "|"
                    + policies.dataStaleAfterDays()).getBytes(StandardCharsets.UTF_8));
            known = HexFormat.of().formatHex(digest.digest(), 0, 16);
            rulesFingerprint = known;
            return known;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Some verdicts are stored for this date: upsert the changed ones. */
    private static void storeChanged(JdbcClient tx, Connection connection, Path changedVerdicts, LocalDate asOf,
            long id) throws SQLException, IOException {
        tx.sql("create temp table verdict_in (idncase bigint, status text, reason text, reasons text[], "
                + "changes_on date, facts_hash text, field_office_code text) on commit drop").update();
        try (Reader reader = Files.newBufferedReader(changedVerdicts, StandardCharsets.UTF_8)) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy verdict_in from stdin", reader);
        }
        tx.sql("""
                insert into case_verdict (idncase, as_of, status, reason, reasons, changes_on, facts_hash,
                          field_office_code, screening_id)
                select idncase, ?, status, reason, reasons, changes_on, facts_hash, field_office_code, ?
                from verdict_in
                on conflict (as_of, idncase) do update set status = excluded.status,
                  reason = excluded.reason, reasons = excluded.reasons, changes_on = excluded.changes_on,
                  facts_hash = excluded.facts_hash, field_office_code = excluded.field_office_code,
                  screening_id = excluded.screening_id""").params(asOf, id).update();
    }

    /** Appends the same text to every line a reader gives (the as-of date and screening id of each verdict). */
    private static final class SuffixingReader extends Reader {
        private final java.io.BufferedReader lines;
        private final String suffix;
        private String pending = "";
        private int at;

        SuffixingReader(Reader reader, String suffix) {
            this.lines = new java.io.BufferedReader(reader, 1 << 16);
            this.suffix = suffix;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (at == pending.length()) {
                String line = lines.readLine();
                if (line == null) {
                    return -1;
                }
                pending = line + suffix + "\n";
                at = 0;
            }
            int n = Math.min(length, pending.length() - at);
            pending.getChars(at, at + n, buffer, offset);
            at += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            lines.close();
        }
    }

    private static long millisSince(long mark) {
        return (System.nanoTime() - mark) / 1_000_000;
    }

    /** The report's counts, kept while the verdicts stream past. */
    private static final class Tally {
        private final long[] verdicts = new long[3];
        /** Per deciding rule, the cases by status (the rule ids are the same few constant strings). */
        private final Map<String, long[]> reasons = new HashMap<>();
        private final Map<String, long[]> offices = new HashMap<>();
        long changed;
        long read;
        long stored;
        long reused;
        /** The screenings of the same date judged with the same rules: their verdicts can be reused. */
        final Set<Long> sameRules;

        Tally(Set<Long> sameRules) {
            this.sameRules = sameRules;
        }

        private static final Status[] BY_INDEX = {Status.EXECUTABLE, Status.NOT_EXECUTABLE, Status.FROZEN};

        void count(Status status, String reason, String fieldOffice) {
            count(status, reason, fieldOffice, 1);
        }

        void count(Status status, String reason, String fieldOffice, long cases) {
            int i = status == Status.EXECUTABLE ? 0 : status == Status.NOT_EXECUTABLE ? 1 : 2;
            verdicts[i] += cases;
            reasons.computeIfAbsent(reason, k -> new long[3])[i] += cases;
            offices.computeIfAbsent(fieldOffice == null ? "?" : fieldOffice, k -> new long[3])[i] += cases;
        }

        /**
         * Counts again from the verdicts stored for the date, those just written included: every case in scope (as the
         * case index places it, as a whole-docket read would) with its stored verdict. The cases judged by this
         * screening were counted as read; they are not counted twice.
         */
        void countStored(JdbcClient tx, LocalDate asOf, String fieldOffice) {
            long judged = verdicts[0] + verdicts[1] + verdicts[2];
            Arrays.fill(verdicts, 0);
            reasons.clear();
            offices.clear();
            tx.sql("""
                    select v.status, v.reason, s.field_office_code, count(*)
                    from screening_case s join case_verdict v on v.idncase = s.idncase and v.as_of = ?
                    """ + (fieldOffice == null ? "" : "where s.field_office_code = ? ")
                    + "group by 1, 2, 3")
                    .params(fieldOffice == null ? List.of(asOf) : List.of(asOf, fieldOffice))
                    .query(rs -> {
                        count(Status.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getLong(4));
                    });
            reused = verdicts[0] + verdicts[1] + verdicts[2] - judged + reused;
        }

        Report report(long id, LocalDate asOf, String fieldOffice, long millis, Phases phases, String rules) {
            long cases = verdicts[0] + verdicts[1] + verdicts[2];
            List<ReasonCount> byReason = reasons.entrySet().stream()
                    .flatMap(e -> java.util.stream.IntStream.range(0, 3).filter(i -> e.getValue()[i] > 0)
                            .mapToObj(i -> new ReasonCount(e.getKey(), BY_INDEX[i].name(), e.getValue()[i])))
                    .sorted(Comparator.comparing(ReasonCount::verdict)
                            .thenComparing(ReasonCount::cases, Comparator.reverseOrder())
                            .thenComparing(ReasonCount::reason))
                    .toList();
            List<OfficeCounts> byOffice = new TreeMap<>(offices).entrySet().stream()
                    .map(e -> new OfficeCounts(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                    .toList();
            return new Report(id, asOf, fieldOffice, cases, changed, cases - changed,
                    new VerdictCounts(verdicts[0], verdicts[1], verdicts[2]), byReason, byOffice, millis, phases, reused,
                    rules, read);
        }
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
