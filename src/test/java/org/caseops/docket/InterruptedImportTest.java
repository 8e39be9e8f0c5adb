package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.caseops.cli.Main;
import org.caseops.docket.synthetic.Scenario;
import org.caseops.docket.synthetic.SyntheticDocketGenerator;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.ChildJvm;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An import killed with -9 part-way leaves CaseOps as it was; running it again ends as an uninterrupted run. */
@CaseOpsTest
class InterruptedImportTest {

    @TempDir
    static Path national;

    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @BeforeAll
    static void generate() throws Exception {
        SyntheticDocketGenerator.generate(Scenario.NATIONAL, 20_000, 11, national);
    }

    private ImportReport importNational() {
        return importer.importFiles(national, national.resolve("persons.csv"), "test", ImportProgress.NONE);
    }

    @Test
    void an_import_killed_mid_way_leaves_nothing_and_a_rerun_equals_an_uninterrupted_run() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        String before = Database.docketFingerprint(jdbc);
        long importsBefore = jdbc.sql("select count(*) from import_run").query(Long.class).single();

        try (ChildJvm cli = ChildJvm.start(Main.class, Database.environment(jdbc),
                "import", "--eoir", national.toString(), "--persons", national.resolve("persons.csv").toString())) {
            cli.awaitLine("Reading tbl_Court_Motions.csv", Duration.ofSeconds(120));
            cli.kill();
        }

        assertThat(Database.docketFingerprint(jdbc)).as("nothing of the killed import is visible").isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from import_run").query(Long.class).single()).isEqualTo(importsBefore);

        ImportReport rerun = importNational();
        String afterRerun = Database.docketFingerprint(jdbc);

        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        ImportReport uninterrupted = importNational();

        assertThat(rerun.total(ImportReport.TableReport::inserted))
                .isEqualTo(uninterrupted.total(ImportReport.TableReport::inserted)).isPositive();
        assertThat(Database.docketFingerprint(jdbc)).isEqualTo(afterRerun);
        Database.clearDocket(jdbc);
    }
}
