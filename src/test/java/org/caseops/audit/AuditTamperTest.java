package org.caseops.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Acceptance: whatever someone with the database owner's rights does to the trail — edit, delete, reorder or insert
 * an entry, cut the newest off, recompute every hash after an edit, take an entry off the queue — verify finds it,
 * naming the entry. The last two and truncation need the signed checkpoint each test starts with (a checkpoint in
 * the local log, outside the database): the chain alone cannot show them.
 *
 * <p>Tampering is done as the owner with triggers off ({@code session_replication_role = replica}), the only way past
 * the append-only triggers, while holding the sequencer's lock so that the background sequencer does not chain onto
 * the tampered state. Each test puts the rows back, as other tests share the trail.
 */
@CaseOpsTest
class AuditTamperTest {

    @Autowired
    AuditLog log;
    @Autowired
    AuditSequencer sequencer;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    JdbcClient jdbc;

    List<AuditEntry> entries;
    Checkpoint checkpoint;

    @BeforeEach
    void tenEntriesAndACheckpoint() {
        entries = AuditTrail.write(log, sequencer, jdbc, 10);
        checkpoint = checkpoints.issue();
        assertThat(checkpoint.position()).isGreaterThanOrEqualTo(entries.get(9).position());
        VerifyResult result = verifier.verify();
        assertThat(result.intact()).as(String.valueOf(result.problem())).isTrue();
    }

    @Test
    void an_edited_field_is_found_and_named() {
        AuditEntry victim = entries.get(4);
        try (Database.Owner owner = tampering()) {
            owner.jdbc().sql("update audit_entry set subject_id = '991999999' where seq = ?").param(victim.seq())
                    .update();
            try {
                VerifyResult result = verifier.verify();

                assertThat(result.intact()).isFalse();
                assertThat(result.firstBrokenPosition()).isEqualTo(victim.position());
                assertThat(result.problem()).contains("entry " + victim.position()).contains("(edited)");
            } finally {
                owner.jdbc().sql("update audit_entry set subject_id = ? where seq = ?")
                        .params(victim.subjectId(), victim.seq()).update();
            }
        }
        assertIntact();
    }

    @Test
    void an_edited_time_is_found_even_when_it_moves_by_a_microsecond() {
        AuditEntry victim = entries.get(2);
        try (Database.Owner owner = tampering()) {
            owner.jdbc().sql("update audit_entry set recorded_at = recorded_at + interval '1 microsecond' "
                    + "where seq = ?").param(victim.seq()).update();
            try {
                assertThat(verifier.verify().firstBrokenPosition()).isEqualTo(victim.position());
            } finally {
                owner.jdbc().sql("update audit_entry set recorded_at = recorded_at - interval '1 microsecond' "
                        + "where seq = ?").param(victim.seq()).update();
            }
        }
        assertIntact();
    }

    @Test
    void a_deleted_entry_is_found_and_named() {
        AuditEntry victim = entries.get(6);
        try (Database.Owner owner = tampering()) {
            delete(owner, victim);
            try {
                VerifyResult result = verifier.verify();

                assertThat(result.intact()).isFalse();
                assertThat(result.firstBrokenPosition()).isEqualTo(victim.position());
                assertThat(result.problem()).contains("entry " + victim.position() + " is missing")
                        .contains("(deleted)");
            } finally {
                restore(owner, victim);
            }
        }
        assertIntact();
    }

    @Test
    void a_deleted_newest_entry_is_found_through_the_head() {
        AuditEntry victim = newest();
        try (Database.Owner owner = tampering()) {
            delete(owner, victim);
            try {
                VerifyResult result = verifier.verify();

                assertThat(result.intact()).isFalse();
                assertThat(result.firstBrokenPosition()).isEqualTo(victim.position());
                assertThat(result.problem()).contains("missing at the end").contains("(deleted)");
            } finally {
                restore(owner, victim);
            }
        }
        assertIntact();
    }

    @Test
    void two_swapped_entries_are_found_and_the_first_is_named() {
        AuditEntry a = entries.get(3);
        AuditEntry b = entries.get(7);
        try (Database.Owner owner = tampering()) {
            swap(owner, a.position(), b.position());
            try {
                VerifyResult result = verifier.verify();

                assertThat(result.intact()).isFalse();
                assertThat(result.firstBrokenPosition()).isEqualTo(a.position());
                assertThat(result.problem()).contains("entry " + a.position()).contains("(reordered or inserted)");
            } finally {
                swap(owner, a.position(), b.position());
            }
        }
        assertIntact();
    }

