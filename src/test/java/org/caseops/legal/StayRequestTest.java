package org.caseops.legal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.Problems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stay requests (I-246) as a workflow: received at the office with a task for the director, decided by the director
 * alone, a grant recorded as the stay the gate reads. Ana Lopez (A 991000001) of the Houston docket, imported once.
 */
@CaseOpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StayRequestTest {

    static final String PATH = "/api/cases/991000001/stay-requests";

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.core.env.Environment environment;

    @BeforeAll
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    private static Map<String, Object> request() {
        Map<String, Object> body = new HashMap<>();
        body.put("receivedOn", "2019-06-03");
        body.put("requester", "counsel of record (synthetic)");
        body.put("requesterKind", "COUNSEL");
        body.put("grounds", "a U-visa petition is pending; the daughter's medical treatment");
        body.put("documents", List.of("Form I-246", "I-918 receipt notice", "medical letter"));
        return body;
    }

    private String verdict(String asOf) {
        return api.as("attorney").getForObject("/api/cases/991000001/executability?asOf=" + asOf, JsonNode.class)
                .path("verdict").asText();
    }

    @Test
    void a_request_goes_to_the_director_whose_grant_feeds_the_gate_and_closes_the_task() {
        assertThat(verdict("2019-07-01")).isEqualTo("EXECUTABLE");
        ResponseEntity<JsonNode> received = api.as("officer").postForEntity(PATH, request(), JsonNode.class);

        assertThat(received.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode r = received.getBody();
        assertThat(r.path("status").asText()).isEqualTo("PENDING");
        assertThat(r.path("documents")).hasSize(3);
        long id = r.path("id").asLong();
        long task = r.path("taskId").asLong();
        assertThat(jdbc.sql("select type from task where id = ?").param(task).query(String.class).single())
                .isEqualTo("STAY_DECISION");
        assertThat(api.as("officer").postForEntity(PATH, request(), JsonNode.class).getStatusCode())
                .as("one pending per case").isEqualTo(HttpStatus.CONFLICT);
        // the director's home says it waits, and links to the case's stay requests, where the decision form is
        String home = org.caseops.fixtures.FormSession.signIn(environment, "director").get("/").body();
        assertThat(home).contains("stay requests to decide", "Stay request " + id + " for 991000001",
                "href=\"/cases/991000001/stay-requests\"");

        Map<String, Object> grant = Map.of("decision", "GRANTED", "on", "2019-06-10", "reason",
                "humanitarian: the child's treatment ends in September", "until", "2019-09-30", "version", 0);
        assertThat(api.as("supervisor").postForEntity(PATH + "/" + id + "/decision", grant, JsonNode.class)
                .getStatusCode()).as("the director decides").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> decided = api.as("director").postForEntity(PATH + "/" + id + "/decision", grant,
                JsonNode.class);

        assertThat(decided.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(decided.getBody().path("status").asText()).isEqualTo("GRANTED");
        assertThat(decided.getBody().path("stayId").isNumber()).isTrue();
        assertThat(verdict("2019-07-01")).isEqualTo("NOT_EXECUTABLE");
        assertThat(verdict("2019-10-01")).isEqualTo("EXECUTABLE");
        assertThat(jdbc.sql("select status from task where id = ?").param(task).query(String.class).single())
                .isEqualTo("COMPLETED");
        assertThat(api.as("director").postForEntity(PATH + "/" + id + "/decision", grant, JsonNode.class)
                .getStatusCode()).as("decided once").isEqualTo(HttpStatus.CONFLICT);
        assertThat(org.caseops.fixtures.FormSession.signIn(environment, "director").get("/").body())
                .doesNotContain("Stay request " + id + " for");
        assertThat(jdbc.sql("select count(*) from case_event where kind in ('STAY_REQUESTED', 'STAY_REQUEST_GRANTED',"
                + " 'STAY_RECORDED') and idncase = 1001").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void bad_input_names_the_field() {
        Map<String, Object> noGrounds = request();
        noGrounds.remove("grounds");
        Problems.assertBadInput(api.as("officer").postForEntity("/api/cases/991000002/stay-requests", noGrounds,
                JsonNode.class), "grounds");
        Map<String, Object> noKind = request();
        noKind.remove("requesterKind");
        Problems.assertBadInput(api.as("officer").postForEntity("/api/cases/991000002/stay-requests", noKind,
                JsonNode.class), "requesterKind");
        long id = api.as("officer").postForEntity("/api/cases/991000002/stay-requests", request(), JsonNode.class)
                .getBody().path("id").asLong();
        Problems.assertBadInput(api.as("director").postForEntity("/api/cases/991000002/stay-requests/" + id
                + "/decision", Map.of("decision", "DENIED", "on", "2019-06-10", "reason", "no grounds shown",
                "until", "2019-09-30", "version", 0), JsonNode.class), "until");
        assertThat(api.as("director").postForEntity("/api/cases/991000002/stay-requests/" + id + "/decision",
                Map.of("decision", "DENIED", "on", "2019-06-10", "reason", "no grounds shown", "version", 0),
                JsonNode.class).getBody().path("status").asText()).isEqualTo("DENIED");
    }
}
