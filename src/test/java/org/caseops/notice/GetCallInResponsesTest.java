package org.caseops.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** GET /api/people/{aNumber}/call-in-responses. */
@CaseOpsTest
class GetCallInResponsesTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CallInResponses responses;

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    private static ResponseEntity<JsonNode> get(TestRestTemplate as, String aNumber) {
        return as.getForEntity("/api/people/" + aNumber + "/call-in-responses", JsonNode.class);
    }

    @Test
    void lists_a_persons_responses_in_the_order_they_happened() {
        responses.record("991000002", CallInResponses.Kind.DEPARTED, LocalDate.of(2019, 7, 1), null, "officer");
        responses.record("991000002", CallInResponses.Kind.REPORTED, LocalDate.of(2019, 6, 20), "with her mother",
                "officer");

        ResponseEntity<JsonNode> response = get(http, "991000002");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().findValuesAsText("kind")).containsExactly("REPORTED", "DEPARTED");
        assertThat(response.getBody().findValuesAsText("onDate")).containsExactly("2019-06-20", "2019-07-01");
        assertThat(response.getBody().get(0).path("note").asText()).isEqualTo("with her mother");
        assertThat(response.getBody().get(0).path("recordedBy").asText()).isEqualTo("officer");
        assertThat(get(http, "991000001").getBody()).as("each person's own").isEmpty();
    }

    @Test
    void an_officer_reads_them_in_their_own_field_office_and_the_read_is_audited() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Request-Id", "req-call-in-1");

        ResponseEntity<JsonNode> response = api.as("officer", null).exchange(
                "/api/people/991000003/call-in-responses", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.sql("select action || ' ' || subject_type || ' ' || subject_id from audit_entry"
                + " where request_id = 'req-call-in-1'").query(String.class).list())
                .containsExactly("CALL_IN_RESPONSES_READ PERSON 991000003");
    }

    @Test
    void an_officer_of_another_field_office_is_refused_with_a_404_as_if_there_were_no_such_record() {
        assertThat(get(api.as("officer.chicago"), "991000001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void roles_without_casework_are_refused_with_a_403() {
        for (String user : new String[] {"auditor", "admin", "partner"}) {
            assertThat(get(api.as(user), "991000001").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void a_request_without_sign_in_is_a_401() {
        assertThat(get(api.anonymous(), "991000001").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_malformed_a_number_is_a_400_and_an_unknown_person_a_404() {
        Problems.assertBadInput(get(http, "12"), "aNumber");
        Problems.assertNotFound(get(http, "999999999"), "999999999");
    }
}
