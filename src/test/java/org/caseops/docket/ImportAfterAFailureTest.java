package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.caseops.cli.Main;
import org.caseops.docket.synthetic.Scenario;
import org.caseops.docket.synthetic.SyntheticDocketGenerator;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.ChildJvm;
import org.caseops.fixtures.Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13's findings about a retry after a killed import: the killed import's statement must not run on in the server
 * holding the import lock, and the retry must plan its merges with statistics of what is really in the tables.
 */
@CaseOpsTest
class ImportAfterAFailureTest {

    @TempDir
    static Path docket;

    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void generate() throws Exception {
        SyntheticDocketGenerator.generate(Scenario.NATIONAL, 3_000, 5, docket);
    }

    @Test
    void the_server_ends_a_killed_imports_statement_instead_of_running_it_on() throws Exception {
        Database.clearDocket(jdbc);
        try (Database.Owner blocker = Database.owner(jdbc);
             ChildJvm cli = ChildJvm.start(Main.class, Database.environment(jdbc), "import", "--eoir",
                     docket.toString(), "--persons", docket.resolve("persons.csv").toString())) {
            // Holding a lock the import's first merge needs keeps that statement running in the server for as long
            // as the test wants: the situation of a long merge whose client is killed.
            blocker.jdbc().sql("begin").update();
            blocker.jdbc().sql("lock table eoir_case in exclusive mode").update();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (waitingImports() == 0) {
                assertThat(Instant.now()).as("the import reaches its first merge; it printed:%n%s", cli.output())
                        .isBefore(deadline);
                Thread.sleep(100);
            }
            cli.kill();

            Instant gone = Instant.now().plus(Duration.ofSeconds(20));
            while (importSessions() > 0 && Instant.now().isBefore(gone)) {
                Thread.sleep(200);
            }
            assertThat(importSessions()).as("the killed import's session is ended by the server while the lock is "
                    + "still held (client_connection_check_interval)").isZero();
            blocker.jdbc().sql("rollback").update();
        }
        assertThat(jdbc.sql("select count(*) from eoir_case").query(Long.class).single()).isZero();
    }

    @Test
    void an_import_leaves_the_planner_statistics_of_what_it_wrote() {
        Database.clearDocket(jdbc);
        try (Database.Owner owner = Database.owner(jdbc)) {
            // What autovacuum leaves after a rolled-back import: tables analyzed as empty.
            owner.jdbc().sql("analyze eoir_case, proceeding, person, case_index").update();
        }

        ImportReport report = importer.importFiles(docket, docket.resolve("persons.csv"), "test", ImportProgress.NONE);

        long cases = jdbc.sql("select count(*) from eoir_case").query(Long.class).single();
        assertThat(cases).isEqualTo(report.tables().stream().filter(t -> t.table().equals("A_TblCase"))
                .findFirst().orElseThrow().inserted()).isGreaterThan(2_000);
        for (String table : new String[] {"eoir_case", "proceeding", "person", "case_index"}) {
            double estimate = jdbc.sql("select reltuples from pg_class where relname = ?").param(table)
                    .query(Double.class).single();
            long actual = jdbc.sql("select count(*) from " + table).query(Long.class).single();
            assertThat(estimate).as("the planner's row estimate of %s right after the import", table)
                    .isGreaterThan(actual * 0.9).isLessThan(actual * 1.1);
        }
        Database.clearDocket(jdbc);
    }

    private long waitingImports() {
        return jdbc.sql("select count(*) from pg_stat_activity where application_name = ? and wait_event_type = 'Lock'")
                .param(DocketImporter.APPLICATION_NAME).query(Long.class).single();
    }

    private long importSessions() {
        return jdbc.sql("select count(*) from pg_stat_activity where application_name = ?")
                .param(DocketImporter.APPLICATION_NAME).query(Long.class).single();
    }
}
