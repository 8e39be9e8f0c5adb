package org.caseops.legal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.RowMapper;

/**
 * A forward-only server-side cursor over rows ordered by IDNCASE (column 1) that hands out the rows of one case at a
 * time; several of them read in step on one connection and one snapshot.
 */
final class OrderedCursor implements AutoCloseable {
    static final int FETCH_SIZE = 4_000;
    private final PreparedStatement statement;
    final ResultSet rows;
    private boolean pending;
    /** The case of the pending row (read once per row, not once per call). */
    private long pendingCase;
    private boolean exhausted;

    OrderedCursor(Connection connection, String sql, Object... params) throws SQLException {
        statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        // Sixteen cursors read in step: their fetch buffers are most of the screening's heap, so keep each modest.
        statement.setFetchSize(FETCH_SIZE);
        // binary transfer (a server-prepared statement from the first execution): numbers and dates travel as their
        // bytes, which PostgreSQL writes and PgJDBC reads without formatting or parsing text
        statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        rows = statement.executeQuery();
    }

    boolean next() throws SQLException {
        return rows.next();
    }

    <T> List<T> rowsOf(long idncase, RowMapper<T> mapper) throws SQLException {
        List<T> found = new ArrayList<>(2);
        while (!exhausted) {
            if (!pending) {
                if (!rows.next()) {
                    exhausted = true;
                    break;
                }
                pending = true;
                pendingCase = rows.getLong(1);
            }
            long rowCase = pendingCase;
            if (rowCase > idncase) {
                break;
            }
            if (rowCase == idncase) {
                found.add(mapper.mapRow(rows, found.size()));
            }
            pending = false;
        }
        return found;
    }

    @Override
    public void close() throws SQLException {
        rows.close();
        statement.close();
    }
}
