import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent audited reads, before and after the audit sequencer (docs/adr/006-audit-sequencer.md), on CaseOps's own
 * PostgreSQL while {@code caseops serve} runs (so its sequencer chains the "after" entries in the background).
 *
 * <p>One transaction is what an audited person read does to the database: a read, the audit append, a second read
 * (the rest of the request's work after {@code Access.read}), commit. Run as {@code caseops_app}, one connection
 * per client, no think time.
 * <ul>
 *   <li><b>before</b>: the append as CaseOps did it until V45 — {@code pg_advisory_xact_lock}, read the head, SHA-256
 *       in Java, insert with prev_hash and hash, the V10 trigger checks and moves the head — on a copy of the V10
 *       schema ({@code bench_v10}, created here from V10__audit_trail.sql). The lock is held to commit.</li>
 *   <li><b>after</b>: the append as CaseOps does it now — one insert into {@code audit_entry} (the trigger queues
 *       it); the server's sequencer chains it after commit. Also measured: how long each committed entry waited
 *       unchained (its {@code sequenced_at} minus the client's clock at commit, same machine).</li>
 * </ul>
 *
 * <p>Arguments: JDBC URL (the owner, e.g. jdbc:postgresql://localhost:PORT/postgres?user=postgres), client counts
 * (comma-separated), seconds per run, warm-up seconds, V10 migration file, output directory.
 */
public class AuditBench {

    static final String READ = "select code, name, city, state from field_office where code = ?";
    static final String REST = "select count(*) from field_office_area where field_office_code = ?";

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int[] clients = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        String v10 = Files.readString(Path.of(args[4]));
        Path out = Path.of(args[5]);
        Files.createDirectories(out);
        setUpBefore(url, v10);
        List<String> rows = new ArrayList<>();
        rows.add(String.join("\t", "mode", "clients", "transactions", "tx_per_s", "p50_ms", "p99_ms", "max_ms",
                "errors", "unchained_after_commit_p50_ms", "p99_ms", "max_ms", "pending_at_end"));
        for (int n : clients) {
            for (String mode : List.of("before", "after")) {
                run(url, mode, n, warmup, false);
                Result r = run(url, mode, n, seconds, true);
                String row = r.row(mode, n);
                System.out.println(row);
                rows.add(row);
            }
        }
        Files.write(out.resolve("runs.tsv"), rows, StandardCharsets.UTF_8);
        List<String> ratios = new ArrayList<>();
        ratios.add(String.join("\t", "clients", "before_tx_per_s", "after_tx_per_s", "after_over_before"));
        for (int i = 1; i < rows.size(); i += 2) {
            String[] b = rows.get(i).split("\t");
            String[] a = rows.get(i + 1).split("\t");
            ratios.add(String.join("\t", b[1], b[3], a[3],
                    String.format(Locale.ROOT, "%.2f", Double.parseDouble(a[3]) / Double.parseDouble(b[3]))));
        }
        ratios.add("");
        ratios.add("sequencer batch of 1000 entries, median of 5 (ms)\t" + batchMillis(url));
        Files.write(out.resolve("summary.tsv"), ratios, StandardCharsets.UTF_8);
    }

    /**
     * How long one sequencer batch of 1,000 entries takes: 1,000 entries recorded and committed while this session
     * holds the sequencer's lock (so the server's sequencer stays out), then {@code audit_sequence(1000, true)} on
     * the same session, timed.
     */
    static String batchMillis(String url) throws SQLException {
        List<Double> runs = new ArrayList<>();
        try (Connection holder = DriverManager.getConnection(url); Connection writer = DriverManager.getConnection(url);
             Statement h = holder.createStatement(); Statement w = writer.createStatement()) {
            h.execute("set role caseops_app");
            w.execute("set role caseops_app");
            for (int i = 0; i < 5; i++) {
                h.execute("select pg_advisory_lock(hashtext('caseops.audit.sequencer'))");
                w.execute("""
                        insert into audit_entry (actor, role, field_office, action, subject_type, subject_id, purpose,
                                                 request_id, detail)
                        select 'bench-batch', 'OFFICER', 'HOU', 'PERSON_READ', 'PERSON', '99100' || n, 'bench',
                               'batch-' || n, null
                        from generate_series(1, 1000) n""");
                long t0 = System.nanoTime();
                try (ResultSet rs = h.executeQuery("select audit_sequence(1000, true)")) {
                    rs.next();
                    if (rs.getInt(1) != 1000) {
                        System.err.println("batch took " + rs.getInt(1) + " entries, not 1000");
                    }
                }
                runs.add((System.nanoTime() - t0) / 1e6);
                h.execute("select pg_advisory_unlock(hashtext('caseops.audit.sequencer'))");
            }
        }
        runs.sort(null);
        return String.format(Locale.ROOT, "%.1f", runs.get(2));
    }

    /** The V10 audit schema, as it was, in its own schema: the "before" of the comparison. */
    static void setUpBefore(String url, String v10) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("drop schema if exists bench_v10 cascade");
            s.execute("create schema bench_v10");
            s.execute("set search_path = bench_v10");
            s.execute(v10.replace("search_path = public", "search_path = bench_v10"));
            s.execute("grant usage on schema bench_v10 to caseops_app");
            s.execute("grant select, insert on bench_v10.audit_entry to caseops_app");
            s.execute("grant select on bench_v10.audit_head to caseops_app");
        }
    }

    record Result(long transactions, double seconds, long[] latencyMicros, long errors, long[] unchainedMicros,
            long pendingAtEnd) {
        String row(String mode, int clients) {
            Arrays.sort(latencyMicros);
            String lag = "-\t-\t-";
            if (unchainedMicros != null && unchainedMicros.length > 0) {
                Arrays.sort(unchainedMicros);
                lag = ms(pct(unchainedMicros, 0.5)) + "\t" + ms(pct(unchainedMicros, 0.99)) + "\t"
                        + ms(unchainedMicros[unchainedMicros.length - 1]);
            }
            return String.join("\t", mode, String.valueOf(clients), String.valueOf(transactions),
                    String.format(Locale.ROOT, "%.0f", transactions / seconds), ms(pct(latencyMicros, 0.5)),
                    ms(pct(latencyMicros, 0.99)), ms(latencyMicros.length == 0 ? 0 : latencyMicros[latencyMicros.length - 1]),
                    String.valueOf(errors), lag, pendingAtEnd < 0 ? "-" : String.valueOf(pendingAtEnd));
        }
    }

    static long pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    static String ms(long micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    static Result run(String url, String mode, int clients, int seconds, boolean measure) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<List<long[]>> commits = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            long[][] mine = {new long[1 << 16]};
            int[] count = {0};
            List<long[]> committed = new ArrayList<>();
            commits.add(committed);
            String actor = "bench-" + mode + "-" + i;
            Thread t = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url)) {
                    try (Statement s = c.createStatement()) {
                        s.execute("set role caseops_app");
                    }
                    c.setAutoCommit(false);
                    Appender append = mode.equals("before") ? new Before(c) : new After(c);
                    try (PreparedStatement read = c.prepareStatement(READ);
                         PreparedStatement rest = c.prepareStatement(REST)) {
                        read.setString(1, "HOU");
                        rest.setString(1, "HOU");
                        ready.countDown();
                        go.await();
                        long n = 0;
                        while (!stop.get()) {
                            long start = System.nanoTime();
                            try {
                                try (ResultSet rs = read.executeQuery()) {
                                    rs.next();
                                }
                                long seq = append.append(actor, "99100" + (n++ % 10000));
                                try (ResultSet rs = rest.executeQuery()) {
                                    rs.next();
                                }
                                c.commit();
                                Instant at = Instant.now();
                                if (seq > 0 && measure) {
                                    committed.add(new long[] {seq, at.getEpochSecond() * 1_000_000 + at.getNano() / 1000});
                                }
                            } catch (SQLException e) {
                                if (errors.incrementAndGet() <= 3) {
                                    System.err.println(mode + ", " + clients + " clients: " + e.getMessage());
                                }
                                c.rollback();
                            }
                            long micros = (System.nanoTime() - start) / 1000;
                            if (count[0] == mine[0].length) {
                                mine[0] = Arrays.copyOf(mine[0], mine[0].length * 2);
                            }
                            mine[0][count[0]++] = micros;
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    e.printStackTrace();
                } finally {
                    synchronized (latencies) {
                        latencies.add(Arrays.copyOf(mine[0], count[0]));
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        ready.await();
        long t0 = System.nanoTime();
        go.countDown();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
        long[] unchained = null;
        long pending = -1;
        if (mode.equals("after") && measure) {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("select count(*) from audit_pending")) {
                    rs.next();
                    pending = rs.getLong(1);
                }
                // wait for the server's sequencer to catch up, then read when each entry was chained
                for (int i = 0; i < 100 && pending > 0; i++) {
                    Thread.sleep(100);
                    try (ResultSet rs = s.executeQuery("select count(*) from audit_pending")) {
                        rs.next();
                        if (rs.getLong(1) == 0) {
                            break;
                        }
                    }
                }
                List<long[]> sample = new ArrayList<>();
                commits.forEach(sample::addAll);
                unchained = new long[sample.size()];
                try (PreparedStatement q = c.prepareStatement(
                        "select seq, sequenced_at from audit_chain where seq = any(?)")) {
                    java.util.Map<Long, Long> committedAt = new java.util.HashMap<>();
                    for (long[] e : sample) {
                        committedAt.put(e[0], e[1]);
                    }
                    q.setArray(1, c.createArrayOf("bigint", committedAt.keySet().toArray()));
                    int k = 0;
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            Timestamp ts = rs.getTimestamp(2);
                            long chained = ts.getTime() / 1000 * 1_000_000 + ts.getNanos() / 1000;
                            unchained[k++] = Math.max(0, chained - committedAt.get(rs.getLong(1)));
                        }
                    }
                    if (k != unchained.length) {
                        System.err.println("after, " + clients + " clients: " + (unchained.length - k)
                                + " committed entries not chained 10 s after the run");
                    }
                    unchained = Arrays.copyOf(unchained, k);
                }
            }
        }
        return new Result(all.length - errors.get(), elapsed, all, errors.get(), unchained, pending);
    }

    interface Appender {
        /** Appends one audit entry in the open transaction; returns its seq when it is one the sequencer chains. */
        long append(String actor, String subject) throws SQLException;
    }

    /** V10: lock, head, hash, insert; the lock is held until the transaction ends. */
    static final class Before implements Appender {
        final PreparedStatement lock;
        final PreparedStatement head;
        final PreparedStatement insert;
        final MessageDigest sha;

        Before(Connection c) throws Exception {
            lock = c.prepareStatement("select pg_advisory_xact_lock(hashtext('caseops.audit.bench'))");
            head = c.prepareStatement("select seq, hash, clock_timestamp() from bench_v10.audit_head");
            insert = c.prepareStatement("""
                    insert into bench_v10.audit_entry (seq, recorded_at, actor, role, field_office, action,
                        subject_type, subject_id, purpose, request_id, detail, prev_hash, hash)
                    values (?, ?, ?, 'OFFICER', 'HOU', 'PERSON_READ', 'PERSON', ?, 'bench', ?, null, ?, ?)""");
            sha = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public long append(String actor, String subject) throws SQLException {
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
            }
            long seq;
            String prev;
            Timestamp now;
            try (ResultSet rs = head.executeQuery()) {
                rs.next();
                seq = rs.getLong(1) + 1;
                prev = rs.getString(2);
                now = rs.getTimestamp(3);
            }
            String request = actor + "-" + seq;
            String form = "caseops-audit-v1\u001F" + seq + "\u001F" + now + "\u001F" + actor + "\u001FOFFICER\u001FHOU"
                    + "\u001FPERSON_READ\u001FPERSON\u001F" + subject + "\u001Fbench\u001F" + request + "\u001F-\u001F"
                    + prev;
            String hash = HexFormat.of().formatHex(sha.digest(form.getBytes(StandardCharsets.UTF_8)));
            insert.setLong(1, seq);
            insert.setTimestamp(2, now);
            insert.setString(3, actor);
            insert.setString(4, subject);
            insert.setString(5, request);
            insert.setString(6, prev);
            insert.setString(7, hash);
            insert.executeUpdate();
            return 0;
        }
    }

    /** V45: one insert, as AuditRows.insert does. */
    static final class After implements Appender {
        final PreparedStatement insert;
        long n;

        After(Connection c) throws SQLException {
            insert = c.prepareStatement("""
                    insert into audit_entry (actor, role, field_office, action, subject_type, subject_id, purpose,
                                             request_id, detail)
                    values (?, 'OFFICER', 'HOU', 'PERSON_READ', 'PERSON', ?, 'bench', ?, null)
                    returning seq, recorded_at""");
        }

        @Override
        public long append(String actor, String subject) throws SQLException {
            insert.setString(1, actor);
            insert.setString(2, subject);
            insert.setString(3, actor + "-" + n++);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
