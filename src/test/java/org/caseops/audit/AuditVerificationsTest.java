package org.caseops.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.caseops.fixtures.AuditChecks;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The audit trail's kept checks (V151, {@link AuditVerifications}, docs/audit.md "Checks on a schedule"): a check
 * after an intact one reads only what was chained since, from where that one ended; it finds tampering with what it
 * reads and with the entry it starts from; after a broken check the next reads the whole chain again, and so does the
 * first after the full-check interval; one check at a time on all instances; what is kept cannot be changed.
 *
 * <p>The JVM's own scheduled check may run between two of these checks, so each assertion holds whichever check came
 * last. Tampering as in {@link AuditTamperTest}: as the owner with triggers off, holding the sequencer's lock, rows
 * put back after.
 */
@CaseOpsTest
class AuditVerificationsTest {

    @Autowired
    AuditVerifications verifications;
    @Autowired
    AuditLog log;
    @Autowired
    AuditSequencer sequencer;
    @Autowired
    AuditRows rows;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    AuditProperties properties;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_check_after_an_intact_one_reads_only_what_was_chained_since() {
        AuditTrail.write(log, sequencer, jdbc, 2);
        AuditVerifications.Verification before = intactCheck();
        List<AuditEntry> written = AuditTrail.write(log, sequencer, jdbc, 5);

        AuditVerifications.Verification since = AuditChecks.checkNow(verifications);

        assertThat(since.intact()).as(String.valueOf(since.problem())).isTrue();
        assertThat(since.kind()).isEqualTo(AuditVerifications.Kind.SINCE);
        assertThat(since.fromPosition()).isGreaterThan(before.verifiedUpTo())
                .isLessThanOrEqualTo(written.get(0).position());
        assertThat(since.verifiedUpTo()).isGreaterThanOrEqualTo(written.get(4).position());
        assertThat(since.entries()).as("only the entries from where the check began")
                .isEqualTo(since.verifiedUpTo() - since.fromPosition() + 1)
                .isLessThan(jdbc.sql("select count(*) from audit_chain").query(Long.class).single());
        assertThat(verifications.status().latest()).get().extracting(AuditVerifications.Verification::id)
                .satisfies(id -> assertThat(id).isGreaterThanOrEqualTo(since.id()));
    }

    @Test
    void an_edit_of_an_entry_chained_since_is_found_and_the_next_check_reads_the_whole_chain() {
        intactCheck();
        List<AuditEntry> written = AuditTrail.write(log, sequencer, jdbc, 5);
        AuditEntry victim = written.get(2);
        try (Database.Owner owner = tampering()) {
            owner.jdbc().sql("update audit_entry set subject_id = '991999999' where seq = ?").param(victim.seq())
                    .update();
            try {
                AuditVerifications.Verification found = AuditChecks.checkNow(verifications);

                assertThat(found.intact()).isFalse();
                assertThat(found.firstBrokenPosition()).isEqualTo(victim.position());
                assertThat(found.problem()).contains("(edited)");
                // a broken check is followed by a full one, which finds it too: found stays found
                AuditVerifications.Verification next = AuditChecks.checkNow(verifications);
                assertThat(next.kind()).isEqualTo(AuditVerifications.Kind.FULL);
                assertThat(next.fromPosition()).isEqualTo(1);
                assertThat(next.intact()).isFalse();
                assertThat(next.firstBrokenPosition()).isEqualTo(victim.position());
            } finally {
                owner.jdbc().sql("update audit_entry set subject_id = ? where seq = ?")
                        .params(victim.subjectId(), victim.seq()).update();
            }
        }
        AuditVerifications.Verification after = AuditChecks.checkNow(verifications);
        assertThat(after.kind()).as("after a broken check, the whole chain").isEqualTo(AuditVerifications.Kind.FULL);
        assertThat(after.intact()).as(String.valueOf(after.problem())).isTrue();
    }

