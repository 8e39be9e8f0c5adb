package org.caseops.system;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Read replicas (issue 19, ADR 013, docs/operations.md "Read replicas"): which transactions run on the replica, how
 * far behind the primary it is, and whose fresh writes it has not replayed yet.
 *
 * <ul>
 *   <li><b>Routing.</b> A request whose handler is marked {@link ReplicaRead} is <i>eligible</i> when the replica is
 *   up, within {@code caseops.db.replica-max-lag} and has replayed the user's last write; then its read-only
 *   transactions ({@code @Transactional(readOnly = true)}) take a replica connection and everything else the request
 *   does stays on the primary. The request still holds one connection at a time: {@link RequestConnection} gives its
 *   idle primary connection back before the replica transaction begins and the replica's back when it ends.</li>
 *   <li><b>Lag bound.</b> Every {@code caseops.db.replica-check-interval} (1 s) a monitor reads the primary's
 *   {@code pg_current_wal_insert_lsn()} (kept as a time series) and the replica's {@code pg_last_wal_replay_lsn()}: the
 *   replica holds everything the primary had at the latest sampled moment whose LSN it has replayed, so its data is at
 *   most {@code now - that moment} old — an upper bound that is right when the primary is idle too, unlike
 *   {@code now() - pg_last_xact_replay_timestamp()}. Above the bound, or down, or promoted (no longer in recovery),
 *   eligible requests run on the primary and are counted; a change of state is logged once.</li>
 *   <li><b>Read-your-writes.</b> After a user's request that may have written (any method but GET, HEAD, OPTIONS),
 *   the primary's WAL position is kept for that user (in memory, by user name, for API tokens) and in the browser
 *   session (Spring Session JDBC, so that every instance sees it); that user's reads go to the replica only once it
 *   has replayed past it.</li>
 * </ul>
 * Without {@code caseops.db.replica-url} nothing of this runs: the pool is the primary's, exactly as before.
 */
public final class ReplicaRouting implements AutoCloseable {

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(ReplicaRouting.class);

    /** The session attribute that holds the user's last write position on the primary (bytes of WAL). */
    public static final String SESSION_LSN = "caseops.replica.written-lsn";

    public enum State {
        /** no replica configured */
        NONE,
        /** not measured yet */
        UNKNOWN,
        /** answering and within the lag bound */
        UP,
        /** answering, but further behind the primary than the bound */
        LAGGING,
        /** not answering, or not a replica any more (promoted) */
        DOWN
    }

    /** Why an eligible request ran on the primary. */
    public enum Fallback { DOWN, LAG, READ_YOUR_WRITES }

    /** The request thread's decision: its read-only transactions may go to the replica. */
    private static final ThreadLocal<Boolean> ELIGIBLE = new ThreadLocal<>();

    /** The read-only transaction of this thread that runs on the replica, while it runs. */
    private static final ThreadLocal<TransactionExecution> REPLICA_TX = new ThreadLocal<>();

    /**
     * One measurement: when, the primary's WAL position then, the replica's replay position, the moment of the
     * primary's history the replica holds all of ({@code asOf}, epoch millis), and the state it gave.
     */
    record Measure(long at, long primaryLsn, long replayed, long asOf, boolean paused, State state) {
        long lagMillis(long now) {
            return Math.max(0, now - asOf);
        }
    }

    /** What {@code /actuator/info} shows under {@code replica}, and the benchmark reads. */
    public record Status(State state, long lagMillis, long maxLagMillis, long boundMillis, boolean replayPaused,
            long replicaReads, Map<Fallback, Long> fallbacks) {
    }

    private final HikariDataSource replica;
    private final Duration bound;
    private final Duration interval;
    private volatile DataSource primary;
    private volatile Measure last;
    private volatile State state;
    private volatile ScheduledExecutorService monitor;
    private final Deque<long[]> samples = new ArrayDeque<>();
    private final Map<String, Long> written = new ConcurrentHashMap<>();
    private final LongAdder replicaReads = new LongAdder();
    private final Map<Fallback, LongAdder> fallbacks = new EnumMap<>(Fallback.class);
    private final AtomicLong maxLag = new AtomicLong();

    private ReplicaRouting(HikariDataSource replica, Duration bound, Duration interval) {
        this.replica = replica;
        this.bound = bound;
        this.interval = interval;
        this.state = replica == null ? State.NONE : State.UNKNOWN;
        for (Fallback f : Fallback.values()) {
            fallbacks.put(f, new LongAdder());
        }
    }

    /** No replica: every call is the primary's. */
    static ReplicaRouting none() {
        return new ReplicaRouting(null, Duration.ZERO, Duration.ZERO);
    }

    /** A replica behind its own pool (not started until first used); {@link #route} gives the routing data source. */
    static ReplicaRouting to(HikariDataSource replica, Duration bound, Duration interval) {
        return new ReplicaRouting(replica, bound, interval);
    }

    public boolean enabled() {
        return replica != null;
    }