    @Test
    void two_swapped_neighbours_are_found_and_the_first_is_named() {
        AuditEntry a = entries.get(5);
        AuditEntry b = entries.get(6);
        try (Database.Owner owner = tampering()) {
            swap(owner, a.position(), b.position());
            try {
                assertThat(verifier.verify().firstBrokenPosition()).isEqualTo(a.position());
            } finally {
                swap(owner, a.position(), b.position());
            }
        }
        assertIntact();
    }

    @Test
    void an_entry_slipped_into_the_middle_is_found() {
        AuditEntry before = entries.get(3);
        long at = before.position() + 1;
        try (Database.Owner owner = tampering()) {
            shift(owner, at, +1);
            long forged = owner.jdbc().sql("""
                    insert into audit_entry (recorded_at, actor, role, action, subject_type, subject_id)
                    values (?, 'mallory', 'OFFICER', 'PERSON_READ', 'PERSON', '991000000') returning seq""")
                    .param(OffsetDateTime.ofInstant(before.recordedAt(), ZoneOffset.UTC)).query(Long.class).single();
            AuditEntry fake = AuditTrail.chained(owner.jdbc(), forged).chained(at, before.hash());
            owner.jdbc().sql("insert into audit_chain (position, seq, prev_hash, hash) values (?, ?, ?, ?)")
                    .params(at, forged, fake.prevHash(), fake.hash()).update();
            try {
                VerifyResult result = verifier.verify();

                assertThat(result.intact()).isFalse();
                assertThat(result.firstBrokenPosition()).as(result.problem()).isEqualTo(at + 1);
                assertThat(result.problem()).contains("(reordered or inserted)");
            } finally {
                owner.jdbc().sql("delete from audit_chain where position = ?").param(at).update();
                owner.jdbc().sql("delete from audit_entry where seq = ?").param(forged).update();
                shift(owner, at + 1, -1);
            }
        }
        assertIntact();
    }

    @Test
    void a_cut_off_tail_with_the_head_moved_back_is_found_through_the_signed_checkpoint() {
        List<AuditEntry> tail = newest(3);
        AuditEntry lastKept = AuditTrail.chained(jdbc, seqAt(tail.get(0).position() - 1));
        try (Database.Owner owner = tampering()) {
            for (AuditEntry e : tail) {
                delete(owner, e);
            }
            moveHead(owner, lastKept.position(), lastKept.hash());
            try {
                VerifyResult result = verifier.verify();

                assertThat(result.intact()).isFalse();
                assertThat(result.firstBrokenPosition()).isEqualTo(lastKept.position() + 1);
                assertThat(result.problem()).contains("missing at the end").contains("the checkpoint of")
                        .contains("(truncated)");
                assertThatThrownBy(checkpoints::issue).isInstanceOf(AuditCheckpoints.Refused.class)
                        .hasMessageContaining("(truncated)");
            } finally {
                for (AuditEntry e : tail) {
                    restore(owner, e);
                }
                moveHead(owner, tail.get(2).position(), tail.get(2).hash());
            }
        }
        assertIntact();
    }

    @Test
    void a_chain_recomputed_after_an_edit_is_found_through_the_signed_checkpoint_and_not_signed_again() {
        AuditEntry victim = entries.get(2);
        List<AuditEntry> original = new ArrayList<>();
        for (long p = victim.position(); p <= AuditTrail.headPosition(jdbc); p++) {
            original.add(AuditTrail.chained(jdbc, seqAt(p)));
        }
        AuditEntry last = original.get(original.size() - 1);
        try (Database.Owner owner = tampering()) {
            owner.jdbc().sql("update audit_entry set purpose = 'none of your business' where seq = ?")
                    .param(victim.seq()).update();
            String prev = victim.prevHash();
            for (AuditEntry e : original) {
                AuditEntry rehashed = AuditTrail.chained(owner.jdbc(), e.seq()).chained(e.position(), prev);
                owner.jdbc().sql("update audit_chain set prev_hash = ?, hash = ? where position = ?")
                        .params(rehashed.prevHash(), rehashed.hash(), e.position()).update();
                prev = rehashed.hash();
            }
            moveHead(owner, last.position(), prev);
            try {
                VerifyResult result = verifier.verify();

                assertThat(result.intact()).isFalse();
                assertThat(result.firstBrokenPosition()).isEqualTo(checkpoint.position());
                assertThat(result.problem()).contains(checkpoint.describe()).contains("(rewritten)");
                assertThat(verifier.verify(List.of(checkpoint)).problem()).contains("(rewritten)");
                assertThatThrownBy(checkpoints::issue).isInstanceOf(AuditCheckpoints.Refused.class);
            } finally {
                owner.jdbc().sql("update audit_entry set purpose = ? where seq = ?")
                        .params(victim.purpose(), victim.seq()).update();
                for (AuditEntry e : original) {
                    owner.jdbc().sql("update audit_chain set prev_hash = ?, hash = ? where position = ?")
                            .params(e.prevHash(), e.hash(), e.position()).update();
                }
                moveHead(owner, last.position(), last.hash());
            }
        }
        assertIntact();
    }

