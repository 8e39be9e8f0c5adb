package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Problems;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@CaseOpsTest
class GetPersonTimelineTest {

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
    void lists_what_happened_to_the_person_and_their_case_oldest_first() throws Exception {
        EoirFiles decided = EoirFiles.standard();
        decided.motion(7001, 5003, 1003, "2019-03-01", "G");
        Path dir = decided.writeTo(Files.createTempDirectory("later"));
        importer.importFiles(dir, null, "test", ImportProgress.NONE);

        ResponseEntity<JsonNode> response = http.getForEntity("/api/people/991000003/timeline", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().findValuesAsText("kind"))
                .containsExactly("CASE_ADDED", "PERSON_ADDED", "MOTION_UPDATED");
        JsonNode update = response.getBody().get(2);
        assertThat(update.path("before").path("dec").isNull()).isTrue();
        assertThat(update.path("after").path("dec").asText()).isEqualTo("G");
        assertThat(update.path("actor").asText()).isEqualTo("test");
    }

    @Test
    void a_malformed_a_number_is_a_400() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/people/ABC/timeline", JsonNode.class);

        Problems.assertBadInput(response, "aNumber");
    }

    @Test
    void an_unknown_person_is_a_404() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/people/999999999/timeline", JsonNode.class);

        Problems.assertNotFound(response, "999999999");
    }
}
