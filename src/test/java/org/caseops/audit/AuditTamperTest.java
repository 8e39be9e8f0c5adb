package org.caseops.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Acceptance: editing, deleting or reordering any single audit row directly in the database is detected by verify,
 * naming the entry. Tampering is done as the owner with triggers off (session_replication_role = replica), the only
 * way past the append-only triggers; each test puts the rows back, as other tests share the trail.
 */
@CaseOpsTest
class AuditTamperTest {

    static final String SWAP = """
            update audit_entry x set recorded_at = y.recorded_at, actor = y.actor, role = y.role,
                field_office = y.field_office, action = y.action, subject_type = y.subject_type,
                subject_id = y.subject_id, purpose = y.purpose, request_id = y.request_id, detail = y.detail,
                prev_hash = y.prev_hash, hash = y.hash
            from audit_entry y where x.seq in (?, ?) and y.seq in (?, ?) and x.seq <> y.seq""";

    @Autowired
    AuditLog log;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    JdbcClient jdbc;

    List<AuditEntry> entries;

    @BeforeEach
    void tenEntries() {
        entries = AuditTrail.write(log, 10);
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void an_edited_field_is_found_and_named() {
        AuditEntry victim = entries.get(4);
        try (Database.Owner owner = Database.owner(jdbc)) {
            bypassTriggers(owner);
            owner.jdbc().sql("update audit_entry set subject_id = '991999999' where seq = ?").param(victim.seq())
                    .update();
            try {
                VerifyResult result = verifier.verify();

                assertThat(result.intact()).isFalse();
                assertThat(result.firstBrokenSeq()).isEqualTo(victim.seq());
                assertThat(result.problem()).contains("entry " + victim.seq()).contains("(edited)");
            } finally {
                owner.jdbc().sql("update audit_entry set subject_id = ? where seq = ?")
                        .params(victim.subjectId(), victim.seq()).update();
            }
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void an_edited_time_is_found_even_when_it_moves_by_a_microsecond() {
        AuditEntry victim = entries.get(2);
        try (Database.Owner owner = Database.owner(jdbc)) {
            bypassTriggers(owner);
            owner.jdbc().sql("update audit_entry set recorded_at = recorded_at + interval '1 microsecond' "
                    + "where seq = ?").param(victim.seq()).update();
            try {
                assertThat(verifier.verify().firstBrokenSeq()).isEqualTo(victim.seq());
            } finally {
                owner.jdbc().sql("update audit_entry set recorded_at = recorded_at - interval '1 microsecond' "
                        + "where seq = ?").param(victim.seq()).update();
            }
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void a_deleted_entry_is_found_and_named() {
        AuditEntry victim = entries.get(6);
        try (Database.Owner owner = Database.owner(jdbc)) {
            bypassTriggers(owner);
            owner.jdbc().sql("delete from audit_entry where seq = ?").param(victim.seq()).update();
            try {
                VerifyResult result = verifier.verify();

                assertThat(result.intact()).isFalse();
                assertThat(result.firstBrokenSeq()).isEqualTo(victim.seq());
                assertThat(result.problem()).contains("entry " + victim.seq() + " is missing").contains("(deleted)");
            } finally {
                restore(owner, victim);
            }
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void a_deleted_newest_entry_is_found_through_the_head() {
        AuditEntry victim = entries.get(entries.size() - 1);
        try (Database.Owner owner = Database.owner(jdbc)) {
            bypassTriggers(owner);
            owner.jdbc().sql("delete from audit_entry where seq = ?").param(victim.seq()).update();
            try {
                VerifyResult result = verifier.verify();

                assertThat(result.intact()).isFalse();
                assertThat(result.firstBrokenSeq()).isEqualTo(victim.seq());
                assertThat(result.problem()).contains("missing at the end").contains("(deleted)");
            } finally {
                restore(owner, victim);
            }
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void two_swapped_entries_are_found_and_the_first_is_named() {
        AuditEntry a = entries.get(3);
        AuditEntry b = entries.get(7);
        try (Database.Owner owner = Database.owner(jdbc)) {
            bypassTriggers(owner);
            assertThat(owner.jdbc().sql(SWAP).params(a.seq(), b.seq(), a.seq(), b.seq()).update()).isEqualTo(2);
            try {
                VerifyResult result = verifier.verify();

                assertThat(result.intact()).isFalse();
                assertThat(result.firstBrokenSeq()).isEqualTo(a.seq());
                assertThat(result.problem()).contains("entry " + a.seq()).contains("(reordered or inserted)");
            } finally {
                owner.jdbc().sql(SWAP).params(a.seq(), b.seq(), a.seq(), b.seq()).update();
            }
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void two_swapped_neighbours_are_found_and_the_first_is_named() {
        AuditEntry a = entries.get(5);
        AuditEntry b = entries.get(6);
        try (Database.Owner owner = Database.owner(jdbc)) {
            bypassTriggers(owner);
            owner.jdbc().sql(SWAP).params(a.seq(), b.seq(), a.seq(), b.seq()).update();
            try {
                assertThat(verifier.verify().firstBrokenSeq()).isEqualTo(a.seq());
            } finally {
                owner.jdbc().sql(SWAP).params(a.seq(), b.seq(), a.seq(), b.seq()).update();
            }
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void the_application_role_may_not_update_delete_or_truncate_the_trail() {
        long seq = entries.get(0).seq();

        assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor = 'mallory' where seq = ?").param(seq)
                .update()).rootCause().hasMessageContaining("permission denied for table audit_entry");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where seq = ?").param(seq).update())
                .rootCause().hasMessageContaining("permission denied for table audit_entry");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_entry").update())
                .rootCause().hasMessageContaining("permission denied for table audit_entry");
        assertThatThrownBy(() -> jdbc.sql("update audit_head set seq = 0").update())
                .rootCause().hasMessageContaining("permission denied for table audit_head");
        assertThatThrownBy(() -> jdbc.sql("alter table audit_entry disable trigger all").update())
                .rootCause().hasMessageContaining("must be owner of table audit_entry");
        assertThat(verifier.verify().intact()).isTrue();
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
            assertThatThrownBy(() -> sql.sql("update audit_head set seq = seq - 1").update())
                    .rootCause().hasMessageContaining("the audit head moves only when an entry is appended");
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    private static void bypassTriggers(Database.Owner owner) {
        owner.jdbc().sql("set session_replication_role = replica").update();
    }

    private static void restore(Database.Owner owner, AuditEntry e) {
        owner.jdbc().sql("""
                insert into audit_entry (seq, recorded_at, actor, role, field_office, action, subject_type, subject_id,
                                         purpose, request_id, detail, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.seq(), OffsetDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC), e.actor(), e.role(),
                        e.fieldOffice(), e.action(), e.subjectType(), e.subjectId(), e.purpose(), e.requestId(),
                        e.detail(), e.prevHash(), e.hash())
                .update();
    }
}
