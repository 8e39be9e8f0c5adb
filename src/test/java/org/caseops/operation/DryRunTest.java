package org.caseops.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.operation.OperationsApi.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code POST /api/operations/{id}/dry-run}: a clean plan has no conflict; each kind of conflict seeded after planning
 * is found on its day — an appeal filed, a motion pending, a care arrangement missing, a protected-area approval
 * missing, a staging site overloaded, a person held too long.
 */
@CaseOpsTest
class DryRunTest {

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    OperationsApi ops;
    long id;
    String path;

    @BeforeEach
    void plannedOperation() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        ops = new OperationsApi(api);
        id = ops.houstonOperation();
        path = "/api/operations/" + id;
        ok(ops.post("supervisor", path + "/targets", Map.of("familyId", 1001)), HttpStatus.CREATED);
        JsonNode plan = ok(ops.post("supervisor", path + "/plan", Map.of("seconds", 2)), HttpStatus.OK);
        assertThat(plan.path("feasible").asBoolean()).as(plan.toString()).isTrue();
    }

    private JsonNode dryRun() {
        return ok(ops.post("supervisor", path + "/dry-run", Map.of()), HttpStatus.OK);
    }

    private static List<String> kinds(JsonNode report) {
        List<String> kinds = new ArrayList<>();
        report.path("conflicts").forEach(c -> kinds.add(c.path("kind").asText()));
        return kinds;
    }

    private void careForTheCitizenChild() {
        long mateo = jdbc.sql("select id from person where given_name = 'Mateo'").query(Long.class).single();
        ok(ops.post("supervisor", path + "/care-arrangements", Map.of("personId", mateo, "kind", "OTHER_PARENT",
                "caregiverName", "Father (synthetic)")), HttpStatus.CREATED);
    }

    @Test
    void a_plan_with_care_arranged_and_nothing_changed_has_no_conflict() {
        careForTheCitizenChild();

        JsonNode report = dryRun();

        assertThat(report.path("conflicts").size()).as(report.toString()).isZero();
        assertThat(report.path("visits").asInt()).isEqualTo(1);
        assertThat(report.path("days").size()).isEqualTo(3);
    }

    @Test
    void finds_the_citizen_child_without_a_care_arrangement() {
        JsonNode report = dryRun();

        assertThat(kinds(report)).containsExactly("CARE_ARRANGEMENT_MISSING");
        assertThat(report.path("conflicts").get(0).path("detail").asText()).contains("minor");
    }

    @Test
    void finds_an_order_no_longer_executable_after_an_appeal_is_filed_and_a_motion_is_pending() throws Exception {
        careForTheCitizenChild();
        EoirFiles later = EoirFiles.houstonFamilies();
        later.appeal(8101, 1001, 5001, "2019-06-20", "");
        later.motion(7101, 5002, 1002, "2019-06-21", "");
        Dockets.importedAgain(later, importer);

        JsonNode report = dryRun();

        assertThat(kinds(report)).containsOnly("ORDER_NOT_EXECUTABLE").hasSize(2);
        assertThat(report.path("conflicts").findValuesAsText("detail"))
                .anySatisfy(d -> assertThat(d).contains("991000001"))
                .anySatisfy(d -> assertThat(d).contains("991000002"));
    }

    @Test
    void finds_a_protected_area_approval_missing_under_the_policy_of_the_day() {
        careForTheCitizenChild();
        ok(ops.post("officer", "/api/people/991000001/protected-area-flags", Map.of("kind", "SCHOOL",
                "distanceMeters", 120, "description", "elementary school across the street")), HttpStatus.CREATED);

        JsonNode report = dryRun();

        assertThat(kinds(report)).containsExactly("PROTECTED_AREA_APPROVAL_MISSING");
        String day = report.path("conflicts").get(0).path("day").asText();
        ok(ops.post("supervisor", path + "/protected-area-approvals", Map.of("familyId", 1001, "day", day,
                "justification", "no alternative address; early morning, before school opens")), HttpStatus.CREATED);
        assertThat(kinds(dryRun())).isEmpty();
    }

    @Test
    void finds_a_family_that_reported_as_its_call_in_letter_asked_and_refuses_to_add_it_again() {
        careForTheCitizenChild();
        for (String a : new String[] {"991000001", "991000002"}) {
            ok(api.as("officer").postForEntity("/api/people/" + a + "/call-in-responses", Map.of("kind", "REPORTED",
                    "onDate", "2019-06-21", "note", "reported at the field office"), JsonNode.class),
                    HttpStatus.CREATED);
        }

        assertThat(kinds(dryRun())).containsOnly("COMPLIED_WITH_CALL_IN");
        long other = ops.houstonOperation();
        assertThat(ops.post("supervisor", "/api/operations/" + other + "/targets", Map.of("familyId", 1001))
                .getBody().path("detail").asText()).contains("complied with the call-in letter");
    }

    @Test
    void finds_a_staging_site_overloaded_and_a_person_held_too_long() {
        careForTheCitizenChild();
        jdbc.sql("update staging_site set capacity_people = 1, max_hours = 1 where operation_id = ?").param(id)
                .update();

        JsonNode report = dryRun();

        assertThat(kinds(report)).contains("STAGING_OVERLOAD", "HELD_TOO_LONG");
        assertThat(report.path("byKind").path("STAGING_OVERLOAD").asInt()).isPositive();
    }
}
