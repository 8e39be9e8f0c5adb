package org.caseops.legal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.caseops.docket.DocketImporter;
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

@CaseOpsTest
class PostHoldLiftTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void docketWithAHold() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        http.postForEntity("/api/cases/991000001/holds", Map.of("reason", "review", "placedOn", "2019-06-01"),
                JsonNode.class);
    }

    private ResponseEntity<JsonNode> lift(String aNumber, Map<String, Object> body) {
        return http.postForEntity("/api/cases/" + aNumber + "/holds/lift", body, JsonNode.class);
    }

    @Test
    void lifts_the_open_hold_with_a_reason() {
        ResponseEntity<JsonNode> response = lift("991000001", Map.of("reason", "petition denied",
                "liftedOn", "2019-06-10"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("liftedOn").asText()).isEqualTo("2019-06-10");
        assertThat(jdbc.sql("select kind from case_event where idncase = 1001 and kind like 'LEGAL_HOLD%' order by id")
                .query(String.class).list()).containsExactly("LEGAL_HOLD_PLACED", "LEGAL_HOLD_LIFTED");
    }

    @Test
    void lifting_without_a_reason_is_a_400() {
        Problems.assertBadInput(lift("991000001", Map.of("reason", "")), "reason");
    }

    @Test
    void lifting_before_the_hold_was_placed_is_a_400() {
        Problems.assertBadInput(lift("991000001", Map.of("reason", "x", "liftedOn", "2019-05-01")), "liftedOn");
    }

    @Test
    void lifting_when_no_hold_is_open_is_a_409() {
        assertThat(lift("991000003", Map.of("reason", "x")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void an_unknown_a_number_is_a_404() {
        Problems.assertNotFound(lift("999999999", Map.of("reason", "x")), "999999999");
    }
}
