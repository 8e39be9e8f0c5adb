package org.caseops.legal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.LegalVersions;
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
        http.postForEntity("/api/cases/991000001/holds", LegalVersions.with(Map.of("reason", "review", "placedOn",
                "2019-06-01"), LegalVersions.holds(http, "991000001")),
                JsonNode.class);
    }

    /** Lifts with the version of the case's holds just read, unless the body says its own. */
    private ResponseEntity<JsonNode> lift(String aNumber, Map<String, Object> body) {
        Map<String, Object> sent = body.containsKey("version") ? body
                : LegalVersions.with(body, LegalVersions.holds(http, aNumber));
        return http.postForEntity("/api/cases/" + aNumber + "/holds/lift", sent, JsonNode.class);
    }

    @Test
    void a_lift_sent_on_a_stale_version_never_lifts_a_hold_placed_since_and_the_right_version_succeeds() {
        int read = LegalVersions.holds(http, "991000001");
        // another attorney lifts the hold read and places a new one meanwhile
        lift("991000001", Map.of("reason", "petition denied", "liftedOn", "2019-06-10"));
        http.postForEntity("/api/cases/991000001/holds", Map.of("reason", "new petition", "placedOn",
                "2019-06-11", "version", read), JsonNode.class);

        ResponseEntity<JsonNode> stale = lift("991000001", Map.of("reason", "stale", "version", read));

        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody().path("detail").asText()).contains("at version " + (read + 1))
                .contains("not " + read);
        assertThat(jdbc.sql("select reason from legal_hold where idncase = 1001 and lifted_on is null")
                .query(String.class).single()).isEqualTo("new petition");
        assertThat(lift("991000001", Map.of("reason", "granted", "liftedOn", "2019-06-12", "version", read + 1))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void a_lift_without_the_version_read_is_a_400_naming_the_field() {
        Problems.assertBadInput(http.postForEntity("/api/cases/991000001/holds/lift",
                Map.of("reason", "petition denied"), JsonNode.class), "version");
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
