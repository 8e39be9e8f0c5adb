package org.caseops.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the audit trail: recording an entry, one sequencer batch, the head, streaming reads of the chain and
 * the queue, and checkpoints. Migrations V10 and V45 hold the tables, triggers and the sequencer function.
 */
@Repository
class AuditRows {

    /** Rows per round trip when streaming the chain: memory stays constant however long it is. */
    static final int FETCH_SIZE = 1000;

    private static final String ENTRY = """
            select e.seq, c.position, e.recorded_at, e.actor, e.role, e.field_office, e.action, e.subject_type,
                   e.subject_id, e.purpose, e.request_id, e.detail, c.prev_hash, c.hash
            """;

    private final JdbcClient jdbc;
    private final JdbcClient streaming;

    AuditRows(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(FETCH_SIZE);
        this.streaming = JdbcClient.create(cursor);
    }

    /** The end of the chain: its last position and hash (0 and the genesis hash when empty), and the clock. */
    record Head(long position, String hash, Instant now) {
    }

    /** The queue: how many entries wait to be chained, and since when the oldest was recorded (null: none). */
    record Queue(long pending, Instant oldest, Instant now) {
    }

    /**
     * Takes, without waiting, the lock that one checkpoint at a time is signed under on every instance (ADR 008's
     * two-key space, job {@code audit-checkpoint}); held to the end of the caller's transaction.
     */
    boolean tryCheckpointLock() {
        return jdbc.sql("select pg_try_advisory_xact_lock(hashtext('caseops.job'), hashtext('audit-checkpoint'))")
                .query(Boolean.class).single();
    }

    /** Inserts the entry; the database gives its number and time and queues it. No lock but the new rows'. */
    AuditEntry insert(AuditEvent e) {
        return jdbc.sql("""
                insert into audit_entry (actor, role, field_office, action, subject_type, subject_id, purpose,
                                         request_id, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                returning seq, recorded_at""")
                .params(e.actor(), e.role(), e.fieldOffice(), e.action(), e.subjectType(), e.subjectId(),
                        e.purpose(), e.requestId(), e.detail())
                .query((rs, n) -> AuditEntry.pending(rs.getLong("seq"), instant(rs, "recorded_at"), e))
                .single();
    }

    /**
     * One sequencer batch in its own transaction (the caller must not be in one): up to {@code max} queued entries
     * chained. Returns the number taken off the queue, 0 when none was queued, -1 when another sequencer holds the
     * lock and {@code wait} is false.
     */
    int sequence(int max, boolean wait) {
        return jdbc.sql("select audit_sequence(?, ?)").params(max, wait).query(Integer.class).single();
    }

    Head head() {
        return jdbc.sql("select position, hash, clock_timestamp() as now from audit_head")
                .query((rs, n) -> new Head(rs.getLong("position"), rs.getString("hash"), instant(rs, "now")))
                .single();
    }

    Queue queue() {
        return jdbc.sql("""
                select count(*) as pending, min(e.recorded_at) as oldest, clock_timestamp() as now
                from audit_pending p join audit_entry e on e.seq = p.seq
                where not exists (select from audit_chain c where c.seq = p.seq)""")
                .query((rs, n) -> new Queue(rs.getLong("pending"),
                        rs.getObject("oldest") == null ? null : instant(rs, "oldest"), instant(rs, "now")))
                .single();
    }

    /**
     * The chained entries from {@code fromPosition} on, in position order, one at a time through a server-side
     * cursor. Needs a transaction (PgJDBC streams only with auto-commit off); the callers have one.
     */
    void chain(long fromPosition, Consumer<AuditEntry> action) {
        streaming.sql(ENTRY + """
                from audit_chain c join audit_entry e on e.seq = c.seq
                where c.position >= ?
                order by c.position""")
                .param(fromPosition)
                .query(rs -> {
                    action.accept(entry(rs));
                });
    }

    /** The entries waiting to be chained, in seq order, through a cursor (the chain's order is not known yet). */
    void pending(Consumer<AuditEntry> action) {
        streaming.sql(ENTRY + """
                from audit_pending p join audit_entry e on e.seq = p.seq
                left join audit_chain c on c.seq = e.seq
                where c.seq is null
                order by e.seq""")
                .query(rs -> {
                    action.accept(entry(rs));
                });
    }

    /**
     * The first entry that is neither chained nor queued, so would never be chained: nothing the application does
     * makes one (the trigger queues every entry in its own transaction); removing a queued entry does.
     */
    AuditEntry firstUnchainable(long fromSeq) {
        return jdbc.sql(ENTRY + """
                from audit_entry e left join audit_chain c on c.seq = e.seq
                where e.seq >= ? and c.seq is null and not exists (select from audit_pending p where p.seq = e.seq)
                order by e.seq limit 1""")
                .param(fromSeq).query((rs, n) -> entry(rs)).optional().orElse(null);
    }