    @Test
    void a_rewritten_entry_where_the_last_check_ended_is_found() {
        AuditVerifications.Verification before = intactCheck();
        long at = before.verifiedUpTo();
        String hash = rows.hashAt(at).orElseThrow();
        try (Database.Owner owner = tampering()) {
            owner.jdbc().sql("update audit_chain set hash = ? where position = ?").params("0".repeat(64), at)
                    .update();
            try {
                AuditVerifications.Verification found = AuditChecks.checkNow(verifications);

                assertThat(found.intact()).isFalse();
                assertThat(found.firstBrokenPosition()).isEqualTo(at);
                if (found.kind() == AuditVerifications.Kind.SINCE) {
                    assertThat(found.problem()).contains("entry " + at).contains("(rewritten)");
                }
            } finally {
                owner.jdbc().sql("update audit_chain set hash = ? where position = ?").params(hash, at).update();
            }
        }
        assertThat(AuditChecks.checkNow(verifications).intact()).isTrue();
    }

    @Test
    void an_edit_of_an_entry_checked_before_is_found_by_the_next_full_check() {
        List<AuditEntry> written = AuditTrail.write(log, sequencer, jdbc, 3);
        intactCheck();
        AuditEntry victim = written.get(1);
        try (Database.Owner owner = tampering()) {
            owner.jdbc().sql("update audit_entry set purpose = 'rewritten' where seq = ?").param(victim.seq())
                    .update();
            try {
                AuditVerifications.Verification full = AuditChecks.checkAllNow(verifications);

                assertThat(full.kind()).isEqualTo(AuditVerifications.Kind.FULL);
                assertThat(full.intact()).isFalse();
                assertThat(full.firstBrokenPosition()).isEqualTo(victim.position());
            } finally {
                owner.jdbc().sql("update audit_entry set purpose = ? where seq = ?")
                        .params(victim.purpose(), victim.seq()).update();
            }
        }
        assertThat(AuditChecks.checkNow(verifications).intact()).isTrue();
    }

    @Test
    void the_first_check_after_the_full_check_interval_reads_the_whole_chain() {
        intactCheck();
        AuditProperties dueAlways = new AuditProperties(properties.sequencerInterval(), properties.sequencerBatch(),
                properties.checkpointInterval(), properties.signingKey(), properties.checkpointLog(),
                properties.verifyInterval(), Duration.ofNanos(1));
        AuditVerifications due = new AuditVerifications(jdbc, rows, verifier, dueAlways, transactions);

        AuditVerifications.Verification check = AuditChecks.checkNow(due);

        assertThat(check.kind()).isEqualTo(AuditVerifications.Kind.FULL);
        assertThat(check.fromPosition()).isEqualTo(1);
        assertThat(check.intact()).as(String.valueOf(check.problem())).isTrue();
    }

    @Test
    void one_check_at_a_time_on_all_instances() {
        try (Database.Owner other = Database.owner(jdbc)) {
            // the lock another instance's check holds (a session's lock conflicts with a transaction's on one key)
            other.jdbc().sql("select pg_advisory_lock(hashtext('caseops.job'), hashtext('audit-verify'))")
                    .query().singleRow();
            try {
                assertThat(verifications.check("test")).as("another instance is checking").isEmpty();
                assertThat(verifications.checkAll("test")).isEmpty();
            } finally {
                other.jdbc().sql("select pg_advisory_unlock(hashtext('caseops.job'), hashtext('audit-verify'))")
                        .query().singleRow();
            }
        }
        assertThat(AuditChecks.checkNow(verifications)).isNotNull();
    }

    @Test
    void a_kept_check_cannot_be_changed_or_removed_by_the_application() {
        long id = AuditChecks.checkNow(verifications).id();

        assertThatThrownBy(() -> jdbc.sql("update audit_verification set intact = true, problem = null where id = ?")
                .param(id).update()).hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_verification where id = ?").param(id).update())
                .hasStackTraceContaining("permission denied");
        try (Database.Owner owner = Database.owner(jdbc)) {
            assertThatThrownBy(() -> owner.jdbc().sql("delete from audit_verification where id = ?").param(id)
                    .update()).hasStackTraceContaining("append-only");
        }
    }

    /** An intact check kept now (a full one if the newest kept is broken, e.g. left by another class). */
    private AuditVerifications.Verification intactCheck() {
        AuditVerifications.Verification v = AuditChecks.checkNow(verifications);
        if (!v.intact()) {
            v = AuditChecks.checkAllNow(verifications);
        }
        assertThat(v.intact()).as(String.valueOf(v.problem())).isTrue();
        return v;
    }

    private Database.Owner tampering() {
        Database.Owner owner = AuditTrail.holdingTheSequencer(jdbc);
        owner.jdbc().sql("set session_replication_role = replica").update();
        return owner;
    }
}
