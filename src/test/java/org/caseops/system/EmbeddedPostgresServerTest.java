package org.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseops.fixtures.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded database's life across processes: persistence, a second process, a JVM killed with -9. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path home;

    private static List<String> markers(EmbeddedPostgresServer server) throws Exception {
        try (Connection c = server.ownerConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select note from marker order by 1")) {
            List<String> notes = new ArrayList<>();
            while (rs.next()) {
                notes.add(rs.getString(1));
            }
            return notes;
        }
    }

    @Test
    void a_jvm_killed_with_minus_9_does_not_stop_the_next_start_and_its_data_survives() throws Exception {
        try (ChildJvm first = ChildJvm.start(HoldDatabase.class, Map.of(), home.toString(), "before-kill")) {
            first.awaitLine("READY owner=true", Duration.ofSeconds(90));
            first.kill();
        }
        assertThat(home.resolve("pgdata/postmaster.pid")).as("the orphaned postmaster still runs").exists();

        try (EmbeddedPostgresServer next = EmbeddedPostgresServer.startOrJoin(home, 0)) {
            assertThat(next.owner()).isTrue();
            assertThat(markers(next)).containsExactly("before-kill");
        }
        assertThat(home.resolve("pgdata/postmaster.pid")).as("stopped cleanly at close").doesNotExist();
    }

    @Test
    void a_second_process_uses_the_running_database_instead_of_starting_another() throws Exception {
        try (EmbeddedPostgresServer owner = EmbeddedPostgresServer.startOrJoin(home, 0)) {
            try (Connection c = owner.ownerConnection();
                 Statement s = c.createStatement()) {
                s.execute("create table marker (note text)");
            }
            try (ChildJvm second = ChildJvm.start(HoldDatabase.class, Map.of(), home.toString(), "from-second")) {
                second.awaitLine("READY owner=false port=" + owner.port(), Duration.ofSeconds(60));
            }
            assertThat(markers(owner)).containsExactly("from-second");
        }
    }

    @Test
    void data_persists_across_a_clean_restart() throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.startOrJoin(home, 0);
             Connection c = first.ownerConnection();
             Statement s = c.createStatement()) {
            s.execute("create table marker (note text)");
            s.execute("insert into marker values ('kept')");
        }
        assertThat(Files.exists(home.resolve("postgres.port"))).isFalse();
        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.startOrJoin(home, 0)) {
            assertThat(markers(second)).containsExactly("kept");
        }
    }

    @Test
    void the_first_start_keeps_the_passwords_owner_only_and_nobody_signs_in_without_one() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(home, 0)) {
            Path secrets = home.resolve("database.secrets");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
            assertThat(Files.readString(secrets)).contains("app.user=caseops_app");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", null).close())
                    .isInstanceOf(SQLException.class);
            DatabaseLogins.Login app = server.logins().app();
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), app.user(), app.password());
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select current_user")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("caseops_app");
            }
        }
    }

    @Test
    void a_home_made_before_the_passwords_keeps_its_data_and_gets_passwords_at_its_next_start() throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.startOrJoin(home, 0);
             Connection c = first.ownerConnection(); Statement s = c.createStatement()) {
            s.execute("create table marker (note text)");
            s.execute("insert into marker values ('from an earlier CaseOps')");
        }
        // what an earlier CaseOps left: initdb's trust authentication and no secrets file
        Files.delete(home.resolve("database.secrets"));
        Files.writeString(home.resolve("pgdata/pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n"
                + "host all all ::1/128 trust\n");

        try (EmbeddedPostgresServer next = EmbeddedPostgresServer.startOrJoin(home, 0)) {
            assertThat(markers(next)).containsExactly("from an earlier CaseOps");
            assertThat(home.resolve("database.secrets")).exists();
            assertThat(Files.readString(home.resolve("pgdata/pg_hba.conf"))).contains("scram-sha-256")
                    .doesNotContain("trust");
            assertThatThrownBy(() -> DriverManager.getConnection(next.jdbcUrl(), "postgres", null).close())
                    .isInstanceOf(SQLException.class);
        }
    }
}
