package org.caseops.system;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Bulk work (imports, screenings) on one connection in one transaction: what it needs beyond Spring's transactions is
 * the connection itself (PgJDBC {@code COPY}, server-side cursors, temporary tables). Commits when the work returns;
 * rolls back when it throws, so a failed or killed run leaves the database as it was. Run from a request, it first
 * hands the request's idle connection back to the pool ({@link RequestConnection#handBack()}), so that the thread
 * holds one connection at a time. Bulk work waits for the locks it needs as long as it must: whatever lock timeout
 * the connection had (a web request's, {@code caseops.db.request-lock-timeout}) is off for its transaction.
 */
public final class OneTransaction {

    private OneTransaction() {
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException, IOException;
    }

    public static <T> T run(DataSource dataSource, Work<T> work) throws SQLException, IOException {
        RequestConnection.handBack();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (java.sql.Statement statement = connection.createStatement()) {
                    statement.execute("set local lock_timeout = 0");
                }
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
