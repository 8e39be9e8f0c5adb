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
class PostStayTest {

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

    /** Records a stay with the version of the case's stays just read, unless the body says its own. */
    private ResponseEntity<JsonNode> record(Map<String, Object> body) {
        Map<String, Object> sent = body.containsKey("version") ? body
                : LegalVersions.with(body, LegalVersions.stays(http, "991000003"));
        return http.postForEntity("/api/cases/991000003/stays", sent, JsonNode.class);
    }

    @Test
    void a_stay_recorded_on_a_stale_version_is_a_409_naming_the_current_one_and_the_right_one_succeeds() {
        int read = LegalVersions.stays(http, "991000003");
        record(Map.of("kind", "JUDICIAL", "from", "2019-06-01", "reference", "5th Cir. order", "version", read));

        ResponseEntity<JsonNode> stale = record(Map.of("kind", "ADMINISTRATIVE", "from", "2019-06-01",
                "reference", "I-246 (stale read)", "version", read));

        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody().path("detail").asText()).contains("at version " + (read + 1))
                .contains("not " + read);
        assertThat(jdbc.sql("select count(*) from stay where reference = 'I-246 (stale read)'").query(Long.class)
                .single()).isZero();
        assertThat(record(Map.of("kind", "ADMINISTRATIVE", "from", "2019-06-01", "reference", "I-246",
                "version", read + 1)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void a_stay_without_the_version_read_is_a_400_naming_the_field() {
        Problems.assertBadInput(http.postForEntity("/api/cases/991000003/stays", Map.of("kind", "JUDICIAL",
                "from", "2019-06-01", "reference", "5th Cir. order"), JsonNode.class), "version");
    }

    @Test
    void records_an_administrative_stay_and_lists_it() {
        ResponseEntity<JsonNode> response = record(Map.of("kind", "ADMINISTRATIVE", "from", "2019-06-01",
                "until", "2019-09-01", "reference", "I-246 granted by the field office director"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = response.getBody().path("id").asLong();
        assertThat(response.getHeaders().getLocation()).hasToString("/api/stays/" + id);
        assertThat(http.getForObject("/api/cases/991000003/stays", JsonNode.class).findValuesAsText("kind"))
                .containsExactly("ADMINISTRATIVE");
        assertThat(jdbc.sql("select count(*) from case_event where kind = 'STAY_RECORDED' and idncase = 1003")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_stay_ending_before_it_starts_is_a_400_naming_until() {
        Problems.assertBadInput(record(Map.of("kind", "JUDICIAL", "from", "2019-06-01", "until", "2019-05-01",
                "reference", "5th Cir. order")), "until");
    }

    @Test
    void an_unknown_kind_is_a_400_naming_kind() {
        Problems.assertBadInput(record(Map.of("kind", "INFORMAL", "from", "2019-06-01", "reference", "x")), "kind");
    }

    @Test
    void a_stay_without_a_reference_is_a_400() {
        Problems.assertBadInput(record(Map.of("kind", "JUDICIAL", "from", "2019-06-01")), "reference");
    }

    @Test
    void an_unknown_person_is_a_404() {
        ResponseEntity<JsonNode> response = http.postForEntity("/api/cases/999999999/stays",
                Map.of("kind", "JUDICIAL", "from", "2019-06-01", "reference", "x", "version", 0), JsonNode.class);

        Problems.assertNotFound(response, "999999999");
    }
}
