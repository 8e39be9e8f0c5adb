package org.caseops.legal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
class GetFamilyExecutabilityTest {

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
    void each_member_is_judged_on_their_own_case_and_a_citizen_child_is_not_subject_to_removal() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/families/1001/executability?asOf=2019-06-23",
                JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode members = response.getBody().path("members");
        assertThat(members.findValuesAsText("givenName")).containsExactly("Ana", "Sofia", "Mateo");
        assertThat(members.findValuesAsText("label")).containsExactly("EXECUTABLE", "EXECUTABLE",
                "NOT_SUBJECT_TO_REMOVAL");
        assertThat(members.get(2).path("verdict").asText()).isEqualTo("NOT_EXECUTABLE");
        assertThat(response.getBody().path("notSubjectToRemoval").asInt()).isEqualTo(1);
        assertThat(response.getBody().path("executable").asInt()).isEqualTo(2);
    }

    @Test
    void a_non_numeric_family_is_a_400() {
        Problems.assertBadInput(http.getForEntity("/api/families/x/executability", JsonNode.class), "id");
    }

    @Test
    void an_unknown_family_is_a_404() {
        Problems.assertNotFound(http.getForEntity("/api/families/424242/executability", JsonNode.class), "424242");
    }
}
