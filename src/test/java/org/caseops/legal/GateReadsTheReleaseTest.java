package org.caseops.legal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The gate reads the columns and tables of EOIR's release (V25) from the database: rows put in directly, verdicts
 * through the API. The Houston families: Ana Lopez (case 1001, lead) and her rider Sofia (1002), both ordered removed
 * in absentia on 2019-02-11.
 */
@CaseOpsTest
class GateReadsTheReleaseTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    private JsonNode verdict(String aNumber, String asOf) {
        return http.getForObject("/api/cases/" + aNumber + "/executability?asOf=" + asOf, JsonNode.class);
    }

    private String reason(JsonNode v) {
        for (JsonNode f : v.path("findings")) {
            if (f.path("effect").asText().equals("BLOCKS")) {
                return f.path("ruleId").asText() + ": " + f.path("detail").asText();
            }
        }
        return "none";
    }

    private void insert(String sql) {
        jdbc.sql(sql.replace("$import", "(select max(id) from import_run)")).update();
    }

    @Test
    void a_withholding_grant_in_court_application_allows_removal_only_to_a_third_country() {
        insert("insert into court_application (idnproceedingappln, idnproceeding, idncase, appl_code, appl_recd_date, "
                + "appl_dec, import_id) values (9901, 5001, 1001, 'ASYW', '2018-10-01', 'G', $import)");

        JsonNode v = verdict("991000001", "2019-06-23");

        assertThat(v.path("verdict").asText()).isEqualTo("NOT_EXECUTABLE");
        assertThat(reason(v)).startsWith("WITHHOLDING_OR_CAT")
                .contains("removal only to a third country, after notice and attorney review");
    }

    @Test
    void a_bond_appeal_does_not_touch_the_order_and_a_remand_on_a_petition_for_review_does() {
        insert("insert into appeal (idnappeal, idncase, idnproceeding, appeal_category, appeal_type, appeal_filed, "
                + "filed_by, import_id) values (8201, 1001, 5001, 'IJ', 'Bond Appeal', '2019-03-01', 'A', $import)");
        assertThat(verdict("991000001", "2019-06-23").path("verdict").asText()).isEqualTo("EXECUTABLE");

        insert("insert into appeal (idnappeal, idncase, idnproceeding, appeal_category, appeal_type, appeal_filed, "
                + "bia_decision, bia_decision_date, import_id) values (8202, 1001, 5001, 'IJ', 'Case Appeal', "
                + "'2019-02-15', 'DIS', '2019-04-01', $import)");
        insert("insert into appeal_fed_court (idnappealfedcourts, idnappeal, idncase, requested_by_oil, "
                + "fed_court_decision_date, fed_court_decision, import_id) values (7701, 8202, null, '2019-04-20', "
                + "'2019-06-01', 'REM', $import)");

        assertThat(verdict("991000001", "2019-05-31").path("verdict").asText()).isEqualTo("EXECUTABLE");
        assertThat(reason(verdict("991000001", "2019-06-23"))).startsWith("PETITION_FOR_REVIEW");
    }

    @Test
    void a_same_day_continuance_granted_is_not_a_reopening() {
        insert("insert into court_motion (idnmotion, idnproceeding, idncase, rec_type, motion_recd_date, dec, "
                + "comp_date, filing_party, import_id) values (7101, 5001, 1001, 'CO', '2019-02-11', 'G', "
                + "'2019-02-11', 'A', $import)");

        assertThat(verdict("991000001", "2019-06-23").path("verdict").asText()).isEqualTo("EXECUTABLE");
    }

    @Test
    void a_rider_whose_family_appeal_is_only_on_the_lead_gets_attorney_review() {
        insert("insert into appeal (idnappeal, idncase, idnproceeding, appeal_category, appeal_type, appeal_filed, "
                + "import_id) values (8301, 1001, 5001, 'IJ', 'Case Appeal', '2019-02-20', $import)");

        assertThat(reason(verdict("991000001", "2019-06-23"))).startsWith("APPEAL_PENDING");
        JsonNode rider = verdict("991000002", "2019-06-23");
        assertThat(rider.path("verdict").asText()).isEqualTo("NOT_EXECUTABLE");
        assertThat(reason(rider)).startsWith("FAMILY_FILING").contains("attorney review");
        JsonNode family = http.getForObject("/api/families/1001/executability?asOf=2019-06-23", JsonNode.class);
        assertThat(family.path("executable").asInt()).isZero();
    }

    @Test
    void a_verdict_says_which_release_it_was_judged_on_and_stale_data_is_not_executable() {
        jdbc.sql("update import_run set release_date = '2019-06-20'").update();

        JsonNode fresh = verdict("991000001", "2019-06-27");
        assertThat(fresh.path("dataAsOf").asText()).isEqualTo("2019-06-20");
        assertThat(fresh.path("verdict").asText()).isEqualTo("EXECUTABLE");
        JsonNode stale = verdict("991000001", "2019-06-28");
        assertThat(stale.path("verdict").asText()).isEqualTo("NOT_EXECUTABLE");
        assertThat(reason(stale)).startsWith("DATA_FRESHNESS").contains("Docket data stale: re-import or verify "
                + "with EOIR");
    }

    @Test
    void an_import_without_a_release_date_is_taken_as_of_the_day_it_ran() {
        // an import from before release dates were recorded
        jdbc.sql("update import_run set release_date = null").update();
        String ran = jdbc.sql("select max(started_at)::date::text from import_run").query(String.class).single();

        assertThat(verdict("991000001", "2019-06-23").path("dataAsOf").asText()).isEqualTo(ran);
    }
}
