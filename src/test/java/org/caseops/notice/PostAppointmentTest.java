package org.caseops.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Report hours and booking: PUT /api/field-offices/{code}/report-hours, POST /api/letters/{reference}/appointments,
 * POST /api/appointments/{id}/reschedule, GET /api/field-offices/{code}/appointments. The Houston docket is imported
 * once; each test starts from a freshly printed letter (Ana and Sofia Lopez, CL-HOU-20190520-000001, report by
 * 2019-06-10) and Houston's desk receiving 2 people at 9:00 and 1 at 10:00.
 */
@CaseOpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostAppointmentTest {

    static final String REF = "CL-HOU-20190520-000001";

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    @BeforeEach
    void letter() {
        try (Database.Owner owner = Database.owner(jdbc)) {
            owner.jdbc().sql("truncate letter_batch, appointment_slot, report_capacity restart identity cascade")
                    .update();
        }
        assertThat(api.as("supervisor").postForEntity("/api/letter-batches", Map.of("fieldOffice", "HOU",
                "printDate", "2019-05-20", "reportBy", "2019-06-10"), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(hours(api.as("supervisor"), List.of(Map.of("hour", 9, "capacity", 2),
                Map.of("hour", 10, "capacity", 1))).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    static ResponseEntity<JsonNode> hours(TestRestTemplate as, Object hours) {
        return as.exchange("/api/field-offices/HOU/report-hours", HttpMethod.PUT,
                new HttpEntity<>(Map.of("hours", hours)), JsonNode.class);
    }

    static ResponseEntity<JsonNode> book(TestRestTemplate as, String day, Integer hour) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("day", day);
        body.put("hour", hour);
        return as.postForEntity("/api/letters/" + REF + "/appointments", body, JsonNode.class);
    }

    /** A second letter for Houston's slots: a copy of the first for another family id, as a new print would make. */
    private String anotherLetter(int n) {
        String ref = "CL-HOU-20190520-00000" + n;
        jdbc.sql("""
                insert into letter (reference, batch_id, family_id, field_office_code, print_date, report_by,
                    eoir_language, template_language, interpreter, addressee, mailing_address, in_absentia)
                select ?, batch_id, family_id + ?, field_office_code, print_date, report_by, eoir_language,
                    template_language, interpreter, addressee, mailing_address, in_absentia
                from letter where reference = ?""").params(ref, n, REF).update();
        jdbc.sql("insert into letter_member (letter_id, person_id, idncase) select (select id from letter where"
                + " reference = ?), person_id, idncase from letter_member where letter_id = (select id from letter"
                + " where reference = ?)").params(ref, REF).update();
        return ref;
    }

    @Test
    void books_a_working_day_hour_against_its_capacity_and_writes_the_timeline_and_audit() {
        long events = jdbc.sql("select count(*) from case_event where kind = 'APPOINTMENT_BOOKED'").query(Long.class)
                .single();
        ResponseEntity<JsonNode> booked = book(api.as("officer"), "2019-05-28", 9);

        assertThat(booked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(booked.getBody().path("status").asText()).isEqualTo("BOOKED");
        assertThat(booked.getBody().path("reference").asText()).isEqualTo(REF);
        assertThat(booked.getBody().path("hour").asInt()).isEqualTo(9);
        assertThat(jdbc.sql("select count(*) from case_event where kind = 'APPOINTMENT_BOOKED'").query(Long.class)
                .single()).as("Ana and Sofia").isEqualTo(events + 2);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'APPOINTMENT_BOOKED'")
                .query(Long.class).single()).isPositive();
        JsonNode day = api.as("officer").getForEntity("/api/field-offices/HOU/appointments?day=2019-05-28",
                JsonNode.class).getBody();
        assertThat(day.path("workingDay").asBoolean()).isTrue();
        assertThat(day.path("slots").get(0).path("booked").asInt()).isEqualTo(1);
        assertThat(day.path("slots").get(0).path("capacity").asInt()).isEqualTo(2);
        assertThat(day.path("appointments")).hasSize(1);
    }

    @Test
    void a_full_hour_is_a_409_and_a_second_open_booking_of_the_same_letter_too() {
        assertThat(book(api.as("officer"), "2019-05-28", 10).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(book(api.as("officer"), "2019-05-29", 9).getStatusCode()).as("already booked")
                .isEqualTo(HttpStatus.CONFLICT);
        String other = anotherLetter(2);

        ResponseEntity<JsonNode> full = api.as("officer").postForEntity("/api/letters/" + other + "/appointments",
                Map.of("day", "2019-05-28", "hour", 10), JsonNode.class);

        assertThat(full.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(full.getBody().path("detail").asText()).contains("full");
        assertThat(jdbc.sql("select booked from appointment_slot where day = '2019-05-28' and hour = 10")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(api.as("officer").postForEntity("/api/letters/" + other + "/appointments",
                Map.of("day", "2019-05-28", "hour", 9), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void weekends_federal_holidays_closed_hours_and_days_outside_the_letter_are_400_naming_the_field() {
        TestRestTemplate officer = api.as("officer");
        Problems.assertBadInput(book(officer, "2019-05-25", 9), "day");
        Problems.assertBadInput(book(officer, "2019-05-27", 9), "day"); // Memorial Day
        Problems.assertBadInput(book(officer, "2019-05-20", 9), "day"); // the print date
        Problems.assertBadInput(book(officer, "2019-07-15", 9), "day"); // 35 days after the deadline
        Problems.assertBadInput(book(officer, null, 9), "day");
        Problems.assertBadInput(book(officer, "2019-05-28", 7), "hour");
        Problems.assertBadInput(book(officer, "2019-05-28", null), "hour");
        Problems.assertBadInput(book(officer, "2019-05-28", 24), "hour");
        Problems.assertBadInput(hours(api.as("supervisor"), List.of(Map.of("hour", 25, "capacity", 1))), "hours");
        Problems.assertBadInput(hours(api.as("supervisor"), List.of(Map.of("hour", 9, "capacity", -1))), "hours");
        Problems.assertBadInput(hours(api.as("supervisor"), List.of()), "hours");
        assertThat(jdbc.sql("select count(*) from appointment").query(Long.class).single()).isZero();
    }

    @Test
    void rescheduling_gives_the_place_back_moves_the_booking_and_a_stale_version_is_a_409() {
        long first = book(api.as("officer"), "2019-05-28", 10).getBody().path("id").asLong();
        TestRestTemplate officer = api.as("officer");

        ResponseEntity<JsonNode> moved = officer.postForEntity("/api/appointments/" + first + "/reschedule",
                Map.of("day", "2019-05-29", "hour", 9, "version", 0), JsonNode.class);

        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(moved.getBody().path("day").asText()).isEqualTo("2019-05-29");
        JsonNode old = officer.getForEntity("/api/appointments/" + first, JsonNode.class).getBody();
        assertThat(old.path("status").asText()).isEqualTo("RESCHEDULED");
        assertThat(old.path("rescheduledTo").asLong()).isEqualTo(moved.getBody().path("id").asLong());
        assertThat(jdbc.sql("select booked from appointment_slot where day = '2019-05-28' and hour = 10")
                .query(Integer.class).single()).isZero();
        assertThat(officer.postForEntity("/api/appointments/" + first + "/reschedule",
                Map.of("day", "2019-05-30", "hour", 9, "version", 0), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        Problems.assertBadInput(officer.postForEntity("/api/appointments/" + moved.getBody().path("id").asLong()
                + "/reschedule", Map.of("day", "2019-05-30", "hour", 9), JsonNode.class), "version");
    }

    @Test
    void another_offices_officer_sees_no_letter_roles_without_casework_are_refused_and_only_supervisors_set_hours() {
        assertThat(book(api.as("officer.chicago"), "2019-05-28", 9).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        for (String user : new String[] {"attorney", "auditor", "admin", "partner"}) {
            assertThat(book(api.as(user), "2019-05-28", 9).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(book(api.anonymous(), "2019-05-28", 9).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(hours(api.as("officer"), List.of(Map.of("hour", 9, "capacity", 50))).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("supervisor").exchange("/api/field-offices/CHI/report-hours", HttpMethod.PUT,
                new HttpEntity<>(Map.of("hours", List.of(Map.of("hour", 9, "capacity", 5)))), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Problems.assertNotFound(api.as("officer").postForEntity("/api/letters/CL-HOU-20190520-999999/appointments",
                Map.of("day", "2019-05-28", "hour", 9), JsonNode.class), "no letter");
    }

    @Test
    void the_application_role_cannot_overbook_a_slot_open_two_bookings_for_a_letter_or_delete_an_appointment() {
        long id = book(api.as("officer"), "2019-05-28", 10).getBody().path("id").asLong();

        assertThatThrownBy(() -> jdbc.sql("update appointment_slot set booked = booked + 1 where day = '2019-05-28'"
                + " and hour = 10").update()).as("capacity 1").rootCause().hasMessageContaining("check");
        assertThatThrownBy(() -> jdbc.sql("""
                insert into appointment (letter_id, field_office_code, day, hour, kind, interpreter, status, booked_by)
                select letter_id, field_office_code, day + 1, 9, 'BOOKED', false, 'BOOKED', 'x'
                from appointment where id = ?""").param(id).update()).rootCause()
                .hasMessageContaining("appointment_one_open_per_letter");
        assertThatThrownBy(() -> jdbc.sql("delete from appointment").update()).rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("update letter set outcome = 'REPORTED' where reference = ?").param(REF)
                .update()).as("an outcome has its date").rootCause().hasMessageContaining("letter_outcome_dated");
    }
}
