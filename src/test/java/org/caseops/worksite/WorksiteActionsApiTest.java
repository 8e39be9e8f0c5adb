package org.caseops.worksite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.worksite.WorksiteApi.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
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
 * A worksite action through the API (issue 17): the operation's chain with its dry run, nobody detained before launch,
 * the gate's verdict giving the authority, humanitarian screening before any outcome, a child-welfare task per child
 * named, sole caregivers and the second parent of a child never transferred, and the report by site. Houston, in a
 * fiscal year far ahead (2044) where no other class nominates.
 */
@CaseOpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorksiteActionsApiTest {

    static final String DAY = "2044-02-10";

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DocketImporter importer;
    WorksiteApi worksite;
    long[] sites = new long[2];
    long launched;

    @BeforeAll
    void twoNominatedSitesAndALaunchedAction() throws Exception {
        Dockets.importedAgain(EoirFiles.houstonFamilies(), importer);
        worksite = new WorksiteApi(api);
        for (int i = 0; i < sites.length; i++) {
            sites[i] = worksite.siteOf(worksite.employer("supervisor", "HOU", "Action Plant " + i + " (synthetic)", 80));
            long nomination = ok(worksite.post("supervisor", "/api/nominations", Map.of("siteId", sites[i],
                    "caseType", "WORKSITE_ACTION", "basis", "criminal referral: a hiring scheme under investigation",
                    "period", DAY)), HttpStatus.CREATED).path("id").asLong();
            ok(worksite.post("director", "/api/nominations/" + nomination + "/approve", Map.of()), HttpStatus.OK);
        }
        launched = draft();
        prepareAll(launched);
        ok(post("supervisor", launched, "submit", Map.of()), HttpStatus.OK);
        ok(post("attorney", launched, "clear", Map.of("note", "warrants reviewed")), HttpStatus.OK);
        ok(post("director", launched, "approve", Map.of()), HttpStatus.OK);
        ok(post("supervisor", launched, "launch", Map.of()), HttpStatus.OK);
    }

    private long draft() {
        return ok(worksite.post("supervisor", "/api/worksite-actions", Map.of("name", "Test action",
                "actionDate", DAY, "siteIds", List.of(sites[0], sites[1]))), HttpStatus.CREATED)
                .path("action").path("id").asLong();
    }

    private void prepareAll(long id) {
        String at = Instant.now().minus(Duration.ofHours(2)).toString();
        ok(post("supervisor", id, "preparations", Map.of("prosecutionCommitment", "USAO SDTX, synthetic ref 1",
                "socialServices", "county child protective services", "socialServicesNotifiedAt", at,
                "schools", "the town's school district", "schoolsNotifiedAt", at, "interpreters", 3,
                "interpreterLanguages", "Spanish, Mam", "medicalStaff", 2)), HttpStatus.OK);
    }

    private static void conflict(ResponseEntity<JsonNode> response, String text) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().path("detail").asText()).contains(text);
    }

    private ResponseEntity<JsonNode> post(String user, long action, String step, Object body) {
        return worksite.post(user, "/api/worksite-actions/" + action + "/" + step, body);
    }

    private long detain(String aNumber, String family) {
        Map<String, Object> body = new HashMap<>(Map.of("siteId", sites[0], "familyName", family,
                "givenName", "Test", "birthMonth", "1990-04"));
        if (aNumber != null) {
            body.put("aNumber", aNumber);
        }
        return ok(worksite.post("officer", "/api/worksite-actions/" + launched + "/detainees", body),
                HttpStatus.CREATED).path("id").asLong();
    }

    private ResponseEntity<JsonNode> screen(long detainee, boolean sole, List<Map<String, Object>> children) {
        return worksite.post("officer", "/api/worksite-detainees/" + detainee + "/screening", Map.of(
                "interpreterLanguage", "Mam", "minor", false, "soleCaregiver", sole, "pregnantOrNursing", false,
                "citizenshipClaim", false, "children", children));
    }

    private ResponseEntity<JsonNode> decide(long detainee, String outcome) {
        return worksite.post("supervisor", "/api/worksite-detainees/" + detainee + "/outcome", Map.of(
                "outcome", outcome, "reason", "per the screening"));
    }

    @Test
    void the_chain_refuses_each_step_out_of_order_and_the_dry_run_names_what_is_missing() {
        long id = draft();
        JsonNode fresh = ok(worksite.get("supervisor", "/api/worksite-actions/" + id), HttpStatus.OK);
        assertThat(fresh.path("readiness").findValuesAsText("code")).containsExactly("NO_PROSECUTION_COMMITMENT",
                "SOCIAL_SERVICES_NOT_NOTIFIED", "SCHOOLS_NOT_NOTIFIED", "NO_INTERPRETERS", "NO_MEDICAL_STAFF");
        conflict(post("supervisor", id, "launch", Map.of()), "is DRAFT");
        assertThat(post("supervisor", id, "approve", Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ok(post("supervisor", id, "submit", Map.of()), HttpStatus.OK);
        conflict(post("director", id, "approve", Map.of()), "counsel has not");
        assertThat(post("supervisor", id, "clear", Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ok(post("attorney", id, "clear", Map.of()), HttpStatus.OK);
        conflict(post("director", id, "approve", Map.of()), "commitment to prosecute the employer");
        // nobody is detained before launch
        conflict(worksite.post("officer", "/api/worksite-actions/" + id + "/detainees", Map.of(
                "siteId", sites[0], "familyName", "Early", "givenName", "Test")), "before it is launched");
        Problems.assertBadInput(post("supervisor", id, "preparations", Map.of("schools", "district",
                "schoolsNotifiedAt", Instant.now().plus(Duration.ofDays(1)).toString())), "schoolsNotifiedAt");
        prepareAll(id);
        ok(post("director", id, "approve", Map.of()), HttpStatus.OK);
        JsonNode active = ok(post("supervisor", id, "launch", Map.of()), HttpStatus.OK);
        assertThat(active.path("action").path("state").asText()).isEqualTo("ACTIVE");
        assertThat(active.path("readiness").size()).isZero();
        List<String> kinds = ok(worksite.get("auditor", "/api/worksite-actions/" + id + "/events"), HttpStatus.OK)
                .findValuesAsText("kind");
        assertThat(kinds).containsExactly("DRAFTED", "SUBMITTED_FOR_LEGAL_REVIEW", "LEGAL_REVIEW_CLEARED",
                "PREPARED", "APPROVED", "LAUNCHED");
    }

    @Test
    void a_site_without_an_approved_worksite_action_nomination_is_refused_once_the_policy_is_in_force() {
        long bare = worksite.siteOf(worksite.employer("supervisor", "HOU", "Unnominated Plant (synthetic)", 20));
        Problems.assertBadInput(worksite.post("supervisor", "/api/worksite-actions", Map.of("name", "No basis",
                "actionDate", DAY, "siteIds", List.of(bare))), "siteIds");
    }

    @Test
    void the_authority_follows_the_gates_verdict_on_the_action_date_and_a_worker_without_a_case_is_other_authority() {
        JsonNode withCase = ok(worksite.get("officer", "/api/worksite-detainees/" + detain("991000001", "Lopez")),
                HttpStatus.OK);
        String verdict = api.as("officer").getForObject("/api/cases/991000001/executability?asOf=" + DAY,
                JsonNode.class).path("verdict").asText();
        assertThat(withCase.path("gateVerdict").asText()).isEqualTo(verdict);
        assertThat(withCase.path("authority").asText()).isEqualTo(verdict.equals("EXECUTABLE") ? "FINAL_ORDER"
                : "OTHER_AUTHORITY");
        JsonNode without = ok(worksite.get("officer", "/api/worksite-detainees/" + detain(null, "Nocase")),
                HttpStatus.OK);
        assertThat(without.path("gateVerdict").asText()).isEqualTo("NO_CASE");
        assertThat(without.path("authority").asText()).isEqualTo("OTHER_AUTHORITY");
        assertThat(without.path("authorityBasis").asText()).contains("never as an executable order");
    }

    @Test
    void nobody_has_an_outcome_unscreened_a_sole_caregiver_is_never_transferred_and_each_child_has_a_welfare_task() {
        long sole = detain(null, "Solo");
        conflict(decide(sole, "TRANSFERRED"), "not screened");
        Problems.assertBadInput(screen(sole, true, List.of()), "children");
        JsonNode screened = ok(screen(sole, true, List.of(Map.of("name", "Kid Solo", "age", 7,
                "location", "SCHOOL"))), HttpStatus.OK);
        conflict(screen(sole, false, List.of()), "screened by");
        long child = screened.path("childIds").get(0).asLong();
        Map<String, Object> task = jdbc.sql("""
                select t.type, t.field_office_code, t.due_at > now() + interval '3 hours' as soon,
                       t.due_at < now() + interval '5 hours' as within_hours
                from worksite_child c join task t on t.id = c.welfare_task_id where c.id = ?""").param(child)
                .query().singleRow();
        assertThat(task).containsEntry("type", "CHILD_WELFARE_CHECK").containsEntry("field_office_code", "HOU")
                .containsEntry("soon", true).containsEntry("within_hours", true);
        conflict(decide(sole, "TRANSFERRED"), "sole caregiver");
        assertThat(decide(sole, "RELEASED_HUMANITARIAN").getStatusCode()).isEqualTo(HttpStatus.OK);
        conflict(decide(sole, "RELEASED_OTHER"), "already");
        assertThat(worksite.post("officer", "/api/worksite-detainees/" + sole + "/outcome", Map.of("outcome",
                "RELEASED_OTHER", "reason", "x")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void of_two_parents_of_a_child_one_may_be_transferred_and_the_other_is_released() {
        long first = detain(null, "Parent");
        long second = detain(null, "Parent");
        long child = ok(screen(first, false, List.of(Map.of("name", "Kid Parent", "age", 4, "location",
                "CHILDCARE"))), HttpStatus.OK).path("childIds").get(0).asLong();
        ok(screen(second, false, List.of(Map.of("childId", child))), HttpStatus.OK);
        JsonNode listed = ok(worksite.get("supervisor", "/api/worksite-actions/" + launched + "/detainees"),
                HttpStatus.OK);
        assertThat(listed.path("recommendations").path(String.valueOf(first)).path("reasons").toString())
                .contains("both parents of a child are detained");
        ok(decide(first, "TRANSFERRED"), HttpStatus.OK);
        conflict(decide(second, "TRANSFERRED"), "other parent");
        ok(decide(second, "RELEASED_HUMANITARIAN"), HttpStatus.OK);
        assertThat(jdbc.sql("select count(*) from worksite_child where id = ?").param(child).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void the_report_counts_by_site_from_the_record_and_closing_waits_for_every_outcome() {
        long a = detain(null, "Counted");
        ok(screen(a, false, List.of()), HttpStatus.OK);
        conflict(post("supervisor", launched, "close", Map.of()), "without an outcome");
        ok(decide(a, "RELEASED_OTHER"), HttpStatus.OK);
        JsonNode report = ok(worksite.get("auditor", "/api/worksite-actions/" + launched + "/report"), HttpStatus.OK);
        Map<String, Long> counted = jdbc.sql("""
                select count(*) as detained, count(screened_at) as screened,
                       count(*) filter (where outcome = 'RELEASED_OTHER') as other
                from worksite_detainee where action_id = ? and site_id = ?""").params(launched, sites[0])
                .query((rs, n) -> Map.of("detained", rs.getLong(1), "screened", rs.getLong(2), "other",
                        rs.getLong(3))).single();
        JsonNode first = report.get(0);
        assertThat(first.path("siteId").asLong()).isEqualTo(sites[0]);
        assertThat(first.path("detained").asLong()).isEqualTo(counted.get("detained"));
        assertThat(first.path("screened").asLong()).isEqualTo(counted.get("screened"));
        assertThat(first.path("releasedOther").asLong()).isEqualTo(counted.get("other"));
        assertThat(report.get(1).path("detained").asLong()).isZero();
    }

    @Test
    void another_field_office_does_not_see_the_action() {
        assertThat(worksite.get("officer.chicago", "/api/worksite-actions/" + launched).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
