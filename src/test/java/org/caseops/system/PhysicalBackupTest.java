package org.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.caseops.audit.AuditEvent;
import org.caseops.audit.AuditLog;
import org.caseops.fixtures.CaseOpsTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A backup round trip under write load (issue 19): while a writer adds audit entries, {@link PhysicalBackup} copies
 * the running test database; the copy, put in place as a new home's data directory and started, replays its WAL and
 * opens with every table the manifest counted, a table nothing may delete from holding at least its rows from before
 * the backup, and every audit entry the writer had acknowledged before the backup began.
 */
@CaseOpsTest
class PhysicalBackupTest {

    @Autowired
    PhysicalBackup backup;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_backup_taken_under_writes_restores_into_a_new_home_with_nothing_acknowledged_before_it_lost(
            @TempDir Path dir) throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong acknowledged = new AtomicLong();
        Thread writer = new Thread(() -> {
            while (writing.get()) {
                audit.record(new AuditEvent("backup-test", "NONE", null, "BACKUP_TEST_WRITE", null, null, null, null,
                        "written while the backup runs"));
                acknowledged.incrementAndGet();
            }
        }, "backup-test-writer");
        writer.start();
        long before;
        PhysicalBackup.Manifest manifest;
        try {
            while (acknowledged.get() < 50) {
                Thread.sleep(10);
            }
            before = acknowledgedRows();
            manifest = backup.backup(dir.resolve("backup"));
        } finally {
            writing.set(false);
            writer.join();
        }
        assertThat(manifest.tables()).containsKeys("audit_entry", "audit_pending", "person", "worksite_detainee");
        assertThat(manifest.tables().get("audit_pending").appendOnly()).isFalse();
        assertThat(manifest.tables().get("case_event").appendOnly()).isTrue();
        assertThat(Files.exists(dir.resolve("backup/pgdata/backup_label"))).isTrue();
        assertThatThrownBy(() -> backup.backup(dir.resolve("backup"))).hasMessageContaining("is not empty");

        Path home = dir.resolve("restored-home");
        PhysicalBackup.restoreFiles(dir.resolve("backup"), home);
        assertThatThrownBy(() -> PhysicalBackup.restoreFiles(dir.resolve("backup"), home))
                .hasMessageContaining("has a database already");
        try (EmbeddedPostgresServer restored = EmbeddedPostgresServer.startOrJoin(home, 0)) {
            PhysicalBackup onRestored = new PhysicalBackup(new DatabaseConfig.DatabaseServer(restored,
                    restored.jdbcUrl(), restored.logins()));
            List<PhysicalBackup.Difference> differences = onRestored.check(manifest);
            assertThat(differences).filteredOn(PhysicalBackup.Difference::loss).isEmpty();
            // what the writer and the background work (the sequencer, its checkpoints, the scheduled audit check of
            // V151) added while the copy ran; nothing else changes
            assertThat(differences).allSatisfy(d -> assertThat(d.table()).isIn("audit_entry", "audit_pending",
                    "audit_head", "audit_chain", "audit_checkpoint", "audit_verification", "spring_session",
                    "spring_session_attributes"));
            JdbcClient copy = JdbcClient.create(new org.springframework.jdbc.datasource.SimpleDriverDataSource(
                    new org.postgresql.Driver(), restored.jdbcUrl(), restored.logins().owner().user(),
                    restored.logins().owner().password()));
            long restoredRows = copy.sql("select count(*) from audit_entry where action = 'BACKUP_TEST_WRITE'")
                    .query(Long.class).single();
            assertThat(restoredRows).isGreaterThanOrEqualTo(before);
            assertThat(copy.sql("select count(*) from person").query(Long.class).single())
                    .isEqualTo(manifest.tables().get("person").rows());
        }
    }

    /** Entries of the writer the database holds now (an entry is a row when recorded; chaining comes later). */
    private long acknowledgedRows() {
        return jdbc.sql("select count(*) from audit_entry where action = 'BACKUP_TEST_WRITE'").query(Long.class)
                .single();
    }
}
