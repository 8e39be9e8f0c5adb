package org.caseops.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.operation.OperationsApi.ok;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An operation from draft to approval on the Houston families: targets judged member by member, refusals audited,
 * the plan, counsel's review, care arrangements before approval, need-to-know.
 */
@CaseOpsTest
class OperationLifecycleTest {

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    OperationsApi ops;

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        ops = new OperationsApi(api);
    }

    private long personId(String aNumberOrName) {
        return jdbc.sql("select id from person where a_number = ? or given_name = ?")
                .params(aNumberOrName, aNumberOrName).query(Long.class).single();
    }

    private List<String> auditActions(String action) {
        return jdbc.sql("select detail from audit_entry where action = ? order by seq").param(action)
                .query(String.class).list();
    }

    @Test
    void a_unit_is_a_target_for_its_executable_members_and_a_citizen_child_is_never_one() {
        long id = ops.houstonOperation();

        JsonNode unit = ok(ops.post("supervisor", "/api/operations/" + id + "/targets", Map.of("familyId", 1001)),
                HttpStatus.CREATED);

        assertThat(unit.path("status").asText()).isEqualTo("TARGET");
        assertThat(unit.path("members").findValuesAsText("standing"))
                .containsExactlyInAnyOrder("TARGET", "TARGET", "NOT_A_TARGET");
        JsonNode mateo = member(unit, personId("Mateo"));
        assertThat(mateo.path("standing").asText()).isEqualTo("NOT_A_TARGET");
        assertThat(mateo.path("reasons").toString()).contains("US_CITIZEN");
        assertThat(member(unit, personId("991000001")).path("executableDays").size()).isEqualTo(3);
    }

    @Test
    void naming_a_citizen_child_as_a_target_is_refused_and_the_refusal_audited() {
        long id = ops.houstonOperation();

        ResponseEntity<JsonNode> refused = ops.post("supervisor", "/api/operations/" + id + "/targets",
                Map.of("familyId", 1001, "memberIds", List.of(personId("991000001"), personId("Mateo"))));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().path("detail").asText()).contains("US_CITIZEN");
        assertThat(auditActions("OPERATION_TARGET_REFUSED")).anySatisfy(d -> assertThat(d).contains("US_CITIZEN"));
        assertThat(jdbc.sql("select count(*) from operation_target where operation_id = ?").param(id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void a_child_is_never_a_target_without_a_parent_taken() {
        ok(api.as("attorney").postForEntity("/api/cases/991000001/holds", LegalVersions.with(Map.of("reason",
                "U visa petition pending", "placedOn", "2019-06-01"), LegalVersions.holds(api.as("attorney"),
                        "991000001")), JsonNode.class), HttpStatus.CREATED);
        long id = ops.houstonOperation();

        ResponseEntity<JsonNode> refused = ops.post("supervisor", "/api/operations/" + id + "/targets",
                Map.of("familyId", 1001, "memberIds", List.of(personId("991000002"))));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().path("detail").asText()).contains("MINOR_WITHOUT_A_PARENT_TAKEN");
    }

    @Test
    void a_unit_whose_only_member_is_not_executable_is_refused_and_audited() {
        long id = ops.houstonOperation();

        ResponseEntity<JsonNode> refused = ops.post("supervisor", "/api/operations/" + id + "/targets",
                Map.of("familyId", 1003));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(auditActions("OPERATION_TARGET_REFUSED")).anySatisfy(d -> assertThat(d)
                .contains("no member of family 1003 is executable"));
    }

    @Test
    void approval_needs_counsel_a_feasible_plan_and_a_care_arrangement_for_everyone_not_taken() {
        long id = ops.houstonOperation();
        String path = "/api/operations/" + id;
        ok(ops.post("supervisor", path + "/targets", Map.of("familyId", 1001)), HttpStatus.CREATED);
        JsonNode plan = ok(ops.post("supervisor", path + "/plan", Map.of("seconds", 3)), HttpStatus.OK);
        assertThat(plan.path("feasible").asBoolean()).as(plan.toString()).isTrue();
        assertThat(plan.path("visits").asInt()).isEqualTo(1);
        ok(ops.post("supervisor", path + "/submit", Map.of()), HttpStatus.OK);

        assertThat(ops.post("director", path + "/approve", Map.of()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ok(ops.post("attorney", path + "/legal-review/clear", Map.of("reason", "orders final, no stays")),
                HttpStatus.OK);
        ResponseEntity<JsonNode> withoutCare = ops.post("director", path + "/approve", Map.of());
        assertThat(withoutCare.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(withoutCare.getBody().path("detail").asText()).contains("care arrangement");

        Problems.assertBadInput(ops.post("supervisor", path + "/care-arrangements",
                Map.of("personId", personId("Mateo"), "kind", "SELF")), "kind");
        ok(ops.post("supervisor", path + "/care-arrangements", Map.of("personId", personId("Mateo"),
                "kind", "RELATIVE", "caregiverName", "Aunt (synthetic)", "relationship", "aunt")), HttpStatus.CREATED);
        JsonNode approved = ok(ops.post("director", path + "/approve", Map.of()), HttpStatus.OK);

        assertThat(approved.path("operation").path("state").asText()).isEqualTo("APPROVED");
        assertThat(approved.path("operation").path("approvedBy").asText()).isEqualTo("director");
        assertThat(ops.get("supervisor", path + "/events").findValuesAsText("kind")).containsSubsequence("CREATED",
                "TARGET_ADDED", "PLANNED", "SUBMITTED_FOR_LEGAL_REVIEW", "LEGAL_REVIEW_CLEARED",
                "CARE_ARRANGEMENT_RECORDED", "APPROVED");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'OPERATION_APPROVED' and subject_id = ?")
                .param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void only_the_roster_counsel_and_the_director_see_targets_before_launch() {
        long id = ops.houstonOperation();
        String path = "/api/operations/" + id;
        ok(ops.post("supervisor", path + "/targets", Map.of("familyId", 1001)), HttpStatus.CREATED);

        assertThat(api.as("officer").getForEntity(path + "/targets", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("officer").getForEntity(path, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.as("officer.chicago").getForEntity(path, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("director").getForEntity(path + "/targets", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        ok(ops.post("supervisor", path + "/roster", Map.of("username", "officer", "duty", "OFFICER")), HttpStatus.OK);

        assertThat(api.as("officer").getForEntity(path + "/targets", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'OPERATION_TARGETS_READ' "
                + "and actor = 'officer'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_transition_the_table_does_not_allow_is_a_409_and_changes_nothing() {
        long id = ops.houstonOperation();

        ResponseEntity<JsonNode> launch = ops.post("supervisor", "/api/operations/" + id + "/launch", Map.of());

        assertThat(launch.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(ops.get("supervisor", "/api/operations/" + id).path("operation").path("state").asText())
                .isEqualTo("DRAFT");
    }

    @Test
    void a_bad_window_is_a_400_naming_the_field() {
        Problems.assertBadInput(ops.post("supervisor", "/api/operations", Map.of("name", "x", "fieldOffices",
                List.of("HOU"), "windowStart", "2019-06-25", "windowEnd", "2019-06-23")), "windowEnd");
        Problems.assertBadInput(ops.post("supervisor", "/api/operations", Map.of("name", "x", "fieldOffices",
                List.of("XXX"), "windowStart", "2019-06-23", "windowEnd", "2019-06-25")), "fieldOffices");
    }

    private static JsonNode member(JsonNode unit, long personId) {
        for (JsonNode m : unit.path("members")) {
            if (m.path("personId").asLong() == personId) {
                return m;
            }
        }
        throw new AssertionError("no member " + personId + " in " + unit);
    }
}
