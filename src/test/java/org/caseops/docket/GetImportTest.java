package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Problems;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@CaseOpsTest
class GetImportTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    @Test
    void returns_the_stored_report_of_an_import() throws Exception {
        ImportReport report = Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);

        ResponseEntity<JsonNode> response = http.getForEntity("/api/imports/" + report.importId(), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("importId").asLong()).isEqualTo(report.importId());
        assertThat(response.getBody().path("tables").findValuesAsText("sha256")).hasSize(7).allMatch(s -> s.length() == 64);
        assertThat(http.getForObject("/api/imports", JsonNode.class).findValuesAsText("importId"))
                .contains(String.valueOf(report.importId()));
    }

    @Test
    void an_unknown_import_is_a_404() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/imports/987654", JsonNode.class);

        Problems.assertNotFound(response, "987654");
    }

    @Test
    void a_non_numeric_id_is_a_400_naming_the_field() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/imports/latest", JsonNode.class);

        Problems.assertBadInput(response, "id");
    }
}
