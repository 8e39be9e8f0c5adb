package org.caseops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.caseops.fixtures.Database;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writing test entries through the real {@link AuditLog}, chaining them, and reading them back. */
final class AuditTrail {

    private AuditTrail() {
    }

    static AuditEvent aPersonRead(String aNumber) {
        return new AuditEvent("officer", "OFFICER", "HOU", "PERSON_READ", "PERSON", aNumber, "case review",
                UUID.randomUUID().toString(), null);
    }

    /** Records {@code n} entries, chains everything queued, and returns the entries as chained. */
    static List<AuditEntry> write(AuditLog log, AuditSequencer sequencer, JdbcClient jdbc, int n) {
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            seqs.add(log.record(aPersonRead("99100" + String.format("%04d", i))).seq());
        }
        chainAll(sequencer);
        List<AuditEntry> entries = new ArrayList<>();
        for (long seq : seqs) {
            entries.add(chained(jdbc, seq));
        }
        return entries;
    }

    static void chainAll(AuditSequencer sequencer) {
        assertThat(sequencer.drain(Duration.ofSeconds(30))).as("the queue drains").isTrue();
    }

    /** The entry {@code seq} as stored, chained or pending. */
    static AuditEntry chained(JdbcClient jdbc, long seq) {
        return jdbc.sql("""
                select e.seq, c.position, e.recorded_at, e.actor, e.role, e.field_office, e.action, e.subject_type,
                       e.subject_id, e.purpose, e.request_id, e.detail, c.prev_hash, c.hash
                from audit_entry e left join audit_chain c on c.seq = e.seq where e.seq = ?""")
                .param(seq)
                .query((rs, i) -> {
                    long p = rs.getLong("position");
                    Long position = rs.wasNull() ? null : p;
                    return new AuditEntry(rs.getLong("seq"), position,
                            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                            rs.getString("role"), rs.getString("field_office"), rs.getString("action"),
                            rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("purpose"),
                            rs.getString("request_id"), rs.getString("detail"), rs.getString("prev_hash"),
                            rs.getString("hash"));
                })
                .single();
    }

    static long headPosition(JdbcClient jdbc) {
        return jdbc.sql("select position from audit_head").query(Long.class).single();
    }

    /**
     * An owner connection holding the sequencer's lock: nothing is chained until it is closed (entries recorded
     * meanwhile stay pending), and tampering is not raced by the background sequencer.
     */
    static Database.Owner holdingTheSequencer(JdbcClient jdbc) {
        Database.Owner owner = Database.owner(jdbc);
        owner.jdbc().sql("select pg_advisory_lock(hashtext('caseops.audit.sequencer'))").query().singleRow();
        return owner;
    }
}
