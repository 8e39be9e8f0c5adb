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

/** POST /api/cases/{aNumber}/protections: a protection EOIR does not record blocks while in force. */
@CaseOpsTest
class PostProtectionTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    private ResponseEntity<JsonNode> record(Map<String, Object> body) {
        return http.postForEntity("/api/cases/991000001/protections", body, JsonNode.class);
    }

    private String verdict(String asOf) {
        return http.getForObject("/api/cases/991000001/executability?asOf=" + asOf, JsonNode.class).path("verdict")
                .asText();
    }

    @Test
    void records_tps_with_its_evidence_and_the_case_is_not_executable_while_it_is_in_force() {
        assertThat(verdict("2019-06-23")).isEqualTo("EXECUTABLE");
        ResponseEntity<JsonNode> response = record(Map.of("kind", "TPS", "from", "2019-06-01", "until", "2020-09-09",
                "evidence", "I-797 approval notice WAC1990000001 (synthetic)"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().path("citation").asText()).contains("INA 244(a)(1)(A)");
        JsonNode v = http.getForObject("/api/cases/991000001/executability?asOf=2019-06-23", JsonNode.class);
        assertThat(v.path("verdict").asText()).isEqualTo("NOT_EXECUTABLE");
        assertThat(v.path("findings").findValuesAsText("ruleId")).contains("PROTECTION");
        assertThat(verdict("2019-05-31")).isEqualTo("EXECUTABLE");
        assertThat(jdbc.sql("select count(*) from case_event where idncase = 1001 and kind = 'PROTECTION_RECORDED'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'PROTECTION_RECORDED' and subject_id = "
                + "'1001' and detail like ?").param("%WAC1990000001%").query(Long.class).single()).isEqualTo(1);
        assertThat(http.getForObject("/api/cases/991000001/protections", JsonNode.class).findValuesAsText("kind"))
                .containsExactly("TPS");
    }

    @Test
    void a_protection_without_evidence_is_a_400_naming_evidence() {
        Problems.assertBadInput(record(Map.of("kind", "DEFERRED_ACTION", "from", "2019-06-01")), "evidence");
    }

    @Test
    void an_unknown_kind_is_a_400_naming_kind() {
        Problems.assertBadInput(record(Map.of("kind", "PAROLE", "from", "2019-06-01", "evidence", "x")), "kind");
    }

    @Test
    void a_protection_ending_before_it_starts_is_a_400_naming_until() {
        Problems.assertBadInput(record(Map.of("kind", "U_VISA_STAY", "from", "2019-06-01", "until", "2019-05-01",
                "evidence", "I-246 with I-918 receipt")), "until");
    }

    @Test
    void an_officer_may_not_record_one() {
        assertThat(api.as("officer").postForEntity("/api/cases/991000001/protections", Map.of("kind", "TPS", "from",
                "2019-06-01", "evidence", "x"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void an_unknown_person_is_a_404() {
        Problems.assertNotFound(http.postForEntity("/api/cases/999999999/protections", Map.of("kind", "TPS", "from",
                "2019-06-01", "evidence", "x"), JsonNode.class), "999999999");
    }
}
