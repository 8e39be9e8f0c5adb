package org.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.system.DatabaseMigrations.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Flyway runs at a start only when the migration files or the schema's history changed since it last ran (V85; issue
 * 12, goal 6): the second start of a database does not build Flyway, a changed file or history row runs it again.
 */
@CaseOpsTest
class DatabaseMigrationsTest {

    @Autowired
    DatabaseMigrations migrations;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @AfterEach
    void leave_the_digests_as_a_start_would() {
        migrations.migrate();
    }

    @Test
    void the_start_ran_flyway_on_the_new_database_and_recorded_what_it_saw() {
        assertThat(migrations.outcome()).as("the test database is new: Flyway migrated it").isEqualTo(Outcome.MIGRATED);
        try (Database.Owner owner = Database.owner(jdbc)) {
            assertThat(owner.jdbc().sql("select files_sha256 from migration_fingerprint").query(String.class).single())
                    .isEqualTo(migrations.files().sha256());
            assertThat(owner.jdbc().sql("select migrations from migration_fingerprint").query(Integer.class).single())
                    .isEqualTo(migrations.files().count()).isGreaterThan(40);
        }
    }

    @Test
    void a_second_start_with_the_same_files_and_history_does_not_run_flyway() {
        assertThat(migrations.migrate()).isEqualTo(Outcome.UP_TO_DATE);
        assertThat(migrations.migrate()).isEqualTo(Outcome.UP_TO_DATE);
    }

    @Test
    void changed_migration_files_run_flyway_again() {
        try (Database.Owner owner = Database.owner(jdbc)) {
            owner.jdbc().sql("update migration_fingerprint set files_sha256 = 'the files of another CaseOps'").update();
        }
        assertThat(migrations.migrate()).isEqualTo(Outcome.MIGRATED);
        assertThat(migrations.migrate()).as("recorded again once Flyway succeeded").isEqualTo(Outcome.UP_TO_DATE);
    }

    @Test
    void a_history_row_changed_by_anyone_runs_flyway_again() {
        try (Database.Owner owner = Database.owner(jdbc)) {
            owner.jdbc().sql("update flyway_schema_history set installed_by = installed_by || ' (edited)' "
                    + "where installed_rank = 1").update();
            try {
                assertThat(migrations.migrate()).isEqualTo(Outcome.MIGRATED);
            } finally {
                owner.jdbc().sql("update flyway_schema_history set installed_by = replace(installed_by, ' (edited)', "
                        + "'') where installed_rank = 1").update();
            }
        }
        assertThat(migrations.migrate()).as("the history changed back").isEqualTo(Outcome.MIGRATED);
        assertThat(migrations.migrate()).isEqualTo(Outcome.UP_TO_DATE);
    }

    @Test
    void the_files_digest_covers_each_files_name_and_bytes() throws Exception {
        Path one = Files.createDirectories(dir.resolve("one/db/m"));
        Path two = Files.createDirectories(dir.resolve("two/db/m"));
        Path three = Files.createDirectories(dir.resolve("three/db/m"));
        Files.writeString(one.resolve("V1__a.sql"), "create table a (id int);");
        Files.writeString(two.resolve("V1__a.sql"), "create table a (id bigint);");
        Files.writeString(three.resolve("V1__b.sql"), "create table a (id int);");
        DatabaseMigrations.Files a = digest(dir.resolve("one"));
        assertThat(a.count()).isEqualTo(1);
        assertThat(digest(dir.resolve("one")).sha256()).isEqualTo(a.sha256());
        assertThat(digest(dir.resolve("two")).sha256()).as("other bytes").isNotEqualTo(a.sha256());
        assertThat(digest(dir.resolve("three")).sha256()).as("another name").isNotEqualTo(a.sha256());
    }

    private static DatabaseMigrations.Files digest(Path root) throws Exception {
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {root.toUri().toURL()},
                null)) {
            return new DatabaseMigrations(null, List.of("classpath:db/m"), true, loader).files();
        }
    }
}
