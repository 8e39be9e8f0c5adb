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
class PostScreeningTest {

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

    @Test
    void screens_the_docket_as_of_a_date_and_returns_counts_by_verdict_reason_and_field_office() {
        ResponseEntity<JsonNode> response = http.postForEntity("/api/screenings", Map.of("asOf", "2019-06-23"),
                JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode report = response.getBody();
        assertThat(report.path("cases").asLong()).isEqualTo(3);
        assertThat(report.path("verdicts").path("executable").asLong()).isEqualTo(2);
        assertThat(report.path("verdicts").path("notExecutable").asLong()).isEqualTo(1);
        assertThat(report.path("fieldOffices").get(0).path("fieldOffice").asText()).isEqualTo("HOU");
        assertThat(report.path("reasons").findValuesAsText("reason")).containsExactlyInAnyOrder("FINALITY",
                "MOTION_STAY_IN_ABSENTIA");
        long id = report.path("screeningId").asLong();
        assertThat(response.getHeaders().getLocation()).hasToString("/api/screenings/" + id);
        assertThat(http.getForObject("/api/screenings/" + id, JsonNode.class).path("cases").asLong()).isEqualTo(3);
    }

    @Test
    void a_screening_without_a_date_is_a_400_naming_as_of() {
        Problems.assertBadInput(http.postForEntity("/api/screenings", Map.of("fieldOffice", "HOU"), JsonNode.class),
                "asOf");
    }

    @Test
    void a_malformed_field_office_is_a_400() {
        Problems.assertBadInput(http.postForEntity("/api/screenings", Map.of("asOf", "2019-06-23",
                "fieldOffice", "Houston"), JsonNode.class), "fieldOffice");
    }

    @Test
    void an_unknown_screening_is_a_404() {
        Problems.assertNotFound(http.getForEntity("/api/screenings/424242", JsonNode.class), "424242");
    }
}
