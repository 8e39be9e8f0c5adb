package org.caseops.legal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

/** POST /api/cases/{aNumber}/protections/{id}/end: ending is a conditional update; a second end is a 409. */
@CaseOpsTest
class PostProtectionEndTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    long id;

    @BeforeEach
    void docketWithAProtection() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        id = http.postForEntity("/api/cases/991000001/protections", Map.of("kind", "CRIMINAL_SENTENCE", "from",
                "2019-01-01", "evidence", "Harris County judgment 2019-CR-0001 (synthetic)"), JsonNode.class)
                .getBody().path("id").asLong();
    }

    private ResponseEntity<JsonNode> end(Map<String, Object> body) {
        return http.postForEntity("/api/cases/991000001/protections/" + id + "/end", body, JsonNode.class);
    }

    @Test
    void ends_the_protection_from_that_day() {
        ResponseEntity<JsonNode> response = end(Map.of("endedOn", "2019-06-20", "reason", "released to ICE custody"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("endedOn").asText()).isEqualTo("2019-06-20");
        assertThat(http.getForObject("/api/cases/991000001/executability?asOf=2019-06-19", JsonNode.class)
                .path("verdict").asText()).isEqualTo("NOT_EXECUTABLE");
        assertThat(http.getForObject("/api/cases/991000001/executability?asOf=2019-06-20", JsonNode.class)
                .path("verdict").asText()).isEqualTo("EXECUTABLE");
    }

    @Test
    void a_second_end_is_a_409_naming_the_first() {
        end(Map.of("endedOn", "2019-06-20", "reason", "released"));
        ResponseEntity<JsonNode> again = end(Map.of("endedOn", "2019-06-21", "reason", "again"));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().path("detail").asText()).contains("already ended on 2019-06-20");
    }

    @Test
    void many_ends_at_once_end_it_once_with_one_event_and_one_audit_entry() throws Exception {
        long auditBefore = jdbc.sql("select count(*) from audit_entry where action = 'PROTECTION_ENDED'")
                .query(Long.class).single();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(() -> end(Map.of("endedOn", "2019-06-20", "reason", "concurrent end")).getStatusCode().value());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from case_event where idncase = 1001 and kind = 'PROTECTION_ENDED'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'PROTECTION_ENDED'").query(Long.class)
                .single()).isEqualTo(auditBefore + 1);
    }

    @Test
    void ending_without_a_reason_is_a_400() {
        Problems.assertBadInput(end(Map.of("endedOn", "2019-06-20")), "reason");
    }

    @Test
    void ending_before_it_started_is_a_400() {
        Problems.assertBadInput(end(Map.of("endedOn", "2018-06-20", "reason", "x")), "endedOn");
    }

    @Test
    void a_protection_of_another_case_is_a_404() {
        Problems.assertNotFound(http.postForEntity("/api/cases/991000003/protections/" + id + "/end",
                Map.of("reason", "x"), JsonNode.class), String.valueOf(id));
    }
}
