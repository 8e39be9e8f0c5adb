package org.caseops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.caseops.system.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caseops audit verify}, {@code audit export} and {@code audit checkpoint} as an operator runs them, on their
 * own CASEOPS_HOME: the export is audited with the operating-system user as actor, the checkpoint is signed with a
 * key generated in CASEOPS_HOME/audit readable by its owner only, and after someone with the database owner's rights
 * recomputed the chain, verify names the checkpoint the chain no longer matches and no new checkpoint is signed.
 */
class AuditCommandTest {

    @TempDir
    Path home;

    @Test
    void verify_export_and_checkpoint_and_a_recomputed_chain_found_through_the_checkpoint() throws Exception {
        Path file = home.resolve("out/audit.ndjson");
        Path kept = home.resolve("kept/checkpoint.json");
        // the three commands one after another in one JVM (Commands), each with its own context and database start
        List<Commands.Run> runs = Commands.run(env(), Duration.ofMinutes(2), List.of("audit", "verify"),
                List.of("audit", "export", "--out", file.toString()),
                List.of("audit", "checkpoint", "--out", kept.toString()));
        assertThat(runs.get(0)).satisfies(run -> {
            assertThat(run.exit()).as(run.output()).isZero();
            assertThat(run.output()).contains("Audit trail intact: 0 entries");
        });

        Commands.Run export = runs.get(1);
        assertThat(export.exit()).as(export.output()).isZero();
        assertThat(export.output()).contains("Exported 1 audit entries to " + file);
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).singleElement().asString()
                .startsWith("{\"position\":1,\"seq\":1,").contains("\"actor\":\"cli:")
                .contains("\"action\":\"AUDIT_EXPORTED\"");

        Commands.Run checkpoint = runs.get(2);
        assertThat(checkpoint.exit()).as(checkpoint.output()).isZero();
        assertThat(checkpoint.output()).contains("{\"checkpoint\":\"caseops-audit-checkpoint-v1\",\"position\":1,")
                .contains("Checkpoint at position 1 signed with key");
        assertThat(Files.readString(kept)).startsWith("{\"checkpoint\":\"caseops-audit-checkpoint-v1\"");
        Path key = home.resolve("audit/signing-key.pem");
        assertThat(Files.readString(key)).contains("-----BEGIN PRIVATE KEY-----").contains("-----BEGIN PUBLIC KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.readAllLines(home.resolve("audit/checkpoints.ndjson"))).hasSize(1);

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(home, 0);
             Connection owner = server.ownerConnection();
             Statement sql = owner.createStatement()) {
            // the attacker: edit entry 1, recompute every hash after it with the database's own function, move the head
            sql.execute("set session_replication_role = replica");
            sql.execute("update audit_entry set actor = 'nobody' where seq = 1");
            for (int position : List.of(1, 2)) {
                sql.execute("""
                        update audit_chain c set prev_hash = coalesce((select hash from audit_chain where position = %d),
                                                                     repeat('0', 64)),
                            hash = audit_hash(c.position, e.recorded_at, e.actor, e.role, e.field_office, e.action,
                                e.subject_type, e.subject_id, e.purpose, e.request_id, e.detail,
                                coalesce((select hash from audit_chain where position = %d), repeat('0', 64)))
                        from audit_entry e where e.seq = c.seq and c.position = %d""".formatted(position - 1,
                        position - 1, position));
            }
            sql.execute("update audit_head set hash = (select hash from audit_chain where position = 2)");
        }

        List<Commands.Run> after = Commands.run(env(), Duration.ofMinutes(2),
                List.of("audit", "verify", "--anchor", kept.toString()), List.of("audit", "checkpoint"));
        Commands.Run broken = after.get(0);
        assertThat(broken.exit()).as(broken.output()).isEqualTo(AuditCommand.BROKEN);
        assertThat(broken.output()).contains("Audit trail BROKEN at entry 1:").contains("(rewritten)");

        Commands.Run refused = after.get(1);
        assertThat(refused.exit()).as(refused.output()).isEqualTo(AuditCommand.BROKEN);
        assertThat(refused.output()).contains("Checkpoint REFUSED");
    }

    private Map<String, String> env() {
        return Map.of("CASEOPS_HOME", home.toString());
    }
}