    /**
     * The lowest seq of an entry not chained yet (queued), or the next seq when every entry is chained: below it,
     * every entry of this snapshot is chained.
     */
    long lowestUnchained() {
        return jdbc.sql("""
                select coalesce((select min(p.seq) from audit_pending p
                                 where not exists (select from audit_chain c where c.seq = p.seq)),
                                (select coalesce(max(seq), 0) + 1 from audit_entry))""")
                .query(Long.class).single();
    }

    /** The hash of the chained entry at {@code position}, if the chain has one there. */
    java.util.Optional<String> hashAt(long position) {
        return jdbc.sql("select hash from audit_chain where position = ?").param(position).query(String.class)
                .optional();
    }

    /**
     * Takes, without waiting, the lock under which one check of the trail at a time is made and kept on every
     * instance (ADR 008's two-key space, job {@code audit-verify}); held to the end of the caller's transaction.
     */
    boolean tryVerifyLock() {
        return jdbc.sql("select pg_try_advisory_xact_lock(hashtext('caseops.job'), hashtext('audit-verify'))")
                .query(Boolean.class).single();
    }

    /**
     * The newest entries, chained or pending, newest first (by seq, the order they were recorded in), optionally
     * those of one subject and/or one actor, and before a seq (for paging).
     */
    List<AuditEntry> newest(String subjectType, String subjectId, String actor, Long beforeSeq, int limit) {
        StringBuilder sql = new StringBuilder(ENTRY).append("from audit_entry e left join audit_chain c on c.seq = e.seq where true");
        List<Object> params = new ArrayList<>();
        if (subjectType != null) {
            sql.append(" and e.subject_type = ?");
            params.add(subjectType);
        }
        if (subjectId != null) {
            sql.append(" and e.subject_id = ?");
            params.add(subjectId);
        }
        if (actor != null) {
            sql.append(" and e.actor = ?");
            params.add(actor);
        }
        if (beforeSeq != null) {
            sql.append(" and e.seq < ?");
            params.add(beforeSeq);
        }
        sql.append(" order by e.seq desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> entry(rs)).list();
    }

    void insertCheckpoint(Checkpoint c) {
        jdbc.sql("insert into audit_checkpoint (position, hash, issued_at, key, signature) values (?, ?, ?, ?, ?)")
                .params(c.position(), c.hash(), OffsetDateTime.ofInstant(c.issuedAt(), ZoneOffset.UTC), c.key(),
                        c.signature())
                .update();
    }

    /** A stored checkpoint with the hash the chain holds at its position now ({@code null}: no such entry). */
    record StoredCheckpoint(Checkpoint checkpoint, String chainHash) {
    }

    /** Every stored checkpoint, newest first, one page, each with the chain's hash at its position now. */
    List<StoredCheckpoint> checkpointPage(long offset, int limit) {
        return jdbc.sql("""
                select c.position, c.hash, c.issued_at, c.key, c.signature, ch.hash as chain_hash
                from audit_checkpoint c left join audit_chain ch on ch.position = c.position
                order by c.id desc offset ? limit ?""")
                .params(offset, limit)
                .query((rs, n) -> new StoredCheckpoint(new Checkpoint(rs.getLong("position"), rs.getString("hash"),
                        instant(rs, "issued_at"), rs.getString("key"), rs.getString("signature")),
                        rs.getString("chain_hash")))
                .list();
    }

    long checkpointCount() {
        return jdbc.sql("select count(*) from audit_checkpoint").query(Long.class).single();
    }

    /** The checkpoints stored in the database signed with {@code key}, highest position first. */
    List<Checkpoint> newestCheckpoints(String key, int limit) {
        return jdbc.sql("""
                select position, hash, issued_at, key, signature from audit_checkpoint where key = ?
                order by position desc, id desc limit ?""")
                .params(key, limit)
                .query((rs, n) -> new Checkpoint(rs.getLong("position"), rs.getString("hash"),
                        instant(rs, "issued_at"), rs.getString("key"), rs.getString("signature")))
                .list();
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        long p = rs.getLong("position");
        Long position = rs.wasNull() ? null : p;
        return new AuditEntry(rs.getLong("seq"), position, instant(rs, "recorded_at"),
                rs.getString("actor"), rs.getString("role"), rs.getString("field_office"), rs.getString("action"),
                rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("purpose"),
                rs.getString("request_id"), rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
