package org.caseops.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.ConnectionHandle;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One pooled connection per request (issue 12, docs/operations.md "Connection pool"). A request's first query takes a
 * connection from the pool; every later query of the request — the sign-in's token and user, the read's transaction
 * and its audit entry — runs on that same connection, so that a request waits for the pool at most once instead of
 * once per step (token, user, read), and a thread that has begun a request is never sent to the back of the pool's
 * line halfway through it.
 *
 * <p>The connection goes back to the pool when the request's first transaction ends (committed or rolled back), or
 * at the end of the request if it never opened one: the response is written without holding it. A later query of the
 * same request takes one again. Code that is about to work a long time without the database (the planner's solver)
 * or that needs a connection of its own for bulk work ({@link OneTransaction}) calls {@link #handBack()} first.
 *
 * <p>Spring's own mechanism does the sharing: the connection is bound to the request's thread as a pre-bound
 * {@link ConnectionHolder} (as Spring's "open session in view" filters do), which {@code JdbcClient} and the
 * transaction manager use when it is there. Uploads ({@code multipart/*}) are left out, so that no connection waits
 * idle while a large body arrives; so is a thread that already has a connection bound (a test's transaction). Off
 * with {@code caseops.db.connection-per-request=false}.
 *
 * <p>With a read replica (ADR 013) a read-only transaction of a request marked {@link ReplicaRead} takes a replica
 * connection: the request's idle primary connection goes back to its pool before, and the replica's goes back when
 * the transaction ends, so the request still holds one connection at a time.
 *
 * <p>A request waits for a lock at most {@code caseops.db.request-lock-timeout} (5 s by default; PostgreSQL's
 * {@code lock_timeout}, set on the connection when the request takes it and reset before it goes back to the pool, so
 * imports, screenings and background work, which take the pool's connections themselves, wait as long as they must).
 * Beside a long operation that holds the docket's tables exclusively (a large first import, ADR 007), a request that
 * reads them is then answered 503 ({@link LongOperationBusy}) instead of holding its pooled connection until the
 * operation ends: with as many such requests as the pool has connections, nothing else, health included, could be
 * answered.
 *
 * <p>How many connections the requests took is counted ({@link #checkouts()}: requests and connections, by
 * {@link ConnectionNesting}'s guard, so only when {@code caseops.db.nested-connections} is not {@code off}); plain
 * counters rather than a Micrometer meter, since start-up leaves Boot's metrics out (docs/operations.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class RequestConnection extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestConnection.class);

    private static final ThreadLocal<Holder> CURRENT = new ThreadLocal<>();

    private final DataSource dataSource;
    private final boolean enabled;
    private final boolean counted;
    /** The requests' {@code lock_timeout} in milliseconds; 0: none. */
    private final long lockTimeoutMillis;
    private final LongAdder requests = new LongAdder();
    private final LongAdder taken = new LongAdder();

    RequestConnection(DataSource dataSource,
            @Value("${caseops.db.connection-per-request:true}") boolean enabled, CaseOpsProperties properties) {
        this.dataSource = dataSource;
        this.enabled = enabled;
        this.counted = dataSource instanceof ConnectionNesting.Guarded;
        this.lockTimeoutMillis = Math.max(0, properties.db().requestLockWait().toMillis());
    }

    /** Requests ended so far and the pooled connections they took, while the pool's guard counts. */
    public record Checkouts(long requests, long connections) {
    }

    /**
     * The requests that have ended since start and the connections they took from the pool; {@code null} when the
     * pool's guard is off ({@code caseops.db.nested-connections=off}) and nothing is counted.
     */
    public Checkouts checkouts() {
        // a request adds its connections before it counts itself: reading the requests first, the connections read
        // after include those of every request counted
        long ended = requests.sum();
        return counted ? new Checkouts(ended, taken.sum()) : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long taken = ConnectionNesting.takenByThisThread();
        if (!enabled || multipart(request) || TransactionSynchronizationManager.hasResource(dataSource)) {
            try {
                chain.doFilter(request, response);
            } finally {
                record(taken);
            }
            return;
        }
        Holder holder = new Holder(dataSource, lockTimeoutMillis);
        TransactionSynchronizationManager.bindResource(dataSource, holder);
        CURRENT.set(holder);
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
            if (TransactionSynchronizationManager.getResource(dataSource) == holder) {
                TransactionSynchronizationManager.unbindResource(dataSource);
            }
            holder.lazy.close();
            record(taken);
        }
    }

    private void record(long takenBefore) {
        if (counted) {
            taken.add(ConnectionNesting.takenByThisThread() - takenBefore);
            requests.increment();
        }
    }

    private static boolean multipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /**
     * Gives the current request's connection back to the pool if it has one and nothing uses it now (no transaction,
     * no query running); the request's next query takes one again. Does nothing outside a request.
     *
     * @return whether a connection went back
     */
    public static boolean handBack() {
        Holder holder = CURRENT.get();
        return holder != null && holder.handBack();
    }

    /** The request's connection holder: bound to the thread, with a connection taken on first use. */
    private static final class Holder extends ConnectionHolder {

        final Lazy lazy;

        Holder(DataSource pool, long lockTimeoutMillis) {
            this(new Lazy(pool, lockTimeoutMillis));
        }

        private Holder(Lazy lazy) {
            super(lazy);
            this.lazy = lazy;
            lazy.holder = this;
        }

        /** Called by the transaction manager when a transaction on this connection has ended. */
        @Override
        public void clear() {
            super.clear();
            handBack();
        }

        /** In use: a query or a transaction runs on it now. */
        boolean busy() {
            return isOpen() || isTransactionActive();
        }

        boolean handBack() {
            if (isOpen() || isTransactionActive() || lazy.connection == null) {
                return false;
            }
            lazy.handingBack = true;
            try {
                // lets ConnectionHolder forget the connection it hands out (and tell the handle to let it go)
                requested();
                released();
            } finally {
                lazy.handingBack = false;
            }
            lazy.close();
            return true;
        }
    }

    /** Takes the pool's connection on first use and keeps it until told to let it go. */
    private static final class Lazy implements ConnectionHandle {

        private final DataSource pool;
        private final long lockTimeoutMillis;
        Holder holder;
        Connection connection;
        /** Whether {@link #connection} was taken for a transaction on the read replica. */
        boolean onReplica;
        boolean handingBack;

        Lazy(DataSource pool, long lockTimeoutMillis) {
            this.pool = pool;
            this.lockTimeoutMillis = lockTimeoutMillis;
        }

        @Override
        public Connection getConnection() {
            boolean replica = ReplicaRouting.replicaTransaction();
            if (connection != null && onReplica != replica && !holder.busy()) {
                // a replica transaction begins, or the first use after one (ADR 013): the idle connection goes back
                // first, so that the request holds one connection at a time
                close();
            }
            if (connection == null) {
                onReplica = replica;
                try {
                    connection = pool.getConnection();
                    if (lockTimeoutMillis > 0) {
                        lockTimeout(connection, "set lock_timeout = " + lockTimeoutMillis);
                    }
                } catch (SQLException e) {
                    close();
                    throw failed(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", e));
                } catch (IllegalStateException e) {
                    close();
                    throw failed(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", e));
                } catch (RuntimeException e) {
                    close();
                    throw failed(e);
                }
            }
            return connection;
        }

        /** A transaction that could not begin leaves the holder as it was, not half-begun. */
        private RuntimeException failed(RuntimeException e) {
            holder.setSynchronizedWithTransaction(false);
            return e;
        }

        /** Called after every use outside a transaction: the connection stays for the request's next query. */
        @Override
        public void releaseConnection(Connection con) {
            if (handingBack) {
                close();
            }
        }

        void close() {
            Connection c = connection;
            connection = null;
            if (c != null) {
                try {
                    if (lockTimeoutMillis > 0) {
                        // session-level, so outside any transaction: the pool's next user (an import, a background
                        // job) gets the server's default, and waits for locks as long as it must
                        if (!c.getAutoCommit()) {
                            c.rollback();
                            c.setAutoCommit(true);
                        }
                        lockTimeout(c, "reset lock_timeout");
                    }
                } catch (SQLException e) {
                    log.warn("Could not reset the request connection's lock timeout; the pool drops it", e);
                    abort(c);
                } finally {
                    try {
                        c.close();
                    } catch (SQLException e) {
                        log.warn("Could not return the request's connection to the pool", e);
                    }
                }
            }
        }

        private static void lockTimeout(Connection c, String sql) throws SQLException {
            try (Statement statement = c.createStatement()) {
                statement.execute(sql);
            }
        }

        /**
         * Closes the server connection underneath the pool's handle, so that it is not lent on with the request's
         * setting: the pool finds it closed (SQL state 08003) when it checks it or at its next use, and drops it.
         */
        private static void abort(Connection c) {
            try {
                ((Connection) c.unwrap(org.postgresql.PGConnection.class)).abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                log.warn("Could not abort the request's connection", e);
            }
        }
    }
}
