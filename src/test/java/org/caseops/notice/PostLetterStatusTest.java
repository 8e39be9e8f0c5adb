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

/** POST /api/letters/{reference}/status: sent, delivered, returned, by conditional updates. */
@CaseOpsTest
class PostLetterStatusTest {

    private static final String REF = "CL-HOU-20190520-000001";

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
    void letter() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        assertThat(api.as("supervisor").postForEntity("/api/letter-batches", Map.of("fieldOffice", "HOU",
                "printDate", "2019-05-20", "reportBy", "2019-06-10"), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    private static ResponseEntity<JsonNode> status(TestRestTemplate as, String status, String on, int version) {
        return as.postForEntity("/api/letters/" + REF + "/status",
                Map.of("status", status, "on", on, "version", version), JsonNode.class);
    }

    private long statusAudits() {
        return jdbc.sql("select count(*) from audit_entry where action in ('CALL_IN_LETTER_SENT',"
                + " 'CALL_IN_LETTER_DELIVERED')").query(Long.class).single();
    }

    private String statusNow() {
        return jdbc.sql("select status from letter where reference = ?").param(REF).query(String.class).single();
    }

    @Test
    void sent_then_delivered_each_write_the_members_timelines_and_the_audit_trail() {
        TestRestTemplate officer = api.as("officer");
        long audited = statusAudits();
        ResponseEntity<JsonNode> sent = status(officer, "SENT", "2019-05-21", 0);
        assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(sent.getBody().path("version").asInt()).isEqualTo(1);

        ResponseEntity<JsonNode> delivered = status(officer, "DELIVERED", "2019-05-24", 1);

        assertThat(delivered.getBody().path("status").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.getBody().path("statusOn").asText()).isEqualTo("2019-05-24");
        assertThat(jdbc.sql("select count(*) from case_event where kind = 'CALL_IN_LETTER_DELIVERED'")
                .query(Long.class).single()).as("Ana and Sofia").isEqualTo(2L);
        assertThat(statusAudits()).isEqualTo(audited + 2);
    }

    @Test
    void a_stale_version_or_a_repeated_or_skipped_transition_is_a_409_and_changes_nothing() {
        TestRestTemplate officer = api.as("officer");
        assertThat(status(officer, "DELIVERED", "2019-05-21", 0).getStatusCode()).as("not sent yet")
                .isEqualTo(HttpStatus.CONFLICT);
        status(officer, "SENT", "2019-05-21", 0);
        assertThat(status(officer, "SENT", "2019-05-21", 1).getStatusCode()).as("sent twice")
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(status(officer, "DELIVERED", "2019-05-24", 0).getStatusCode()).as("stale version")
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(statusNow()).isEqualTo("SENT");
        status(officer, "DELIVERED", "2019-05-24", 1);
        assertThat(status(officer, "RETURNED", "2019-05-25", 2).getStatusCode()).as("delivered is final")
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(statusNow()).isEqualTo("DELIVERED");
    }

    @Test
    void a_returned_letter_opens_one_task_to_verify_the_address() {
        TestRestTemplate officer = api.as("officer");
        status(officer, "SENT", "2019-05-21", 0);

        assertThat(status(officer, "RETURNED", "2019-05-28", 1).getStatusCode()).isEqualTo(HttpStatus.OK);

        var task = jdbc.sql("select type, field_office_code, subject_type, subject_id, title from task"
                + " where type = 'ADDRESS_VERIFICATION'")
                .query().singleRow();
        assertThat(task.get("type")).isEqualTo("ADDRESS_VERIFICATION");
        assertThat(task.get("field_office_code")).isEqualTo("HOU");
        assertThat(task.get("subject_type")).isEqualTo("FAMILY");
        assertThat(task.get("subject_id")).isEqualTo("1001");
        assertThat((String) task.get("title")).contains(REF).contains("lawful channels");
    }

    @Test
    void bad_input_is_a_400_naming_the_field_and_an_unknown_letter_a_404() {
        TestRestTemplate officer = api.as("officer");
        Problems.assertBadInput(officer.postForEntity("/api/letters/" + REF + "/status",
                Map.of("on", "2019-05-21", "version", 0), JsonNode.class), "status");
        Problems.assertBadInput(officer.postForEntity("/api/letters/" + REF + "/status",
                Map.of("status", "SENT", "version", 0), JsonNode.class), "on");
        Problems.assertBadInput(status(officer, "SENT", "2019-05-01", 0), "on");
        Problems.assertBadInput(officer.postForEntity("/api/letters/" + REF + "/status",
                Map.of("status", "SENT", "on", "2019-05-21"), JsonNode.class), "version");
        Problems.assertNotFound(officer.postForEntity("/api/letters/CL-HOU-20190520-999999/status",
                Map.of("status", "SENT", "on", "2019-05-21", "version", 0), JsonNode.class), "no letter");
        assertThat(statusNow()).isEqualTo("PRINTED");
    }

    @Test
    void another_field_offices_officer_cannot_see_or_change_the_letter_and_roles_without_casework_are_refused() {
        assertThat(status(api.as("officer.chicago"), "SENT", "2019-05-21", 0).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as("officer.chicago").getForEntity("/api/letters/" + REF, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        for (String user : new String[] {"attorney", "auditor", "admin", "partner"}) {
            assertThat(status(api.as(user), "SENT", "2019-05-21", 0).getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(status(api.anonymous(), "SENT", "2019-05-21", 0).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(statusNow()).isEqualTo("PRINTED");
    }

    @Test
    void a_status_dated_after_the_working_date_is_refused_though_the_machine_date_is_later() {
        org.caseops.fixtures.FormSession officer = org.caseops.fixtures.FormSession.signIn(environment, "officer");
        officer.postForm("/working-date", Map.of("asOf", "2019-05-21", "back", "/"));

        java.net.http.HttpResponse<String> later = officer.postJson("/api/letters/" + REF + "/status",
                "{\"status\":\"SENT\",\"on\":\"2019-05-22\",\"version\":0}");
        assertThat(later.statusCode()).isEqualTo(400);
        assertThat(later.body()).contains("\"field\":\"on\"", "the working date 2019-05-21");
        assertThat(statusNow()).isEqualTo("PRINTED");
        assertThat(officer.postJson("/api/letters/" + REF + "/status",
                "{\"status\":\"SENT\",\"on\":\"2019-05-21\",\"version\":0}").statusCode()).isEqualTo(200);
        assertThat(statusNow()).isEqualTo("SENT");
    }
}
