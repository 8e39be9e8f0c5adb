package org.caseops.legal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * POST /api/cases/{aNumber}/determinations: an unknown code keeps the case NOT_EXECUTABLE for attorney review until
 * an attorney records what it means; the determination is a fact the gate reads, with its case event and audit entry.
 */
@CaseOpsTest
class PostDeterminationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void docketWithAnUnknownBiaCode() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        // Ana Lopez (case 1001, in absentia 2019-02-11) appealed; the BIA decided with a code no lookup has.
        jdbc.sql("insert into appeal (idnappeal, idncase, idnproceeding, appeal_category, appeal_type, appeal_filed, "
                + "bia_decision, bia_decision_date, import_id) values (8101, 1001, 5001, 'IJ', 'Case Appeal', "
                + "'2019-02-20', 'XQZ', '2019-05-02', (select max(id) from import_run))").update();
    }

    private ResponseEntity<JsonNode> record(Map<String, Object> body) {
        return http.postForEntity("/api/cases/991000001/determinations", body, JsonNode.class);
    }

    private JsonNode verdict(String asOf) {
        return http.getForObject("/api/cases/991000001/executability?asOf=" + asOf, JsonNode.class);
    }

    @Test
    void an_unknown_bia_code_is_attorney_review_until_a_determination_is_recorded() {
        JsonNode before = verdict("2019-06-23");
        assertThat(before.path("verdict").asText()).isEqualTo("NOT_EXECUTABLE");
        assertThat(before.path("findings").findValuesAsText("detail"))
                .anyMatch(d -> d.contains("unknown code XQZ in strBIADecision: attorney review"));

        ResponseEntity<JsonNode> response = record(Map.of("subject", "strBIADecision=XQZ", "meaning",
                "BIA_DISMISSED", "reason", "the BIA's decision of 2019-05-02 dismissed the appeal (synthetic)",
                "recordedOn", "2019-06-20"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(verdict("2019-06-19").path("verdict").asText()).isEqualTo("NOT_EXECUTABLE");
        assertThat(verdict("2019-06-23").path("verdict").asText()).isEqualTo("EXECUTABLE");
        assertThat(jdbc.sql("select count(*) from case_event where idncase = 1001 and kind = 'DETERMINATION_RECORDED'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'DETERMINATION_RECORDED' and subject_id "
                + "= '1001' and detail like 'strBIADecision=XQZ means BIA_DISMISSED%'").query(Long.class).single())
                .isPositive();
        assertThat(http.getForObject("/api/cases/991000001/determinations", JsonNode.class)
                .findValuesAsText("meaning")).containsExactly("BIA_DISMISSED");
    }

    @Test
    void a_determination_of_a_known_code_changes_nothing() {
        jdbc.sql("update appeal set bia_decision = 'REM' where idnappeal = 8101").update();
        record(Map.of("subject", "strBIADecision=REM", "meaning", "BIA_DISMISSED", "reason", "read it as dismissed",
                "recordedOn", "2019-06-01"));

        assertThat(verdict("2019-06-23").path("verdict").asText()).isEqualTo("NOT_EXECUTABLE");
    }

    @Test
    void an_unknown_subject_is_a_400_naming_subject() {
        Problems.assertBadInput(record(Map.of("subject", "whatever", "meaning", "BIA_DISMISSED", "reason", "x")),
                "subject");
    }

    @Test
    void a_meaning_that_does_not_fit_the_subject_is_a_400_naming_meaning() {
        Problems.assertBadInput(record(Map.of("subject", "strBIADecision=XQZ", "meaning", "REOPENS", "reason", "x")),
                "meaning");
    }

    @Test
    void a_determination_without_a_reason_is_a_400() {
        Problems.assertBadInput(record(Map.of("subject", "strBIADecision=XQZ", "meaning", "BIA_DISMISSED")),
                "reason");
    }

    @Test
    void an_officer_may_not_record_one() {
        assertThat(api.as("officer").postForEntity("/api/cases/991000001/determinations", Map.of("subject",
                "strBIADecision=XQZ", "meaning", "BIA_DISMISSED", "reason", "x"), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void an_unknown_person_is_a_404() {
        Problems.assertNotFound(http.postForEntity("/api/cases/999999999/determinations", Map.of("subject",
                "strBIADecision=XQZ", "meaning", "BIA_DISMISSED", "reason", "x"), JsonNode.class), "999999999");
    }
}
