package org.caseops.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** POST /api/people/{aNumber}/call-in-responses. */
@CaseOpsTest
class PostCallInResponseTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.core.env.Environment environment;

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    private static ResponseEntity<JsonNode> post(TestRestTemplate as, String aNumber, Map<String, Object> body) {
        return as.postForEntity("/api/people/" + aNumber + "/call-in-responses", body, JsonNode.class);
    }

    private long responses() {
        return jdbc.sql("select count(*) from call_in_response").query(Long.class).single();
    }

    @Test
    void records_a_report_and_writes_it_on_the_persons_timeline_and_in_the_audit_trail() {
        ResponseEntity<JsonNode> response = post(http, "A-991-000-001",
                Map.of("kind", "REPORTED", "onDate", "2019-06-20", "note", "Came to the Houston office with Sofia"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getHeaders().getLocation()).hasPath("/api/people/991000001/call-in-responses");
        JsonNode body = response.getBody();
        assertThat(body.path("aNumber").asText()).isEqualTo("991000001");
        assertThat(body.path("kind").asText()).isEqualTo("REPORTED");
        assertThat(body.path("onDate").asText()).isEqualTo("2019-06-20");
        assertThat(body.path("note").asText()).isEqualTo("Came to the Houston office with Sofia");
        assertThat(body.path("recordedBy").asText()).isEqualTo("attorney");
        var event = jdbc.sql("select kind, idncase, family_id, summary, after ->> 'on_date' as on_date from case_event"
                + " where kind like 'CALL_IN_%'").query().singleRow();
        assertThat(event.get("kind")).isEqualTo("CALL_IN_REPORTED");
        assertThat(event.get("idncase")).isEqualTo(1001L);
        assertThat(event.get("family_id")).isEqualTo(1001L);
        assertThat((String) event.get("summary")).contains("2019-06-20").contains("with Sofia");
        assertThat(event.get("on_date")).isEqualTo("2019-06-20");
        assertThat(http.getForObject("/api/people/991000001/timeline", JsonNode.class).findValuesAsText("kind"))
                .contains("CALL_IN_REPORTED");
        assertThat(jdbc.sql("select actor || ' ' || subject_type || ' ' || subject_id || ' ' || detail from audit_entry"
                + " where action = 'CALL_IN_RESPONSE_RECORDED' order by seq desc limit 1").query(String.class).single())
                .startsWith("attorney PERSON 991000001 REPORTED on 2019-06-20");
    }

    @Test
    void an_officer_of_the_familys_field_office_records_a_departure() {
        ResponseEntity<JsonNode> response = post(api.as("officer"), "991000003",
                Map.of("kind", "DEPARTED", "onDate", "2019-06-18"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().path("recordedBy").asText()).isEqualTo("officer");
        assertThat(response.getBody().path("note").isNull()).isTrue();
        assertThat(jdbc.sql("select idncase from case_event where kind = 'CALL_IN_DEPARTED'").query(Long.class).single())
                .isEqualTo(1003L);
    }

    @Test
    void an_officer_of_another_field_office_is_refused_with_a_404_and_nothing_is_recorded() {
        ResponseEntity<JsonNode> response = post(api.as("officer.chicago"), "991000001",
                Map.of("kind", "REPORTED", "onDate", "2019-06-20"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(responses()).isZero();
        assertThat(jdbc.sql("select count(*) from case_event where kind like 'CALL_IN_%'").query(Long.class).single())
                .isZero();
    }

    @Test
    void roles_without_casework_are_refused_with_a_403() {
        for (String user : new String[] {"auditor", "admin", "partner"}) {
            assertThat(post(api.as(user), "991000001", Map.of("kind", "REPORTED", "onDate", "2019-06-20"))
                    .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(responses()).isZero();
    }

    @Test
    void a_request_without_sign_in_is_a_401() {
        assertThat(post(api.anonymous(), "991000001", Map.of("kind", "REPORTED", "onDate", "2019-06-20"))
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(responses()).isZero();
    }

    @Test
    void a_missing_kind_or_date_is_a_400_naming_the_field() {
        Problems.assertBadInput(post(http, "991000001", Map.of("onDate", "2019-06-20")), "kind");
        Problems.assertBadInput(post(http, "991000001", Map.of("kind", "REPORTED")), "onDate");
        assertThat(responses()).isZero();
    }

    @Test
    void an_unknown_kind_a_bad_or_future_date_is_a_400_naming_the_field() {
        Problems.assertBadInput(post(http, "991000001", Map.of("kind", "ABSCONDED", "onDate", "2019-06-20")),
                "kind");
        Problems.assertBadInput(post(http, "991000001", Map.of("kind", "REPORTED", "onDate", "20 June")), "onDate");
        Problems.assertBadInput(post(http, "991000001", Map.of("kind", "REPORTED", "onDate",
                java.time.LocalDate.now().plusDays(2).toString())), "onDate");
        assertThat(responses()).isZero();
    }

    @Test
    void a_malformed_a_number_is_a_400_and_an_unknown_person_a_404() {
        Problems.assertBadInput(post(http, "12", Map.of("kind", "REPORTED", "onDate", "2019-06-20")), "aNumber");
        Problems.assertNotFound(post(http, "999999999", Map.of("kind", "REPORTED", "onDate", "2019-06-20")),
                "999999999");
    }

    @Test
    void a_response_after_the_working_date_has_not_happened_yet_though_the_machine_date_is_later() {
        org.caseops.fixtures.FormSession officer = org.caseops.fixtures.FormSession.signIn(environment, "officer");
        officer.postForm("/working-date", Map.of("asOf", "2019-06-20", "back", "/"));

        java.net.http.HttpResponse<String> later = officer.postJson("/api/people/991000001/call-in-responses",
                "{\"kind\":\"REPORTED\",\"onDate\":\"2019-06-21\"}");
        assertThat(later.statusCode()).isEqualTo(400);
        assertThat(later.body()).contains("\"field\":\"onDate\"", "the working date 2019-06-20");
        assertThat(responses()).isZero();
        assertThat(officer.postJson("/api/people/991000001/call-in-responses",
                "{\"kind\":\"REPORTED\",\"onDate\":\"2019-06-20\"}").statusCode()).isEqualTo(201);
        assertThat(responses()).isEqualTo(1);
    }
}