    @Test
    void an_entry_taken_off_the_queue_before_it_was_chained_is_found() {
        try (Database.Owner owner = AuditTrail.holdingTheSequencer(jdbc)) {
            AuditEntry pending = log.record(AuditTrail.aPersonRead("991000042"));
            assertThat(verifier.verify()).satisfies(r -> {
                assertThat(r.intact()).isTrue();
                assertThat(r.pending()).isPositive();
                assertThat(r.notes()).anyMatch(n -> n.contains("pending (recorded, not chained yet)"));
            });
            owner.jdbc().sql("delete from audit_pending where seq = ?").param(pending.seq()).update();
            try {
                VerifyResult result = verifier.verify();

                assertThat(result.intact()).isFalse();
                assertThat(result.problem()).contains("entry seq " + pending.seq())
                        .contains("neither chained nor queued");
            } finally {
                owner.jdbc().sql("insert into audit_pending (seq) values (?)").param(pending.seq()).update();
            }
        }
        AuditTrail.chainAll(sequencer);
        assertIntact();
    }

    @Test
    void a_forged_checkpoint_in_the_database_is_found() {
        AuditRows.Head head = head();
        try (Database.Owner owner = tampering()) {
            long id = owner.jdbc().sql("""
                    insert into audit_checkpoint (position, hash, issued_at, key, signature)
                    values (?, ?, clock_timestamp(), ?, ?) returning id""")
                    .params(head.position(), head.hash(), checkpoints.publicKey(), "ab".repeat(64))
                    .query(Long.class).single();
            try {
                VerifyResult result = verifier.verify();

                assertThat(result.intact()).isFalse();
                assertThat(result.problem()).contains("signature does not verify").contains("(forged");
            } finally {
                owner.jdbc().sql("delete from audit_checkpoint where id = ?").param(id).update();
            }
        }
        assertIntact();
    }

