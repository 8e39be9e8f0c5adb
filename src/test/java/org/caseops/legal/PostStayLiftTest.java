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

@CaseOpsTest
class PostStayLiftTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    long stayId;

    @BeforeEach
    void docketWithAStay() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        stayId = http.postForObject("/api/cases/991000003/stays", LegalVersions.with(Map.of("kind", "JUDICIAL",
                "from", "2019-06-01", "reference", "order of the court of appeals"),
                LegalVersions.stays(http, "991000003")), JsonNode.class).path("id").asLong();
    }

    private ResponseEntity<JsonNode> lift(long id, String on) {
        return http.postForEntity("/api/stays/" + id + "/lift", Map.of("liftedOn", on, "version", 0), JsonNode.class);
    }

    @Test
    void lifts_a_stay_once() {
        ResponseEntity<JsonNode> response = lift(stayId, "2019-07-01");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("liftedOn").asText()).isEqualTo("2019-07-01");
        assertThat(lift(stayId, "2019-07-02").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void a_lift_sent_on_a_stale_version_is_a_409_naming_the_current_one() {
        int read = http.getForObject("/api/cases/991000003/stays", JsonNode.class).get(0).path("version").asInt();
        assertThat(lift(stayId, "2019-07-01").getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> stale = http.postForEntity("/api/stays/" + stayId + "/lift",
                Map.of("liftedOn", "2019-07-02", "version", read), JsonNode.class);

        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody().path("detail").asText()).contains("at version " + (read + 1))
                .contains("not " + read);
        assertThat(jdbc.sql("select lifted_on::text from stay where id = ?").param(stayId).query(String.class)
                .single()).isEqualTo("2019-07-01");
    }

    @Test
    void a_lift_without_the_version_read_is_a_400_naming_the_field() {
        Problems.assertBadInput(http.postForEntity("/api/stays/" + stayId + "/lift",
                Map.of("liftedOn", "2019-07-01"), JsonNode.class), "version");
    }

    @Test
    void lifting_before_the_stay_began_is_a_400() {
        Problems.assertBadInput(lift(stayId, "2019-05-01"), "liftedOn");
    }

    @Test
    void an_unknown_stay_is_a_404() {
        Problems.assertNotFound(lift(424242, "2019-07-01"), "424242");
    }
}
