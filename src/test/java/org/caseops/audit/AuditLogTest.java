package org.caseops.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recording (one insert, in the caller's transaction, no lock) and sequencing (after commit, one sequencer at a
 * time): every committed entry is chained exactly once, in a chain without gaps, and the chain verifies.
 *
 * <p>Before the sequencer (migration V45) an entry got its place and hash inside the recording transaction, under
 * a lock held to commit; these tests then asserted on {@code seq} and {@code prev_hash} right after
 * {@code record}. Now {@code record} returns the entry pending, and the assertions on its chain position and
 * hashes come after {@link AuditSequencer#drain}.
 */
@CaseOpsTest
class AuditLogTest {

    @Autowired
    AuditLog log;
    @Autowired
    AuditSequencer sequencer;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void records_an_entry_pending_and_the_sequencer_chains_it_to_the_one_before() {
        AuditEntry first = log.record(AuditTrail.aPersonRead("991000001"));
        AuditEntry second = log.record(new AuditEvent("supervisor", "SUPERVISOR", "HOU", "CASE_CHANGED", "CASE",
                "1001", null, "req-2", "hold placed"));

        assertThat(second.seq()).isGreaterThan(first.seq());
        assertThat(second.pending()).isTrue();
        assertThat(second.position()).isNull();
        assertThat(second.hash()).isNull();
        assertThat(second.recordedAt()).isAfterOrEqualTo(first.recordedAt());
        assertThat(jdbc.sql("select actor, action, subject_id, purpose, detail from audit_entry where seq = ?")
                .param(second.seq()).query().singleRow())
                .containsEntry("actor", "supervisor").containsEntry("action", "CASE_CHANGED")
                .containsEntry("subject_id", "1001").containsEntry("purpose", null)
                .containsEntry("detail", "hold placed");

        AuditTrail.chainAll(sequencer);

        AuditEntry a = AuditTrail.chained(jdbc, first.seq());
        AuditEntry b = AuditTrail.chained(jdbc, second.seq());
        assertThat(b.position()).isEqualTo(a.position() + 1);
        assertThat(b.prevHash()).isEqualTo(a.hash());
        assertThat(b.hash()).isEqualTo(Canonical.hash(b)).matches("[0-9a-f]{64}");
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void a_rolled_back_entry_leaves_a_gap_in_seq_and_none_in_the_chain() {
        AuditTrail.chainAll(sequencer);
        long before = AuditTrail.headPosition(jdbc);
        long[] rolledBack = new long[1];

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            rolledBack[0] = log.record(AuditTrail.aPersonRead("991000002")).seq();
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");
        AuditEntry next = log.record(AuditTrail.aPersonRead("991000003"));
        AuditTrail.chainAll(sequencer);

        assertThat(next.seq()).isGreaterThan(rolledBack[0]);
        assertThat(jdbc.sql("select count(*) from audit_entry where seq = ?").param(rolledBack[0]).query(Long.class)
                .single()).isZero();
        assertThat(AuditTrail.chained(jdbc, next.seq()).position()).isEqualTo(before + 1);
        assertThat(AuditTrail.headPosition(jdbc)).isEqualTo(before + 1);
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void entries_commit_with_the_transaction_that_recorded_them_and_are_chained_after() {
        AuditTrail.chainAll(sequencer);
        long before = AuditTrail.headPosition(jdbc);

        List<Long> seqs = transaction.execute(status -> {
            assertThat(status.isNewTransaction()).isTrue();
            return List.of(log.record(AuditTrail.aPersonRead("991000004")).seq(),
                    log.record(AuditTrail.aPersonRead("991000005")).seq());
        });
        AuditTrail.chainAll(sequencer);

        assertThat(AuditTrail.headPosition(jdbc)).isEqualTo(before + 2);
        assertThat(jdbc.sql("""
                select e.subject_id from audit_chain c join audit_entry e on e.seq = c.seq
                where c.position > ? order by c.position""").param(before).query(String.class).list())
                .containsExactly("991000004", "991000005");
        assertThat(seqs).hasSize(2);
    }

    /**
     * The acceptance test of the sequencer's correctness: 16 writers record about 1,400 entries side by side, one or two
     * per transaction, and roll back about one transaction in ten; the background sequencer chains meanwhile, and
     * drains race it. Every committed entry ends up chained exactly once, no rolled-back one does, the positions run
     * on without a gap, and the chain verifies.
     */
    @Test
    void sixteen_concurrent_writers_are_each_chained_exactly_once_without_gaps() throws Exception {
        AuditTrail.chainAll(sequencer);
        long before = AuditTrail.headPosition(jdbc);
        int writers = 16;
        int transactionsEach = 60;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(writers + 2);
        List<Long> committed = Collections.synchronizedList(new ArrayList<>());
        List<Long> rolledBack = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String actor = "writer-" + w;
                results.add(threads.submit((Callable<Void>) () -> {
                    start.await();
                    for (int i = 0; i < transactionsEach; i++) {
                        int n = i % 2 + 1;
                        int t = i;
                        boolean rollBack = ThreadLocalRandom.current().nextInt(10) == 0;
                        List<Long> mine = new ArrayList<>();
                        try {
                            transaction.executeWithoutResult(status -> {
                                for (int k = 0; k < n; k++) {
                                    mine.add(log.record(new AuditEvent(actor, "OFFICER", "HOU", "PERSON_READ",
                                            "PERSON", "99200" + t, null, actor + "-" + t + "-" + k, null)).seq());
                                }
                                if (rollBack) {
                                    status.setRollbackOnly();
                                }
                            });
                        } finally {
                            (rollBack ? rolledBack : committed).addAll(mine);
                        }
                    }
                    return null;
                }));
            }
            for (int d = 0; d < 2; d++) {
                results.add(threads.submit((Callable<Void>) () -> {
                    start.await();
                    for (int i = 0; i < 20; i++) {
                        sequencer.drain(Duration.ofSeconds(5));
                        Thread.sleep(20);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        AuditTrail.chainAll(sequencer);

        assertThat(committed).hasSizeGreaterThan(1000);
        List<Long> chained = jdbc.sql("""
                select c.seq from audit_chain c join audit_entry e on e.seq = c.seq
                where c.position > ? and e.actor like 'writer-%' order by c.position""")
                .param(before).query(Long.class).list();
        assertThat(chained).as("every committed entry chained exactly once, nothing else")
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(committed);
        assertThat(chained).doesNotContainAnyElementsOf(rolledBack);
        var positions = jdbc.sql("select count(*) as n, min(position) as first, max(position) as last, "
                + "count(distinct prev_hash) as parents from audit_chain where position > ?").param(before)
                .query().singleRow();
        long n = ((Number) positions.get("n")).longValue();
        assertThat(n).as("the writers' entries, and any a background job recorded meanwhile")
                .isGreaterThanOrEqualTo(committed.size());
        assertThat(((Number) positions.get("first")).longValue()).isEqualTo(before + 1);
        assertThat(((Number) positions.get("last")).longValue()).as("no gaps").isEqualTo(before + n);
        assertThat(((Number) positions.get("parents")).longValue()).as("no forks: no entry is a parent twice")
                .isEqualTo(n);
        assertThat(AuditTrail.headPosition(jdbc)).isEqualTo(before + n);
        assertThat(jdbc.sql("select count(*) from audit_pending p where p.seq = any(?)")
                .param(committed.toArray(Long[]::new)).query(Long.class).single()).isZero();
        VerifyResult result = verifier.verify();
        assertThat(result.intact()).as(String.valueOf(result.problem())).isTrue();
        assertThat(result.entries()).isEqualTo(AuditTrail.headPosition(jdbc));
    }

    @Test
    void the_background_sequencer_chains_a_committed_entry_without_being_asked() throws Exception {
        AuditEntry entry = log.record(AuditTrail.aPersonRead("991000006"));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (AuditTrail.chained(jdbc, entry.seq()).pending() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(AuditTrail.chained(jdbc, entry.seq()).pending()).as("chained in the background").isFalse();
    }

    @Test
    void one_sequencer_at_a_time_the_others_wait_or_step_aside() {
        AuditEntry entry;
        try (Database.Owner holder = AuditTrail.holdingTheSequencer(jdbc)) {
            entry = log.record(AuditTrail.aPersonRead("991000007"));

            assertThat(jdbc.sql("select audit_sequence(10, false)").query(Integer.class).single())
                    .as("another holds the lock").isEqualTo(AuditSequencer.BUSY);
            assertThat(sequencer.drain(Duration.ofMillis(300))).isFalse();
            assertThat(AuditTrail.chained(jdbc, entry.seq()).pending()).isTrue();
        }
        AuditTrail.chainAll(sequencer);

        assertThat(AuditTrail.chained(jdbc, entry.seq()).pending()).isFalse();
    }

    @Test
    void the_sequencer_will_not_run_inside_a_callers_transaction() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> sequencer.drain(Duration.ofSeconds(1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("its own transactions");
    }

    @Test
    void a_queued_seq_already_chained_or_of_no_entry_is_dropped_not_chained_twice() {
        AuditEntry chained = AuditTrail.write(log, sequencer, jdbc, 1).get(0);
        long head = AuditTrail.headPosition(jdbc);
        try (Database.Owner owner = Database.owner(jdbc)) {
            owner.jdbc().sql("insert into audit_pending (seq) values (?), (?)").params(chained.seq(), 987654321098L)
                    .update();
        }

        AuditTrail.chainAll(sequencer);

        assertThat(AuditTrail.headPosition(jdbc)).isEqualTo(head);
        assertThat(jdbc.sql("select count(*) from audit_pending").query(Long.class).single()).isZero();
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void the_database_computes_the_documented_hash_as_java_and_python_do() {
        String sql = "select audit_hash(?, ?::timestamptz, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        assertThat(jdbc.sql(sql).params(1, "2026-11-05T14:03:07.1205Z", "officer", "OFFICER", "HOU", "PERSON_READ",
                "PERSON", "991000001", null, "req-1", "café ✓", AuditEntry.GENESIS).query(String.class).single())
                .isEqualTo(Canonical.hash(CanonicalTest.EXAMPLE))
                .isEqualTo("5a6620044fdbaca7cc558667b29bf1041d001ca4ce8e1824a524388721ade3af");

        AuditEntry odd = log.record(new AuditEvent("o\u001F9:x", "OFFICER", "", "SEARCH", null, null,
                "line\nbreak \"quoted\" ✓ \uD83D\uDE00", null, "a\u0000b"));
        AuditTrail.chainAll(sequencer);
        AuditEntry chained = AuditTrail.chained(jdbc, odd.seq());
        assertThat(chained.detail()).isEqualTo("a\uFFFDb");
        assertThat(Canonical.hash(chained)).as("the hash the sequencer computed").isEqualTo(chained.hash());
    }

    @Test
    void the_chain_only_continues_its_head() {
        AuditTrail.write(log, sequencer, jdbc, 1);
        String insert = "insert into audit_chain (position, seq, prev_hash, hash) values (?, ?, ?, ?)";
        long head;
        String headHash;
        long entry;

        try (Database.Owner owner = AuditTrail.holdingTheSequencer(jdbc)) {
            head = AuditTrail.headPosition(jdbc);
            headHash = jdbc.sql("select hash from audit_head").query(String.class).single();
            entry = log.record(AuditTrail.aPersonRead("991000008")).seq();
            assertThatThrownBy(() -> owner.jdbc().sql(insert).params(head + 1, entry, "1".repeat(64), "2".repeat(64))
                    .update()).hasMessageContaining("does not continue the chain");
            assertThatThrownBy(() -> owner.jdbc().sql(insert).params(head + 5, entry, headHash, "2".repeat(64))
                    .update()).hasMessageContaining("does not continue the chain");
        }
        assertThatThrownBy(() -> jdbc.sql(insert).params(head + 1, entry, headHash, "2".repeat(64)).update())
                .rootCause().hasMessageContaining("permission denied for table audit_chain");
        AuditTrail.chainAll(sequencer);
        assertThat(AuditTrail.headPosition(jdbc)).isEqualTo(head + 1);
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void the_application_runs_as_its_own_restricted_role() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("caseops_app");
    }
}
