package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.caseops.docket.DemoData.Outcome;
import org.caseops.docket.synthetic.Scenario;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Demo mode loads its data set only when it is not loaded yet (issue 12, goal 6), and never into a docket someone
 * else imported; its pages work on the scenario's date (issue 14). The load itself, twice on one home, is
 * {@code cli/ServeDemoTest}.
 */
@CaseOpsTest
class DemoDataTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DocketImporter importer;

    @AfterEach
    void forget_the_demo() {
        jdbc.sql("delete from demo_data_version").update();
    }

    @Test
    void the_fingerprint_names_the_data_set_and_is_the_same_at_every_start() {
        String fingerprint = DemoData.fingerprint();
        assertThat(fingerprint).matches("[0-9a-f]{64}");
        assertThat(DemoData.fingerprint()).isEqualTo(fingerprint);
    }

    @Test
    void a_data_set_already_loaded_is_not_generated_or_imported_again() {
        Database.clearDocket(jdbc);
        String loaded = "ab".repeat(32);
        jdbc.sql("insert into demo_data_version (id, scenario, seed, fingerprint) values (1, 'family-op-2019', 2019, "
                + "?)").param(loaded).update();

        assertThat(new DemoData(jdbc, importer).load(loaded)).isEqualTo(Outcome.ALREADY_LOADED);

        assertThat(jdbc.sql("select count(*) from import_run").query(Integer.class).single()).isZero();
    }

    @Test
    void a_docket_someone_imported_gets_no_demo_cases() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        long cases = jdbc.sql("select count(*) from eoir_case").query(Long.class).single();

        assertThat(new DemoData(jdbc, importer).load(DemoData.fingerprint())).isEqualTo(Outcome.OTHER_DOCKET);

        assertThat(jdbc.sql("select count(*) from eoir_case").query(Long.class).single()).isEqualTo(cases);
        assertThat(jdbc.sql("select count(*) from demo_data_version").query(Integer.class).single()).isZero();
    }

    @Test
    void the_demo_works_on_its_scenarios_date() {
        assertThat(new DemoData(jdbc, importer).workingDate()).isEqualTo(Scenario.FAMILY_OP_2019.asOf())
                .isEqualTo(LocalDate.of(2019, 6, 23));
    }
}
