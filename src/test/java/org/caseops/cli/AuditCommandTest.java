package org.caseops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.caseops.fixtures.ChildJvm;
import org.caseops.system.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caseops audit verify} and {@code audit export} as an operator runs them, on their own CASEOPS_HOME. */
class AuditCommandTest {

    @TempDir
    Path home;

    @Test
    void verify_exits_0_when_intact_and_3_naming_the_entry_when_broken_and_export_writes_the_trail() throws Exception {
        assertThat(caseops("audit", "verify")).satisfies(run -> {
            assertThat(run.exit).as(run.output).isZero();
            assertThat(run.output).contains("Audit trail intact: 0 entries");
        });

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(home, 0);
             Connection owner = server.ownerConnection();
             Statement sql = owner.createStatement()) {
            sql.execute("set session_replication_role = replica");
            sql.execute("insert into audit_entry (seq, recorded_at, actor, role, action, prev_hash, hash) values "
                    + "(1, now(), 'nobody', 'OFFICER', 'PERSON_READ', repeat('0', 64), repeat('a', 64))");
        }

        Run broken = caseops("audit", "verify");
        assertThat(broken.exit).as(broken.output).isEqualTo(AuditCommand.BROKEN);
        assertThat(broken.output).contains("Audit trail BROKEN at entry 1:").contains("(edited)");

        Path file = home.resolve("out/audit.ndjson");
        Run export = caseops("audit", "export", "--out", file.toString());
        assertThat(export.exit).as(export.output).isZero();
        assertThat(export.output).contains("Exported 1 audit entries to " + file);
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).singleElement().asString()
                .startsWith("{\"seq\":1,").contains("\"actor\":\"nobody\"");
    }

    record Run(int exit, String output) {
    }

    private Run caseops(String... args) throws Exception {
        try (ChildJvm child = ChildJvm.start(Main.class, Map.of("CASEOPS_HOME", home.toString()), args)) {
            int exit = child.waitFor(Duration.ofMinutes(2));
            return new Run(exit, child.output());
        }
    }
}
