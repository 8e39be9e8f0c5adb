package org.caseops.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.caseops.fixtures.CaseOpsTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@CaseOpsTest
class AuditLogTest {

    @Autowired
    AuditLog log;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void records_an_entry_chained_to_the_one_before() {
        AuditEntry first = log.record(AuditTrail.aPersonRead("991000001"));
        AuditEntry second = log.record(new AuditEvent("supervisor", "SUPERVISOR", "HOU", "CASE_CHANGED", "CASE",
                "1001", null, "req-2", "hold placed"));

        assertThat(second.seq()).isEqualTo(first.seq() + 1);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(second.hash()).isEqualTo(Canonical.hash(second)).matches("[0-9a-f]{64}");
        assertThat(second.recordedAt()).isAfterOrEqualTo(first.recordedAt());
        assertThat(jdbc.sql("select actor, action, subject_id, purpose, detail from audit_entry where seq = ?")
                .param(second.seq()).query().singleRow())
                .containsEntry("actor", "supervisor").containsEntry("action", "CASE_CHANGED")
                .containsEntry("subject_id", "1001").containsEntry("purpose", null)
                .containsEntry("detail", "hold placed");
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void an_entry_rolls_back_with_the_transaction_that_recorded_it_and_leaves_no_gap() {
        long before = headSeq();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            log.record(AuditTrail.aPersonRead("991000002"));
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");
        AuditEntry next = log.record(AuditTrail.aPersonRead("991000003"));

        assertThat(headSeq()).isEqualTo(before + 1);
        assertThat(next.seq()).isEqualTo(before + 1);
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void entries_commit_with_the_transaction_that_recorded_them() {
        long before = headSeq();

        transaction.executeWithoutResult(status -> {
            log.record(AuditTrail.aPersonRead("991000004"));
            log.record(AuditTrail.aPersonRead("991000005"));
            assertThat(status.isNewTransaction()).isTrue();
        });

        assertThat(headSeq()).isEqualTo(before + 2);
        assertThat(jdbc.sql("select subject_id from audit_entry where seq > ? order by seq").param(before)
                .query(String.class).list()).containsExactly("991000004", "991000005");
    }

    @Test
    void two_threads_appending_200_entries_each_make_one_linear_chain() throws Exception {
        long before = headSeq();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<AuditEntry>>> results = new ArrayList<>();
            for (String actor : new String[] {"officer", "officer.chicago"}) {
                results.add(threads.submit((Callable<List<AuditEntry>>) () -> {
                    start.await();
                    List<AuditEntry> mine = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        mine.add(log.record(new AuditEvent(actor, "OFFICER", "HOU", "PERSON_READ", "PERSON",
                                "99100" + i, null, actor + "-" + i, null)));
                    }
                    return mine;
                }));
            }
            start.countDown();
            for (Future<List<AuditEntry>> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).hasSize(200);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(headSeq()).isEqualTo(before + 400);
        var chain = jdbc.sql("select count(*) as n, count(distinct prev_hash) as parents, min(seq) as first, "
                + "max(seq) as last from audit_entry where seq > ?").param(before).query().singleRow();
        assertThat(((Number) chain.get("n")).longValue()).as("no gaps").isEqualTo(400);
        assertThat(((Number) chain.get("parents")).longValue()).as("no forks: no entry is a parent twice")
                .isEqualTo(400);
        assertThat(((Number) chain.get("last")).longValue() - ((Number) chain.get("first")).longValue()).isEqualTo(399);
        assertThat(jdbc.sql("select count(distinct actor) from audit_entry where seq > ?").param(before)
                .query(Long.class).single()).as("the two writers interleaved or not, both wrote").isEqualTo(2);
        VerifyResult result = verifier.verify();
        assertThat(result.intact()).as(String.valueOf(result.problem())).isTrue();
        assertThat(result.entries()).isEqualTo(headSeq());
    }

    @Test
    void the_database_refuses_an_entry_that_does_not_continue_the_chain() {
        long head = headSeq();
        String insert = "insert into audit_entry (seq, recorded_at, actor, role, action, prev_hash, hash) "
                + "values (?, now(), 'mallory', 'OFFICER', 'PERSON_READ', ?, ?)";

        assertThatThrownBy(() -> jdbc.sql(insert).params(head + 1, "1".repeat(64), "2".repeat(64)).update())
                .hasMessageContaining("does not continue the chain");
        assertThatThrownBy(() -> jdbc.sql(insert).params(head + 5, headHash(), "2".repeat(64)).update())
                .hasMessageContaining("does not continue the chain");
        assertThat(headSeq()).isEqualTo(head);
    }

    @Test
    void the_application_runs_as_its_own_restricted_role() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("caseops_app");
    }

    private long headSeq() {
        return jdbc.sql("select seq from audit_head").query(Long.class).single();
    }

    private String headHash() {
        return jdbc.sql("select hash from audit_head").query(String.class).single();
    }
}
