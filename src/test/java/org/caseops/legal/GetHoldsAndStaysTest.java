package org.caseops.legal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.LegalVersions;
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

/** GET /api/cases/{aNumber}/holds and GET /api/cases/{aNumber}/stays. */
@CaseOpsTest
class GetHoldsAndStaysTest {

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
    void lists_holds_and_stays_in_the_order_they_were_recorded_lifted_ones_included() {
        http.postForEntity("/api/cases/991000001/holds", LegalVersions.with(Map.of("reason", "first", "placedOn",
                "2019-05-01"), LegalVersions.holds(http, "991000001")),
                JsonNode.class);
        http.postForEntity("/api/cases/991000001/holds/lift", LegalVersions.with(Map.of("reason", "done", "liftedOn",
                "2019-05-02"), LegalVersions.holds(http, "991000001")),
                JsonNode.class);
        http.postForEntity("/api/cases/991000001/holds", LegalVersions.with(Map.of("reason", "second", "placedOn",
                "2019-05-03"), LegalVersions.holds(http, "991000001")),
                JsonNode.class);
        http.postForEntity("/api/cases/991000001/stays", LegalVersions.with(Map.of("kind", "ADMINISTRATIVE", "from",
                "2019-05-04",
                "reference", "I-246"), LegalVersions.stays(http, "991000001")), JsonNode.class);

        ResponseEntity<JsonNode> holds = http.getForEntity("/api/cases/991000001/holds", JsonNode.class);
        ResponseEntity<JsonNode> stays = http.getForEntity("/api/cases/991000001/stays", JsonNode.class);

        assertThat(holds.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(holds.getBody().findValuesAsText("reason")).containsExactly("first", "second");
        assertThat(holds.getBody().get(0).path("liftedOn").asText()).isEqualTo("2019-05-02");
        assertThat(holds.getBody().get(1).path("liftedOn").isNull()).isTrue();
        assertThat(stays.getBody().findValuesAsText("reference")).containsExactly("I-246");
        assertThat(http.getForObject("/api/cases/991000003/holds", JsonNode.class)).isEmpty();
    }

    @Test
    void a_malformed_a_number_is_a_400() {
        Problems.assertBadInput(http.getForEntity("/api/cases/12/holds", JsonNode.class), "aNumber");
        Problems.assertBadInput(http.getForEntity("/api/cases/12/stays", JsonNode.class), "aNumber");
    }

    @Test
    void an_unknown_a_number_is_a_404() {
        Problems.assertNotFound(http.getForEntity("/api/cases/999999999/holds", JsonNode.class), "999999999");
        Problems.assertNotFound(http.getForEntity("/api/cases/999999999/stays", JsonNode.class), "999999999");
    }
}