    @Test
    void the_application_role_may_not_change_the_trail() {
        long seq = entries.get(0).seq();

        for (String sql : List.of("update audit_entry set actor = 'mallory' where seq = " + seq,
                "delete from audit_entry where seq = " + seq, "truncate audit_entry",
                "update audit_chain set hash = repeat('0', 64) where seq = " + seq,
                "delete from audit_chain where seq = " + seq, "truncate audit_chain",
                "delete from audit_pending", "insert into audit_pending (seq) values (1)",
                "update audit_head set position = 0", "update audit_checkpoint set position = 0",
                "delete from audit_checkpoint")) {
            String table = sql.replaceAll(".*(audit_[a-z]+).*", "$1");
            assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql)
                    .rootCause().hasMessageContaining("permission denied for table " + table);
        }
        assertThatThrownBy(() -> jdbc.sql("alter table audit_chain disable trigger all").update())
                .rootCause().hasMessageContaining("must be owner of table audit_chain");
        assertIntact();
    }

    @Test
    void the_owner_too_is_refused_unless_the_triggers_are_disabled() {
        long seq = entries.get(0).seq();
        try (Database.Owner owner = Database.owner(jdbc)) {
            JdbcClient sql = owner.jdbc();
            assertThatThrownBy(() -> sql.sql("update audit_entry set actor = 'mallory' where seq = ?").param(seq)
                    .update()).rootCause().hasMessageContaining("append-only: UPDATE on audit_entry");
            assertThatThrownBy(() -> sql.sql("delete from audit_entry where seq = ?").param(seq).update())
                    .rootCause().hasMessageContaining("append-only: DELETE on audit_entry");
            assertThatThrownBy(() -> sql.sql("truncate audit_entry cascade").update())
                    .rootCause().hasMessageContaining("append-only: TRUNCATE on audit_entry");
            assertThatThrownBy(() -> sql.sql("update audit_chain set hash = repeat('0', 64) where seq = ?").param(seq)
                    .update()).rootCause().hasMessageContaining("append-only: UPDATE on audit_chain");
            assertThatThrownBy(() -> sql.sql("truncate audit_chain").update())
                    .rootCause().hasMessageContaining("append-only: TRUNCATE on audit_chain");
            assertThatThrownBy(() -> sql.sql("delete from audit_checkpoint").update())
                    .rootCause().hasMessageContaining("append-only: DELETE on audit_checkpoint");
            assertThatThrownBy(() -> sql.sql("update audit_head set position = position - 1").update())
                    .rootCause().hasMessageContaining("the audit head moves only when an entry is appended");
        }
        assertIntact();
    }

    // ------------------------------------------------------------------------------------------ the attacker's tools

    /** The owner, triggers off, holding the sequencer's lock. */
    private Database.Owner tampering() {
        Database.Owner owner = AuditTrail.holdingTheSequencer(jdbc);
        owner.jdbc().sql("set session_replication_role = replica").update();
        return owner;
    }

    private AuditRows.Head head() {
        return jdbc.sql("select position, hash, clock_timestamp() as now from audit_head")
                .query((rs, n) -> new AuditRows.Head(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .single();
    }

    private long seqAt(long position) {
        return jdbc.sql("select seq from audit_chain where position = ?").param(position).query(Long.class).single();
    }

    private AuditEntry newest() {
        return newest(1).get(0);
    }

    /** The newest {@code n} chained entries, oldest first. */
    private List<AuditEntry> newest(int n) {
        long head = AuditTrail.headPosition(jdbc);
        List<AuditEntry> tail = new ArrayList<>();
        for (long p = head - n + 1; p <= head; p++) {
            tail.add(AuditTrail.chained(jdbc, seqAt(p)));
        }
        return tail;
    }

    private static void delete(Database.Owner owner, AuditEntry e) {
        owner.jdbc().sql("delete from audit_chain where position = ?").param(e.position()).update();
        owner.jdbc().sql("delete from audit_entry where seq = ?").param(e.seq()).update();
    }

    private static void restore(Database.Owner owner, AuditEntry e) {
        owner.jdbc().sql("""
                insert into audit_entry (seq, recorded_at, actor, role, field_office, action, subject_type, subject_id,
                                         purpose, request_id, detail)
                overriding system value values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.seq(), OffsetDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC), e.actor(), e.role(),
                        e.fieldOffice(), e.action(), e.subjectType(), e.subjectId(), e.purpose(), e.requestId(),
                        e.detail())
                .update();
        owner.jdbc().sql("insert into audit_chain (position, seq, prev_hash, hash) values (?, ?, ?, ?)")
                .params(e.position(), e.seq(), e.prevHash(), e.hash()).update();
    }

    private static void moveHead(Database.Owner owner, long position, String hash) {
        owner.jdbc().sql("update audit_head set position = ?, hash = ?").params(position, hash).update();
    }

    /** Swaps two chain positions' entries with their hashes, as if the two had been chained the other way round. */
    private static void swap(Database.Owner owner, long a, long b) {
        owner.jdbc().sql("update audit_chain set seq = -seq where position in (?, ?)").params(a, b).update();
        assertThat(owner.jdbc().sql("""
                update audit_chain x set seq = -y.seq, prev_hash = y.prev_hash, hash = y.hash
                from (select position, seq, prev_hash, hash from audit_chain where position in (?, ?)) y
                where x.position in (?, ?) and y.position <> x.position""").params(a, b, a, b).update()).isEqualTo(2);
    }

    /** Moves every chain row from {@code from} on by {@code by} positions. */
    private static void shift(Database.Owner owner, long from, long by) {
        long far = 1_000_000_000_000L;
        owner.jdbc().sql("update audit_chain set position = position + ? where position >= ?").params(far, from)
                .update();
        owner.jdbc().sql("update audit_chain set position = position - ? + ? where position >= ?")
                .params(far, by, far + from).update();
    }

    private void assertIntact() {
        VerifyResult result = verifier.verify();
        assertThat(result.intact()).as(String.valueOf(result.problem())).isTrue();
    }
}