    /** The data source the application uses: the primary's pool, and the replica's for replica transactions. */
    DataSource route(DataSource primaryPool) {
        if (!enabled()) {
            return primaryPool;
        }
        this.primary = primaryPool;
        return new Routed(primaryPool);
    }

    /** Starts measuring the replica's lag (once the context is up: the first measure signs in to both servers). */
    synchronized void start() {
        if (!enabled() || monitor != null || primary == null) {
            return;
        }
        monitor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "caseops-replica-lag");
            t.setDaemon(true);
            return t;
        });
        monitor.scheduleWithFixedDelay(this::measure, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    // ---- the request's decision -------------------------------------------------------------------------------

    /**
     * Decides for the current request (its handler is marked {@link ReplicaRead}): eligible for the replica, or
     * counted as a fallback with its reason. {@code user} may be null (anonymous), {@code sessionLsn} too.
     */
    boolean decide(String user, Long sessionLsn) {
        Measure m = last;
        long now = System.currentTimeMillis();
        Fallback reason = null;
        if (m == null || m.state() == State.DOWN || m.state() == State.UNKNOWN) {
            reason = Fallback.DOWN;
        } else if (m.lagMillis(now) > bound.toMillis()) {
            reason = Fallback.LAG;
        } else {
            long need = Math.max(user == null ? 0 : written.getOrDefault(user, 0L),
                    sessionLsn == null ? 0 : sessionLsn);
            if (need > m.replayed()) {
                reason = Fallback.READ_YOUR_WRITES;
            }
        }
        if (reason != null) {
            fallbacks.get(reason).increment();
            ELIGIBLE.remove();
            return false;
        }
        ELIGIBLE.set(Boolean.TRUE);
        return true;
    }

    /** The request has ended: nothing of it goes to the replica any more. */
    static void endRequest() {
        ELIGIBLE.remove();
        REPLICA_TX.remove();
    }

    /** Whether the current thread is inside a transaction that runs on the replica. */
    static boolean replicaTransaction() {
        return REPLICA_TX.get() != null;
    }

    /** Remembers a write of {@code user} up to {@code lsn} on the primary. */
    void written(String user, long lsn) {
        written.merge(user, lsn, Math::max);
    }

    /**
     * The primary's WAL position now, in bytes (on the given connection): where the next record goes, so past the
     * commit record of every transaction that has returned, also with {@code synchronous_commit = off} (where
     * {@code pg_current_wal_lsn()}, the position written so far, may still be before it).
     */
    static long currentLsn(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Chooses the replica for the new read-only transactions of an eligible request. */
    TransactionExecutionListener listener() {
        return new TransactionExecutionListener() {
            @Override
            public void beforeBegin(TransactionExecution tx) {
                if (ELIGIBLE.get() == Boolean.TRUE && REPLICA_TX.get() == null && tx.isNewTransaction()
                        && tx.isReadOnly()) {
                    REPLICA_TX.set(tx);
                }
            }

            @Override
            public void afterBegin(TransactionExecution tx, Throwable beginFailure) {
                if (beginFailure != null) {
                    ended(tx);
                }
            }

            @Override
            public void afterCommit(TransactionExecution tx, Throwable commitFailure) {
                ended(tx);
            }

            @Override
            public void afterRollback(TransactionExecution tx, Throwable rollbackFailure) {
                ended(tx);
            }

            private void ended(TransactionExecution tx) {
                if (REPLICA_TX.get() == tx) {
                    REPLICA_TX.remove();
                }
            }
        };
    }

    // ---- the lag monitor --------------------------------------------------------------------------------------

    /** One measurement of both servers; never throws (the monitor keeps running). */
    void measure() {
        try {
            measureOnce();
        } catch (RuntimeException e) {
            log.warn("Could not measure the read replica's lag", e);
        }
    }

    private void measureOnce() {
        long at = System.currentTimeMillis();
        long primaryLsn;
        try (Connection c = primary.getConnection()) {
            primaryLsn = currentLsn(c);
        } catch (SQLException | RuntimeException e) {
            // the primary itself does not answer: nothing to compare the replica with; requests fail on their own
            log.debug("Replica lag: the primary does not answer", e);
            return;
        }
        synchronized (samples) {
            samples.addLast(new long[] {at, primaryLsn});
            long keep = Math.max(bound.toMillis() * 3, 10_000);
            while (samples.size() > 2 && samples.peekFirst()[0] < at - keep) {
                samples.removeFirst();
            }
        }
        Measure previous = last;
        Measure now;
        try (Connection c = replica.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout((int) Math.max(1, interval.toSeconds() * 2));
            try (ResultSet rs = s.executeQuery("select pg_is_in_recovery(), "
                    + "(coalesce(pg_last_wal_replay_lsn(), '0/0') - '0/0'::pg_lsn)::bigint, "
                    + "case when pg_is_in_recovery() then pg_is_wal_replay_paused() else false end")) {
                rs.next();
                boolean recovering = rs.getBoolean(1);
                long replayed = rs.getLong(2);
                boolean paused = rs.getBoolean(3);
                if (!recovering) {
                    now = new Measure(at, primaryLsn, replayed, 0, false, State.DOWN);
                    change(now, "it is not in recovery (promoted?): it no longer follows this primary");
                    return;
                }
                long asOf = asOf(at, primaryLsn, replayed, previous);
                long lag = Math.max(0, at - asOf);
                maxLag.accumulateAndGet(lag, Math::max);
                now = new Measure(at, primaryLsn, replayed, asOf, paused,
                        lag > bound.toMillis() ? State.LAGGING : State.UP);
                written.values().removeIf(lsn -> lsn <= replayed);
                change(now, "lag at most " + lag + " ms (bound " + bound.toMillis() + " ms)"
                        + (paused ? ", replay paused" : ""));
            }
        } catch (SQLException | RuntimeException e) {
            now = new Measure(at, primaryLsn, previous == null ? 0 : previous.replayed(), previous == null ? 0
                    : previous.asOf(), false, State.DOWN);
            change(now, "it does not answer (" + e.getMessage() + ")");
        }
    }

    /** The latest moment of the primary's history that the replica has all of (epoch millis). */
    private long asOf(long at, long primaryLsn, long replayed, Measure previous) {
        if (replayed >= primaryLsn) {
            return at;
        }
        long found = -1;
        synchronized (samples) {
            for (Iterator<long[]> it = samples.descendingIterator(); it.hasNext(); ) {
                long[] sample = it.next();
                if (sample[1] <= replayed) {
                    found = sample[0];
                    break;
                }
            }
            if (found < 0) {
                // behind every sample kept: at least as old as the oldest
                long oldest = samples.isEmpty() ? at : samples.peekFirst()[0];
                found = previous == null || previous.asOf() <= 0 ? oldest - 1 : Math.min(previous.asOf(), oldest - 1);
            }
        }
        return found;
    }

    private void change(Measure now, String detail) {
        State before = state;
        last = now;
        state = now.state();
        if (before != now.state()) {
            if (now.state() == State.UP) {
                log.info("Read replica {}: serving read-only work ({})", now.state(), detail);
            } else {
                log.warn("Read replica {}: read-only work runs on the primary ({})", now.state(), detail);
            }
            if (now.state() == State.DOWN) {
                // connections to a server that went away fail at their next use: let the pool make new ones
                var pool = replica.getHikariPoolMXBean();
                if (pool != null) {
                    pool.softEvictConnections();
                }
            }
        }
    }

    /** A replica connection failed to open although the monitor thought it up: down until measured again. */
    private void failed(SQLException e) {
        Measure m = last;
        if (m != null) {
            change(new Measure(m.at(), m.primaryLsn(), m.replayed(), m.asOf(), false, State.DOWN),
                    "a connection failed: " + e.getMessage());
        }
        fallbacks.get(Fallback.DOWN).increment();
    }

    // ---- figures ----------------------------------------------------------------------------------------------

    public Status status() {
        Measure m = last;
        Map<Fallback, Long> counted = new EnumMap<>(Fallback.class);
        fallbacks.forEach((f, n) -> counted.put(f, n.sum()));
        return new Status(state, m == null || m.state() == State.DOWN ? -1 : m.lagMillis(System.currentTimeMillis()),
                maxLag.get(), bound.toMillis(), m != null && m.paused(), replicaReads.sum(), counted);
    }

    Map<String, Object> info() {
        Status s = status();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("state", s.state());
        if (enabled()) {
            info.put("lagMillis", s.lagMillis());
            info.put("maxLagMillis", s.maxLagMillis());
            info.put("boundMillis", s.boundMillis());
            info.put("replayPaused", s.replayPaused());
            info.put("replicaReads", s.replicaReads());
            info.put("fallbacks", s.fallbacks());
        }
        return info;
    }

    @Override
    public synchronized void close() {
        if (monitor != null) {
            monitor.shutdownNow();
            try {
                monitor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            monitor = null;
        }
        if (replica != null) {
            replica.close();
        }
    }

    /** The application's data source with a replica: the primary, and the replica inside a replica transaction. */
    final class Routed implements DataSource, AutoCloseable {

        private final DataSource primaryPool;

        Routed(DataSource primaryPool) {
            this.primaryPool = primaryPool;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (REPLICA_TX.get() != null) {
                try {
                    Connection c = replica.getConnection();
                    replicaReads.increment();
                    return c;
                } catch (SQLException e) {
                    failed(e);
                    REPLICA_TX.remove();
                }
            }
            return primaryPool.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return primaryPool.getConnection(username, password);
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return iface.isInstance(this) ? iface.cast(this) : primaryPool.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return iface.isInstance(this) || primaryPool.isWrapperFor(iface);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return primaryPool.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            primaryPool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            primaryPool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return primaryPool.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getLogger("org.caseops.system");
        }

        @Override
        public void close() throws Exception {
            ReplicaRouting.this.close();
            if (primaryPool instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
