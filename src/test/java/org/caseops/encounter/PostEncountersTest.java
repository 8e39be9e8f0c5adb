package org.caseops.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.LegalVersions;
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

/**
 * {@code POST /api/encounters} on a launched Houston operation targeting family 1001: Ana (A 991000001) and her
 * daughter Sofia (A 991000002) are targets; her son Mateo, a U.S. citizen, is not.
 */
@CaseOpsTest
class PostEncountersTest {

    static final String AT = "2019-06-24T12:00:00Z";

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    TestRestTemplate officer;
    long operation;
    long ana;
    long sofia;
    long mateo;

    @BeforeEach
    void launchedOperation() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        ana = id("Ana");
        sofia = id("Sofia");
        mateo = id("Mateo");
        operation = new LaunchedOperation(api).houstonFamily1001(mateo);
        officer = api.as("officer");
    }

    private long id(String given) {
        return jdbc.sql("select id from person where given_name = ?").param(given).query(Long.class).single();
    }

    private ResponseEntity<JsonNode> visit(List<Map<String, Object>> people) {
        return visit(AT, people);
    }

    private ResponseEntity<JsonNode> visit(String at, List<Map<String, Object>> people) {
        Map<String, Object> body = new HashMap<>();
        body.put("operationId", operation);
        body.put("familyId", 1001);
        body.put("occurredAt", at);
        body.put("place", "address of record (synthetic)");
        body.put("custodySite", "Houston field office");
        body.put("people", people);
        return officer.postForEntity("/api/encounters", body, JsonNode.class);
    }

    private static Map<String, Object> screening(List<Map<String, Object>> children) {
        return Map.of("minorChildren", !children.isEmpty(), "otherDependants", false, "soleCaregiver", true,
                "pregnantOrNursing", false, "children", children);
    }

    @Test
    void a_mother_and_daughter_arrested_with_her_son_at_day_care_leave_a_caregiver_record_and_a_child_welfare_task() {
        ResponseEntity<JsonNode> response = visit(List.of(
                Map.of("aNumber", "991000001", "kind", "TARGET", "outcome", "ARRESTED", "screening", screening(List.of(
                        Map.of("personId", sofia, "name", "Sofia", "age", 6, "location", "PRESENT"),
                        Map.of("personId", mateo, "name", "Mateo", "age", 2, "location", "DAY_CARE",
                                "caregiverName", "Day-care director (synthetic)")))),
                Map.of("aNumber", "991000002", "kind", "TARGET", "outcome", "ARRESTED")));

        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().findValuesAsText("closed")).containsOnly("true");
        assertThat(jdbc.sql("select state from custody_status where person_id in (?, ?)").params(ana, sofia)
                .query(String.class).list()).containsOnly("IN_CUSTODY");
        assertThat(jdbc.sql("select caregiver_name from minor_caregiver where person_id = ? and ended_at is null")
                .param(mateo).query(String.class).single()).isEqualTo("Day-care director (synthetic)");
        // Mateo, a U.S. citizen, has no A-number: the task is about his family (its lead case) and names him
        var task = jdbc.sql("select type, due_at, field_office_code from task where type = 'CHILD_WELFARE_CHECK' "
                + "and subject_type = 'FAMILY' and subject_id = '1001' and title like 'Confirm Mateo %' "
                + "and operation_id = ?").params(operation).query().singleRow();
        assertThat(task.get("field_office_code")).isEqualTo("HOU");
        assertThat(((java.sql.Timestamp) task.get("due_at")).toInstant())
                .isEqualTo(Instant.parse(AT).plusSeconds(4 * 3600));
    }

    @Test
    void a_child_welfare_task_is_about_the_childs_a_number_never_an_internal_person_id() {
        ResponseEntity<JsonNode> response = visit(List.of(
                Map.of("aNumber", "991000001", "kind", "TARGET", "outcome", "ARRESTED", "screening", screening(List.of(
                        Map.of("personId", sofia, "name", "Sofia", "age", 6, "location", "SCHOOL",
                                "caregiverName", "School principal (synthetic)"),
                        Map.of("personId", mateo, "name", "Mateo", "age", 2, "location", "DAY_CARE",
                                "caregiverName", "Day-care director (synthetic)"))))));
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);

        var subjects = jdbc.sql("select subject_type || ' ' || subject_id from task where type = 'CHILD_WELFARE_CHECK' "
                + "and operation_id = ? order by subject_type").param(operation).query(String.class).list();
        assertThat(subjects).containsExactly("FAMILY 1001", "PERSON 991000002")
                .doesNotContain("PERSON " + sofia, "PERSON " + mateo);
    }

    @Test
    void an_arrest_at_the_door_is_on_the_timeline_with_its_own_time_in_the_ledger_and_in_the_audit_trail_once() {
        long auditedBefore = jdbc.sql("select count(*) from audit_entry where action = 'CUSTODY_TAKEN' "
                + "and subject_type = 'FAMILY' and subject_id = '1001'").query(Long.class).single();

        ResponseEntity<JsonNode> response = visit(List.of(
                Map.of("aNumber", "991000001", "kind", "TARGET", "outcome", "ARRESTED", "screening", screening(List.of(
                        Map.of("personId", sofia, "name", "Sofia", "age", 6, "location", "PRESENT"),
                        Map.of("personId", mateo, "name", "Mateo", "age", 2, "location", "DAY_CARE",
                                "caregiverName", "Day-care director (synthetic)")))),
                Map.of("aNumber", "991000002", "kind", "TARGET", "outcome", "ARRESTED")));
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);

        JsonNode timeline = officer.getForObject("/api/people/991000001/timeline", JsonNode.class);
        List<JsonNode> taken = new java.util.ArrayList<>();
        timeline.forEach(e -> {
            if (e.path("kind").asText().equals("CUSTODY_TAKEN")) {
                taken.add(e);
            }
        });
        assertThat(taken).singleElement().satisfies(e -> {
            assertThat(Instant.parse(e.path("occurredAt").asText())).isEqualTo(Instant.parse(AT));
            assertThat(e.path("personId").asLong()).isEqualTo(ana);
        });
        assertThat(jdbc.sql("select to_state || ' ' || occurred_at from custody_event where person_id = ?").param(ana)
                .query(String.class).list()).singleElement().asString().startsWith("IN_CUSTODY 2019-06-24 12:00:00");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'CUSTODY_TAKEN' and subject_type = "
                + "'FAMILY' and subject_id = '1001'").query(Long.class).single()).isEqualTo(auditedBefore + 1);
    }

    @Test
    void arresting_a_us_citizen_child_without_an_a_number_is_refused_with_the_reason_and_audited() {
        long refusedBefore = jdbc.sql("select count(*) from audit_entry where action = 'ENCOUNTER_REFUSED'")
                .query(Long.class).single();

        ResponseEntity<JsonNode> refused = visit(List.of(Map.of("personId", mateo, "kind", "COLLATERAL",
                "outcome", "ARRESTED", "legalBasisKind", "FINAL_ORDER", "legalBasis", "the mother's order")));

        assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().path("detail").asText()).contains("U.S. citizen");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ENCOUNTER_REFUSED'")
                .query(Long.class).single()).isEqualTo(refusedBefore + 1);
        assertThat(jdbc.sql("select count(*) from encounter where operation_id = ?").param(operation)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from custody_status").query(Long.class).single()).isZero();
    }

    @Test
    void an_adult_encounter_does_not_close_without_the_parental_screening() {
        ResponseEntity<JsonNode> response = visit(List.of(Map.of("aNumber", "991000001", "kind", "TARGET",
                "outcome", "NOT_PRESENT")));
        long id = response.getBody().get(0).path("encounterId").asLong();
        assertThat(response.getBody().get(0).path("closed").asBoolean()).isFalse();

        assertThat(officer.postForEntity("/api/encounters/" + id + "/close", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        JsonNode closed = officer.postForEntity("/api/encounters/" + id + "/close", screening(List.of()),
                JsonNode.class).getBody();

        assertThat(closed.path("closedAt").isNull()).isFalse();
        assertThat(closed.path("screening").path("sole_caregiver").asBoolean()).isTrue();
    }

    @Test
    void a_person_whose_order_is_no_longer_executable_cannot_be_recorded_as_arrested_on_it() {
        api.as("attorney").postForEntity("/api/cases/991000001/holds", LegalVersions.with(Map.of("reason",
                "T visa filed",
                "placedOn", "2019-06-24"), LegalVersions.holds(api.as("attorney"), "991000001")), JsonNode.class);

        ResponseEntity<JsonNode> refused = visit(List.of(Map.of("aNumber", "991000001", "kind", "TARGET",
                "outcome", "ARRESTED", "screening", screening(List.of()))));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().path("detail").asText()).contains("NOT_EXECUTABLE");
        assertThat(jdbc.sql("select count(*) from encounter where operation_id = ?").param(operation)
                .query(Long.class).single()).isZero();
    }

    /**
     * A stay in force through 2019-06-23: at 03:00 UTC on the 24th it is still the 23rd from Hawaii to the West Coast
     * (19:00 in Houston's neighbour Los Angeles, 22:00 in Houston), so the order is not executable everywhere yet and
     * nobody is recorded as arrested on it (the day taken in UTC alone said the 24th); at 12:00 UTC it is the 24th
     * from Hawaii to Guam, and the arrest is recorded (LegalDays, docs/legal-rules.md "Which day an instant is").
     */
    @Test
    void an_arrest_waits_until_the_stays_last_day_has_ended_everywhere_in_the_united_states() {
        ResponseEntity<JsonNode> stay = api.as("attorney").postForEntity("/api/cases/991000001/stays",
                LegalVersions.with(Map.of("kind", "ADMINISTRATIVE", "from", "2019-06-01", "until", "2019-06-23",
                        "reference", "I-246 (synthetic)"), LegalVersions.stays(api.as("attorney"), "991000001")),
                JsonNode.class);
        assertThat(stay.getStatusCode()).as(String.valueOf(stay.getBody())).isEqualTo(HttpStatus.CREATED);
        List<Map<String, Object>> ana = List.of(Map.of("aNumber", "991000001", "kind", "TARGET",
                "outcome", "ARRESTED", "screening", screening(List.of(
                        Map.of("personId", sofia, "name", "Sofia", "age", 6, "location", "SCHOOL",
                                "caregiverName", "School principal (synthetic)"),
                        Map.of("personId", mateo, "name", "Mateo", "age", 2, "location", "DAY_CARE",
                                "caregiverName", "Day-care director (synthetic)")))));

        ResponseEntity<JsonNode> evening = visit("2019-06-24T03:00:00Z", ana);

        assertThat(evening.getStatusCode()).as(String.valueOf(evening.getBody())).isEqualTo(HttpStatus.CONFLICT);
        assertThat(evening.getBody().path("detail").asText()).contains("991000001", "NOT_EXECUTABLE on 2019-06-23",
                "(2019-06-23/2019-06-24)", "not recorded as arrested");
        assertThat(jdbc.sql("select count(*) from encounter where operation_id = ?").param(operation)
                .query(Long.class).single()).isZero();

        ResponseEntity<JsonNode> morning = visit("2019-06-24T12:00:00Z", ana);

        assertThat(morning.getStatusCode()).as(String.valueOf(morning.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.sql("select state from custody_status where person_id = ?").param(this.ana)
                .query(String.class).single()).isEqualTo("IN_CUSTODY");
    }

    @Test
    void an_encounter_dated_in_the_future_is_a_400_naming_occurred_at_and_nothing_is_written() {
        Problems.assertBadInput(visit(Instant.now().plusSeconds(3600).toString(), List.of(Map.of("aNumber",
                "991000001", "kind", "TARGET", "outcome", "NOT_PRESENT"))), "occurredAt");
        assertThat(jdbc.sql("select count(*) from encounter where operation_id = ?").param(operation)
                .query(Long.class).single()).isZero();
    }

    @Test
    void a_collateral_encounter_needs_its_own_legal_basis_and_gets_a_supervisors_review_task() {
        Problems.assertBadInput(visit(List.of(Map.of("describedAs", "adult man at the door (synthetic)",
                "kind", "COLLATERAL", "outcome", "ENROLLED_ATD"))), "legalBasis");

        ResponseEntity<JsonNode> recorded = visit(List.of(Map.of("describedAs", "adult man at the door (synthetic)",
                "kind", "COLLATERAL", "outcome", "ENROLLED_ATD", "legalBasisKind", "OTHER_AUTHORITY",
                "legalBasis", "INA 287(a)(2): reason to believe, flight risk", "screening", screening(List.of()))));

        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long encounter = recorded.getBody().get(0).path("encounterId").asLong();
        assertThat(jdbc.sql("select assignee_team from task where type = 'COLLATERAL_REVIEW' and subject_id = ? "
                + "and operation_id = ?").params(String.valueOf(encounter), operation).query(String.class).single())
                .isEqualTo("HOU");
    }

    @Test
    void someone_who_is_not_a_target_of_the_operation_is_recorded_only_as_collateral() {
        ResponseEntity<JsonNode> refused = visit(List.of(Map.of("aNumber", "991000003", "kind", "TARGET",
                "outcome", "NOT_PRESENT")));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().path("detail").asText()).contains("COLLATERAL");
    }
}
