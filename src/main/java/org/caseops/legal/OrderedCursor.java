package org.caseops.legal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;

/**
 * A forward-only server-side cursor over rows ordered by IDNCASE (column 1) that hands out the rows of one case at a
 * time; several of them read in step on one connection and one snapshot.
 */
final class OrderedCursor implements AutoCloseable {
    private final PreparedStatement statement;
    final ResultSet rows;
    private boolean pending;
    private boolean exhausted;

    OrderedCursor(Connection connection, String sql, Object... params) throws SQLException {
        statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(20_000);
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
            }
            long rowCase = rows.getLong(1);
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
