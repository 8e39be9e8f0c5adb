package org.caseops.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.Problems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Check-in at the office (POST /api/check-ins, by the reference or its QR code's text), no-shows
 * (POST /api/appointments/{id}/no-show) and letters not answered by their deadline
 * (POST /api/letters/{reference}/did-not-report). The Houston docket once; each test a freshly printed letter for Ana
 * and Sofia Lopez, report by 2019-06-10, and Houston's desk receiving 2 people at 9:00.
 */
@CaseOpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostCheckInTest {

    static final String REF = PostAppointmentTest.REF;

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

    @BeforeEach
    void letter() {
        try (Database.Owner owner = Database.owner(jdbc)) {
            owner.jdbc().sql("truncate letter_batch, appointment_slot, report_capacity, call_in_response"
                    + " restart identity cascade").update();
        }
        api.as("supervisor").postForEntity("/api/letter-batches", Map.of("fieldOffice", "HOU",
                "printDate", "2019-05-20", "reportBy", "2019-06-10"), JsonNode.class);
        PostAppointmentTest.hours(api.as("supervisor"), List.of(Map.of("hour", 9, "capacity", 2)));
    }

    private static ResponseEntity<JsonNode> checkIn(TestRestTemplate as, String reference, String on) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("reference", reference);
        body.put("on", on);
        return as.postForEntity("/api/check-ins", body, JsonNode.class);
    }

    private long followUps() {
        return jdbc.sql("select count(*) from task where type = 'CALL_IN_FOLLOW_UP' and title like ?")
                .param("%" + REF + "%").query(Long.class).single();
    }

    private String outcome() {
        return jdbc.sql("select coalesce(outcome, '-') from letter where reference = ?").param(REF)
                .query(String.class).single();
    }

    @Test
    void checking_in_on_the_booked_day_by_the_qr_text_records_reported_for_each_member_with_the_days_verdict() {
        long id = PostAppointmentTest.book(api.as("officer"), "2019-05-28", 9).getBody().path("id").asLong();

        ResponseEntity<JsonNode> in = checkIn(api.as("officer"), " " + REF.toLowerCase() + " ", "2019-05-28");

        assertThat(in.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(in.getBody().path("appointment").path("id").asLong()).isEqualTo(id);
        assertThat(in.getBody().path("appointment").path("status").asText()).isEqualTo("CHECKED_IN");
        assertThat(in.getBody().path("members")).hasSize(2);
        assertThat(in.getBody().path("members").get(0).path("verdictThatDay").asText()).isEqualTo("EXECUTABLE");
        assertThat(jdbc.sql("select count(*) from call_in_response where kind = 'REPORTED' and on_date ="
                + " '2019-05-28'").query(Long.class).single()).as("Ana and Sofia").isEqualTo(2L);
        assertThat(outcome()).isEqualTo("REPORTED");
        assertThat(checkIn(api.as("officer"), REF, "2019-05-29").getStatusCode()).as("reported once")
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(jdbc.sql("select count(*) from call_in_response").query(Long.class).single()).isEqualTo(2L);
    }

    @Test
    void a_walk_in_is_received_whatever_the_bookings_and_its_booking_of_another_day_gives_its_place_back() {
        PostAppointmentTest.book(api.as("officer"), "2019-05-29", 9);
        jdbc.sql("update letter set eoir_language = 'QUI', interpreter = true where reference = ?").param(REF)
                .update();

        ResponseEntity<JsonNode> in = checkIn(api.as("officer"), REF, "2019-05-28");

        assertThat(in.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(in.getBody().path("appointment").path("kind").asText()).isEqualTo("WALK_IN");
        assertThat(in.getBody().path("appointment").path("interpreter").asBoolean()).isTrue();
        assertThat(in.getBody().path("appointment").path("eoirLanguage").asText()).isEqualTo("QUI");
        assertThat(in.getBody().path("interpreterLanguage").asText()).contains("QUI");
        assertThat(jdbc.sql("select status from appointment where day = '2019-05-29'").query(String.class).single())
                .isEqualTo("RESCHEDULED");
        assertThat(jdbc.sql("select booked from appointment_slot where day = '2019-05-29'").query(Integer.class)
                .single()).isZero();
    }

    @Test
    void a_no_show_is_recorded_once_and_opens_exactly_one_follow_up_task_never_a_target() {
        JsonNode booked = PostAppointmentTest.book(api.as("officer"), "2019-05-28", 9).getBody();
        String url = "/api/appointments/" + booked.path("id").asLong() + "/no-show";

        ResponseEntity<JsonNode> missed = api.as("officer").postForEntity(url, Map.of("version", 0), JsonNode.class);

        assertThat(missed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(missed.getBody().path("status").asText()).isEqualTo("NO_SHOW");
        assertThat(api.as("officer").postForEntity(url, Map.of("version", 1), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(followUps()).isEqualTo(1L);
        assertThat(jdbc.sql("select title from task where type = 'CALL_IN_FOLLOW_UP'").query(String.class).list())
                .allMatch(t -> t.contains("not a referral for arrest"));
        Problems.assertBadInput(api.as("officer").postForEntity(url, Map.of(), JsonNode.class), "version");
        assertThat(outcome()).as("a no-show is not the letter's outcome").isEqualTo("-");
    }

    @Test
    void did_not_report_after_the_deadline_is_recorded_once_with_one_task_and_a_late_check_in_still_counts() {
        String url = "/api/letters/" + REF + "/did-not-report";
        Problems.assertBadInput(api.as("officer").postForEntity(url, Map.of("on", "2019-06-10"), JsonNode.class),
                "on");
        long before = followUps();

        assertThat(api.as("officer").postForEntity(url, Map.of("on", "2019-06-11"), JsonNode.class).getBody()
                .path("outcome").asText()).isEqualTo("DID_NOT_REPORT");
        assertThat(api.as("officer").postForEntity(url, Map.of("on", "2019-06-12"), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(followUps()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select count(*) from case_event where kind = 'CALL_IN_DID_NOT_REPORT'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2L);

        assertThat(checkIn(api.as("officer"), REF, "2019-06-14").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(outcome()).isEqualTo("REPORTED");
    }

    @Test
    void what_has_not_happened_by_the_working_date_is_refused_though_the_machine_date_is_later() {
        long id = PostAppointmentTest.book(api.as("officer"), "2019-05-28", 9).getBody().path("id").asLong();
        org.caseops.fixtures.FormSession officer = org.caseops.fixtures.FormSession.signIn(environment, "officer");
        officer.postForm("/working-date", Map.of("asOf", "2019-05-27", "back", "/"));

        java.net.http.HttpResponse<String> in = officer.postJson("/api/check-ins",
                "{\"reference\":\"" + REF + "\",\"on\":\"2019-05-28\"}");
        assertThat(in.statusCode()).isEqualTo(400);
        assertThat(in.body()).contains("\"field\":\"on\"", "the working date 2019-05-27");
        java.net.http.HttpResponse<String> noShow = officer.postJson("/api/appointments/" + id + "/no-show",
                "{\"version\":0}");
        assertThat(noShow.statusCode()).as(noShow.body()).isEqualTo(409);
        assertThat(noShow.body()).contains("once the day is over (the working date is 2019-05-27)");
        officer.postForm("/working-date", Map.of("asOf", "2019-06-10", "back", "/"));
        java.net.http.HttpResponse<String> missed = officer.postJson("/api/letters/" + REF + "/did-not-report",
                "{\"on\":\"2019-06-11\"}");
        assertThat(missed.statusCode()).isEqualTo(400);
        assertThat(missed.body()).contains("\"field\":\"on\"", "the working date 2019-06-10");
        assertThat(outcome()).isEqualTo("-");
        assertThat(jdbc.sql("select status from appointment where id = ?").param(id).query(String.class).single())
                .isEqualTo("BOOKED");

        // on the booked day, as of a working date that has reached it (the follow-ups of a no-show and a missed
        // deadline, allowed as of a later working date, are the other tests' with the machine's date)
        officer.postForm("/working-date", Map.of("asOf", "2019-05-28", "back", "/"));
        java.net.http.HttpResponse<String> checkedIn = officer.postJson("/api/check-ins",
                "{\"reference\":\"" + REF + "\",\"on\":\"2019-05-28\"}");
        assertThat(checkedIn.statusCode()).as(checkedIn.body()).isEqualTo(200);
        assertThat(outcome()).isEqualTo("REPORTED");
    }

    @Test
    void bad_input_names_the_field_and_other_offices_and_roles_are_refused() {
        Problems.assertBadInput(checkIn(api.as("officer"), null, "2019-05-28"), "reference");
        Problems.assertBadInput(checkIn(api.as("officer"), REF, null), "on");
        Problems.assertBadInput(checkIn(api.as("officer"), REF, "2019-05-20"), "on");
        Problems.assertBadInput(checkIn(api.as("officer"), REF, "2999-01-04"), "on");
        Problems.assertNotFound(checkIn(api.as("officer"), "CL-HOU-20190520-999999", "2019-05-28"), "no letter");
        assertThat(checkIn(api.as("officer.chicago"), REF, "2019-05-28").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        for (String user : new String[] {"attorney", "auditor", "admin", "partner"}) {
            assertThat(checkIn(api.as(user), REF, "2019-05-28").getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(outcome()).isEqualTo("-");
        assertThat(jdbc.sql("select count(*) from call_in_response").query(Long.class).single()).isZero();
    }
}
