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
class PostHoldTest {

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

    /** Places a hold with the version of the case's holds just read, unless the body says its own. */
    private ResponseEntity<JsonNode> place(String aNumber, Map<String, Object> body) {
        Map<String, Object> sent = body.containsKey("version") ? body
                : LegalVersions.with(body, LegalVersions.holds(http, aNumber));
        return http.postForEntity("/api/cases/" + aNumber + "/holds", sent, JsonNode.class);
    }

    @Test
    void places_a_hold_with_its_reason_and_writes_it_on_the_case_timeline() {
        ResponseEntity<JsonNode> response = place("991000003",
                Map.of("reason", "Counsel reports an unadjudicated U visa petition", "placedOn", "2019-06-20"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().path("idncase").asLong()).isEqualTo(1003);
        assertThat(response.getBody().path("placedOn").asText()).isEqualTo("2019-06-20");
        assertThat(http.getForObject("/api/cases/991000003/holds", JsonNode.class).findValuesAsText("reason"))
                .containsExactly("Counsel reports an unadjudicated U visa petition");
        assertThat(jdbc.sql("select summary from case_event where kind = 'LEGAL_HOLD_PLACED' and idncase = 1003")
                .query(String.class).single()).contains("U visa");
    }

    @Test
    void a_hold_without_a_reason_is_a_400_naming_the_field() {
        Problems.assertBadInput(place("991000003", Map.of("reason", "  ")), "reason");
        assertThat(jdbc.sql("select count(*) from legal_hold").query(Long.class).single()).isZero();
    }

    @Test
    void a_second_open_hold_on_one_case_is_a_409() {
        place("991000003", Map.of("reason", "first"));

        ResponseEntity<JsonNode> second = place("991000003", Map.of("reason", "second"));

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void a_hold_sent_without_the_version_read_is_a_400_naming_the_field() {
        ResponseEntity<JsonNode> response = http.postForEntity("/api/cases/991000003/holds",
                Map.of("reason", "U visa petition"), JsonNode.class);

        Problems.assertBadInput(response, "version");
        assertThat(jdbc.sql("select count(*) from legal_hold").query(Long.class).single()).isZero();
    }

    @Test
    void a_hold_placed_on_a_stale_version_is_a_409_naming_the_current_one_and_the_right_one_succeeds() {
        int read = LegalVersions.holds(http, "991000003");
        place("991000003", Map.of("reason", "first", "version", read));
        place("991000003", Map.of("reason", "withdrawn", "version", read + 1));
        http.postForEntity("/api/cases/991000003/holds/lift", Map.of("reason", "withdrawn", "version", read + 1),
                JsonNode.class);

        // another attorney read the case before those two changes
        ResponseEntity<JsonNode> stale = place("991000003", Map.of("reason", "stale read", "version", read));

        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody().path("detail").asText()).contains("at version " + (read + 1))
                .contains("not " + read);
        assertThat(jdbc.sql("select count(*) from legal_hold where reason = 'stale read'").query(Long.class)
                .single()).isZero();
        ResponseEntity<JsonNode> current = place("991000003", Map.of("reason", "fresh read", "version", read + 1));
        assertThat(current.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void a_bad_date_is_a_400_naming_the_field() {
        Problems.assertBadInput(place("991000003", Map.of("reason", "r", "placedOn", "June 20")), "placedOn");
    }

    @Test
    void a_person_without_a_case_is_a_404() {
        Problems.assertNotFound(place("999999999", Map.of("reason", "r")), "999999999");
    }
}
