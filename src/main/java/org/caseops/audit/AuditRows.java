package org.caseops.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the audit trail: the append under its lock, the head, and a streaming read in chain order. */
@Repository
class AuditRows {

    /** Rows per round trip when streaming the chain: memory stays constant however long it is. */
    static final int FETCH_SIZE = 1000;

    private final JdbcClient jdbc;
    private final JdbcClient streaming;

    AuditRows(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(FETCH_SIZE);
        this.streaming = JdbcClient.create(cursor);
    }

    record Head(long seq, String hash, Instant now) {
    }

    /**
     * Takes the append lock for the rest of the current transaction, then reads the head and the clock. Appends of
     * concurrent transactions wait here until this one commits or rolls back, so each sees the head the last
     * committed append left, and the chain stays linear.
     */
    Head lockHead() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('caseops.audit'))").query().singleRow();
        return jdbc.sql("select seq, hash, clock_timestamp() as now from audit_head")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash"), instant(rs, "now")))
                .single();
    }

    /** The head as it is (no lock): the last entry's seq and hash, or 0 and the genesis hash. */
    Head head() {
        return jdbc.sql("select seq, hash, clock_timestamp() as now from audit_head")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash"), instant(rs, "now")))
                .single();
    }

    void insert(AuditEntry e) {
        jdbc.sql("""
                insert into audit_entry (seq, recorded_at, actor, role, field_office, action, subject_type, subject_id,
                                         purpose, request_id, detail, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.seq(), OffsetDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC), e.actor(), e.role(),
                        e.fieldOffice(), e.action(), e.subjectType(), e.subjectId(), e.purpose(), e.requestId(),
                        e.detail(), e.prevHash(), e.hash())
                .update();
    }

    /**
     * Every entry in seq order, one at a time, through a server-side cursor. Needs a transaction (PgJDBC streams
     * only with auto-commit off); the callers are {@code @Transactional}.
     */
    void each(Consumer<AuditEntry> action) {
        streaming.sql("""
                select seq, recorded_at, actor, role, field_office, action, subject_type, subject_id, purpose,
                       request_id, detail, prev_hash, hash
                from audit_entry order by seq""")
                .query(rs -> {
                    action.accept(entry(rs));
                });
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), instant(rs, "recorded_at"), rs.getString("actor"),
                rs.getString("role"), rs.getString("field_office"), rs.getString("action"),
                rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("purpose"),
                rs.getString("request_id"), rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
