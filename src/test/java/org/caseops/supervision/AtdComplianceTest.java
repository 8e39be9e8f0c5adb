package org.caseops.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ATD compliance (issue 16, docs/supervision.md): versioned rules judged on the contract's reported events, no data
 * is an alert, one open alert per supervision and rule however often evaluations run, a rule version published
 * later never changes a past evaluation, a published version never changes, alerts closed with a resolution at the
 * version read. Ana Lopez (A 991000001, an adult) of the Houston docket, enrolled in ATD on 2019-05-28.
 */
@CaseOpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AtdComplianceTest {

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.core.env.Environment environment;

    long supervision;

    @BeforeAll
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    @BeforeEach
    void enrolled() {
        try (Database.Owner owner = Database.owner(jdbc)) {
            owner.jdbc().sql("truncate supervision, atd_rule_set restart identity cascade").update();
        }
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "ATD");
        body.put("legalBasis", "INA 236(a); ATD program terms");
        body.put("startDate", "2019-05-28");
        body.put("reportEveryDays", 30);
        body.put("firstReport", "2019-06-03");
        body.put("conditions", List.of(Map.of("kind", "SMARTPHONE_APP", "legalBasis", "8 CFR 241.5(a)",
                "reviewDue", "2019-08-26")));
        ResponseEntity<JsonNode> atd = api.as("officer").postForEntity("/api/people/991000001/supervisions", body,
                JsonNode.class);
        assertThat(atd.getStatusCode()).as(String.valueOf(atd.getBody())).isEqualTo(HttpStatus.CREATED);
        supervision = atd.getBody().path("id").asLong();
    }

    private static Map<String, Object> noCheckIn(int days, String severity) {
        return Map.of("code", "NO_CHECK_IN", "kind", "NO_EVENT_WITHIN", "eventKinds", List.of("CHECK_IN",
                "APP_CHECK_IN"), "maxDays", days, "severity", severity);
    }

    private static final Map<String, Object> TAMPER = Map.of("code", "DEVICE_TAMPERED", "kind", "EVENT_REPORTED",
            "eventKinds", List.of("DEVICE_TAMPER"), "severity", "HIGH");

    private int published(String effectiveFrom, Map<String, Object>... rules) {
        ResponseEntity<JsonNode> draft = api.as("director").postForEntity("/api/atd/rule-sets", Map.of("note",
                "compliance rules (synthetic)", "rules", List.of(rules)), JsonNode.class);
        assertThat(draft.getStatusCode()).as(String.valueOf(draft.getBody())).isEqualTo(HttpStatus.CREATED);
        int version = draft.getBody().path("version").asInt();
        ResponseEntity<JsonNode> published = api.as("director").postForEntity("/api/atd/rule-sets/" + version
                + "/publish", Map.of("effectiveFrom", effectiveFrom), JsonNode.class);
        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.OK);
        return version;
    }

    private JsonNode evaluate(String asOf) {
        ResponseEntity<JsonNode> run = api.as("officer").postForEntity("/api/atd/evaluations", Map.of("fieldOffice",
                "HOU", "asOf", asOf), JsonNode.class);
        assertThat(run.getStatusCode()).as(String.valueOf(run.getBody())).isEqualTo(HttpStatus.OK);
        return run.getBody();
    }

    private JsonNode openAlerts() {
        return api.as("supervisor").getForEntity("/api/atd/alerts?fieldOffice=HOU", JsonNode.class).getBody();
    }

    @Test
    void no_data_is_an_alert_one_open_alert_per_rule_however_often_it_runs_and_a_reported_tamper_is_another() {
        published("2019-05-01", noCheckIn(14, "MEDIUM"), TAMPER);

        assertThat(evaluate("2019-06-05").path("alertsOpened").asInt()).as("enrolled 8 days ago: not yet").isZero();
        JsonNode first = evaluate("2019-06-20");
        assertThat(first.path("alertsOpened").asInt()).isEqualTo(1);
        assertThat(openAlerts().path("items").get(0).path("reason").asText())
                .contains("no check in or app check in reported since the enrolment on 2019-05-28");
        assertThat(evaluate("2019-06-21").path("alreadyOpen").asInt()).as("the same alert, not a second").isOne();
        assertThat(openAlerts().path("total").asLong()).isOne();

        ResponseEntity<JsonNode> tamper = api.as("officer").postForEntity("/api/supervisions/" + supervision
                + "/atd-events", Map.of("kind", "DEVICE_TAMPER", "occurredAt", "2019-06-22T03:10:00Z"),
                JsonNode.class);
        assertThat(tamper.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(evaluate("2019-06-23").path("alertsOpened").asInt()).isOne();
        JsonNode queue = openAlerts();
        assertThat(queue.path("total").asLong()).isEqualTo(2);
        assertThat(queue.path("items").get(0).path("severity").asText()).as("most severe first").isEqualTo("HIGH");
        assertThat(jdbc.sql("select count(*) from atd_evaluation where supervision_id = ?").param(supervision)
                .query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from information_schema.columns where table_name like 'atd_%' and "
                + "(column_name like '%lat%' or column_name like '%lon%' or column_name like '%location%')")
                .query(Long.class).single()).as("compliance events only: no place to keep a location").isZero();
    }

    @Test
    void an_alert_is_closed_with_its_resolution_at_the_version_read_and_a_later_one_may_open() {
        published("2019-05-01", noCheckIn(14, "MEDIUM"));
        evaluate("2019-06-20");
        JsonNode alert = openAlerts().path("items").get(0);
        String close = "/api/atd/alerts/" + alert.path("id").asLong() + "/close";

        Problems.assertBadInput(api.as("officer").postForEntity(close, Map.of("version", 0), JsonNode.class),
                "resolution");
        ResponseEntity<JsonNode> closed = api.as("officer").postForEntity(close, Map.of("resolution",
                "reached her by phone: the app was not installed on her new phone; reinstalled", "version", 0),
                JsonNode.class);
        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(closed.getBody().path("status").asText()).isEqualTo("CLOSED");
        assertThat(api.as("officer").postForEntity(close, Map.of("resolution", "again", "version", 0),
                JsonNode.class).getStatusCode()).as("closed already: 409").isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.as("officer.chicago").postForEntity(close, Map.of("resolution", "not mine", "version", 1),
                JsonNode.class).getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(evaluate("2019-06-21").path("alertsOpened").asInt()).as("still no check-in: a new alert")
                .isOne();
    }

    @Test
    void a_version_published_later_judges_from_its_date_and_never_changes_a_past_evaluation() {
        int v1 = published("2019-05-01", noCheckIn(14, "MEDIUM"));
        evaluate("2019-06-20");
        String before = jdbc.sql("select rule_version || ' ' || findings::text from atd_evaluation where as_of = "
                + "'2019-06-20'").query(String.class).single();

        int v2 = published("2019-07-01", noCheckIn(60, "LOW"));
        assertThat(v2).isEqualTo(v1 + 1);
        assertThat(jdbc.sql("select rule_version || ' ' || findings::text from atd_evaluation where as_of = "
                + "'2019-06-20'").query(String.class).single()).isEqualTo(before).startsWith(v1 + " ");
        assertThat(evaluate("2019-06-25").path("ruleVersion").asInt()).as("before v2's date").isEqualTo(v1);
        assertThat(evaluate("2019-07-05").path("ruleVersion").asInt()).isEqualTo(v2);
        assertThat(jdbc.sql("select findings ->> 0 from atd_evaluation where as_of = '2019-07-05'")
                .query(String.class).single()).contains("\"outcome\": \"OK\"");

        // published is published: not again, and not changed by anyone, the application's role included
        assertThat(api.as("director").postForEntity("/api/atd/rule-sets/" + v1 + "/publish", Map.of("effectiveFrom",
                "2019-08-01"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThatThrownBy(() -> jdbc.sql("update atd_rule set max_days = 1 where version = ?").param(v1).update())
                .rootCause().hasMessageContaining("is published");
        assertThatThrownBy(() -> jdbc.sql("update atd_rule_set set note = 'rewritten' where version = ?").param(v1)
                .update()).rootCause().hasMessageContaining("is published");
        assertThatThrownBy(() -> jdbc.sql("update atd_evaluation set rule_version = ? where as_of = '2019-06-20'")
                .param(v2).update()).rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void the_triage_page_evaluates_for_the_working_date_lists_the_alerts_and_closes_one_from_its_row() {
        published("2019-05-01", noCheckIn(14, "MEDIUM"));
        org.caseops.fixtures.FormSession officer = org.caseops.fixtures.FormSession.signIn(environment, "officer");
        officer.postForm("/working-date", Map.of("asOf", "2019-06-20", "back", "/"));
        String csrf = officer.csrfToken("/atd/alerts");
        assertThat(officer.postForm("/atd/evaluations", csrf, Map.of()).statusCode()).isEqualTo(302);

        String page = officer.get("/atd/alerts").body();
        assertThat(page).contains("1 ATD enrolments judged as of 2019-06-20 by rule set 1: 1 alerts opened",
                "href=\"/people/991000001\"", "no check in or app check in reported since the enrolment",
                "id=\"close-");
        long alert = jdbc.sql("select id from atd_alert").query(Long.class).single();

        officer.postForm("/atd/alerts/" + alert + "/close", csrf, Map.of("resolution", " ", "version", "0"));
        assertThat(officer.get("/atd/alerts").body()).contains("id=\"atd-error\"", "resolution");
        officer.postForm("/atd/alerts/" + alert + "/close", csrf, Map.of("resolution",
                "called her: new phone, app reinstalled", "version", "0"));
        assertThat(officer.get("/atd/alerts").body()).contains("Alert " + alert + " (No check in, A-991000001) "
                + "closed.").doesNotContain("id=\"close-" + alert);
        assertThat(officer.get("/atd/alerts?status=CLOSED").body()).contains("officer: called her: new phone");
        assertThat(org.caseops.fixtures.FormSession.signIn(environment, "auditor").get("/atd/alerts").statusCode())
                .isEqualTo(403);
    }

    @Test
    void rules_are_the_directors_bad_rules_are_named_and_events_need_an_active_atd_enrolment() {
        Map<String, Object> body = Map.of("note", "compliance rules (synthetic)", "rules", List.of(noCheckIn(14,
                "MEDIUM")));
        assertThat(api.as("supervisor").postForEntity("/api/atd/rule-sets", body, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        Problems.assertBadInput(api.as("director").postForEntity("/api/atd/rule-sets", Map.of("note", "no days",
                "rules", List.of(Map.of("code", "NO_CHECK_IN", "kind", "NO_EVENT_WITHIN", "eventKinds",
                        List.of("CHECK_IN"), "severity", "LOW"))), JsonNode.class), "rules[0].maxDays");
        ResponseEntity<JsonNode> none = api.as("officer").postForEntity("/api/atd/evaluations", Map.of(
                "fieldOffice", "HOU", "asOf", "2019-06-20"), JsonNode.class);
        assertThat(none.getStatusCode()).as("no rule set in effect").isEqualTo(HttpStatus.CONFLICT);
        Problems.assertBadInput(api.as("officer").postForEntity("/api/supervisions/" + supervision + "/atd-events",
                Map.of("kind", "CHECK_IN", "occurredAt", "2999-01-01T00:00:00Z"), JsonNode.class), "occurredAt");
        assertThat(api.as("officer.chicago").postForEntity("/api/supervisions/" + supervision + "/atd-events",
                Map.of("kind", "CHECK_IN", "occurredAt", "2019-06-01T10:00:00Z"), JsonNode.class).getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }

    // ---- the rule sets' page ------------------------------------------------------------------------------------

    @Test
    void a_director_drafts_and_publishes_rules_on_the_page_a_published_set_is_read_only_and_others_only_read() {
        org.caseops.fixtures.FormSession director = org.caseops.fixtures.FormSession.signIn(environment, "director");
        String csrf = director.csrfToken("/atd/rules");
        assertThat(director.get("/atd/rules").body()).contains("No version drafted yet", "id=\"draft\"");

        var bad = director.postForm("/atd/rules", csrf, Map.of("note", "first rules (synthetic)",
                "rules[0].code", "NO_CHECK_IN", "rules[0].kind", "NO_EVENT_WITHIN", "rules[0].eventKinds",
                "CHECK_IN", "rules[0].severity", "MEDIUM"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"draft-rule-0-maxDays-error\"", "maxDays (1 to 365)",
                "value=\"first rules (synthetic)\"", "value=\"NO_CHECK_IN\"");
        assertThat(jdbc.sql("select count(*) from atd_rule_set").query(Long.class).single()).isZero();

        assertThat(director.postForm("/atd/rules", csrf, Map.of("note", "first rules (synthetic)",
                "rules[0].code", "NO_CHECK_IN", "rules[0].kind", "NO_EVENT_WITHIN", "rules[0].eventKinds",
                "CHECK_IN", "rules[0].maxDays", "14", "rules[0].severity", "MEDIUM")).statusCode()).isEqualTo(302);
        String drafted = director.get("/atd/rules").body();
        assertThat(drafted).contains("Version 1 drafted with 1 rules", "NO_CHECK_IN: no check in within 14 days "
                + "(severity Medium)", "id=\"publish-1\"");
        var noDay = director.postForm("/atd/rules/1/publish", csrf, Map.of("effectiveFrom", ""));
        assertThat(noDay.statusCode()).isEqualTo(400);
        assertThat(noDay.body()).contains("id=\"publish-1-effectiveFrom-error\"");
        assertThat(director.postForm("/atd/rules/1/publish", csrf, Map.of("effectiveFrom", "2019-05-01"))
                .statusCode()).isEqualTo(302);
        String published = director.get("/atd/rules").body();
        assertThat(published).contains("Version 1 published: in effect from 2019-05-01.", "Published (read-only)",
                "value=\"NO_CHECK_IN\"").doesNotContain("id=\"publish-1\"");
        assertThat(director.postForm("/atd/rules/1/publish", csrf, Map.of("effectiveFrom", "2019-06-01"))
                .statusCode()).as("published is published").isEqualTo(409);
        assertThat(jdbc.sql("select effective_from::text from atd_rule_set where version = 1").query(String.class)
                .single()).isEqualTo("2019-05-01");

        org.caseops.fixtures.FormSession officer = org.caseops.fixtures.FormSession.signIn(environment, "officer");
        assertThat(officer.get("/").body()).contains("href=\"/atd/rules\"");
        assertThat(officer.get("/atd/rules").body()).contains("NO_CHECK_IN").doesNotContain("id=\"draft\"");
        assertThat(officer.postForm("/atd/rules", officer.csrfToken("/atd/rules"), Map.of("note", "mine"))
                .statusCode()).isEqualTo(403);
        assertThat(org.caseops.fixtures.FormSession.signIn(environment, "auditor").get("/atd/rules").statusCode())
                .isEqualTo(200);
        org.caseops.fixtures.FormSession partner = org.caseops.fixtures.FormSession.signIn(environment, "partner");
        assertThat(partner.get("/").body()).doesNotContain("href=\"/atd/rules\"");
        assertThat(partner.get("/atd/rules").statusCode()).isEqualTo(403);
    }

    // ---- device history -----------------------------------------------------------------------------------------

    private ResponseEntity<JsonNode> device(String user, String action, String technology, String on, int version) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        body.put("technology", technology);
        body.put("serial", "SN-" + version);
        body.put("on", on);
        body.put("reason", "synthetic: " + action.toLowerCase());
        body.put("version", version);
        return api.as(user).postForEntity("/api/supervisions/" + supervision + "/devices", body, JsonNode.class);
    }

    @Test
    void a_device_is_assigned_replaced_and_removed_with_dates_and_reasons_never_a_place_and_the_person_page_shows_it() {
        ResponseEntity<JsonNode> assigned = device("officer", "ASSIGNED", "ANKLE_MONITOR", "2019-05-28", 0);
        assertThat(assigned.getStatusCode()).as(String.valueOf(assigned.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(device("officer", "ASSIGNED", "SMARTPHONE_APP", "2019-05-29", 1).getStatusCode())
                .as("one in use already").isEqualTo(HttpStatus.CONFLICT);
        assertThat(device("officer", "REPLACED", "SMARTPHONE_APP", "2019-06-10", 0).getStatusCode())
                .as("a stale version").isEqualTo(HttpStatus.CONFLICT);
        Problems.assertBadInput(device("officer", "REPLACED", "SMARTPHONE_APP", "2019-05-01", 1), "on");
        assertThat(device("officer", "REPLACED", "SMARTPHONE_APP", "2019-06-10", 1).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        Problems.assertBadInput(device("officer", "REMOVED", "ANKLE_MONITOR", "2019-06-20", 2), "technology");
        ResponseEntity<JsonNode> removed = device("supervisor", "REMOVED", "SMARTPHONE_APP", "2019-06-20", 2);
        assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(removed.getBody()).hasSize(3);
        assertThat(removed.getBody().get(2).path("action").asText()).isEqualTo("REMOVED");
        assertThat(device("officer.chicago", "ASSIGNED", "ANKLE_MONITOR", "2019-06-21", 3).getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(api.as("attorney").getForEntity("/api/supervisions/" + supervision + "/devices", JsonNode.class)
                .getBody()).hasSize(3);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ATD_DEVICE_REPLACED' and subject_id = ? "
                + "and detail like 'smartphone app SN-1 replaced on 2019-06-10%'").param(String.valueOf(supervision))
                .query(Long.class).single()).isOne();

        String person = org.caseops.fixtures.FormSession.signIn(environment, "officer").get("/people/991000001")
                .body();
        assertThat(person).contains("Device history", "ankle monitor SN-0 assigned on 2019-05-28 (synthetic: "
                + "assigned)", "smartphone app SN-1 replaced on 2019-06-10", "smartphone app SN-2 removed on 2019-06-20");
        assertThat(jdbc.sql("select count(*) from information_schema.columns where table_name in "
                + "('supervision_device', 'supervision_level_review') and column_name ~* "
                + "'(lat|lon|lng|gps|location|geo|coord|position|trail|track)'").query(Long.class).single())
                .as("no place to keep a location").isZero();
    }

    @Test
    void the_database_refuses_a_device_on_a_child_through_the_device_history_for_the_application_role_too() {
        ResponseEntity<JsonNode> osup = api.as("officer").postForEntity("/api/people/991000002/supervisions",
                Map.of("kind", "OSUP", "legalBasis", "INA 241(a)(3); 8 CFR 241.5", "startDate", "2019-05-28",
                        "reportEveryDays", 30, "firstReport", "2019-06-03", "conditions", List.of()), JsonNode.class);
        assertThat(osup.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long child = osup.getBody().path("id").asLong();
        assertThatThrownBy(() -> jdbc.sql("""
                insert into supervision_device (supervision_id, action, technology, on_date, reason, recorded_by)
                values (?, 'ASSIGNED', 'ANKLE_MONITOR', '2019-06-01', 'synthetic', 'x')""").param(child).update())
                .rootCause().hasMessageContaining("no device on a child");
        assertThat(api.as("officer").postForEntity("/api/supervisions/" + child + "/devices", Map.of("action",
                "ASSIGNED", "technology", "ANKLE_MONITOR", "on", "2019-06-01", "reason", "synthetic", "version", 0),
                JsonNode.class).getStatusCode()).as("an order of supervision has no device").isEqualTo(
                HttpStatus.CONFLICT);
        assertThat(device("officer", "ASSIGNED", "ANKLE_MONITOR", "2019-05-28", 0).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThatThrownBy(() -> jdbc.sql("update supervision_device set reason = 'rewritten'").update()).rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from supervision_device").update()).rootCause()
                .hasMessageContaining("permission denied");
    }

    // ---- the 90-day supervision-level review -----------------------------------------------------------------------

    private JsonNode reviewsDue(String asOf) {
        ResponseEntity<JsonNode> due = api.as("officer").getForEntity("/api/atd/level-reviews?fieldOffice=HOU&asOf="
                + asOf, JsonNode.class);
        assertThat(due.getStatusCode()).as(String.valueOf(due.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(due.getBody().path("total").asLong()).isEqualTo(due.getBody().path("items").size());
        return due.getBody().path("items");
    }

    private ResponseEntity<JsonNode> decide(int period, String on, String decision) {
        return api.as("officer").postForEntity("/api/supervisions/" + supervision + "/level-reviews", Map.of(
                "period", period, "on", on, "decision", decision, "reason", "synthetic: compliant, reviewed with "
                        + "counsel"), JsonNode.class);
    }

    private void checkIn(String on) {
        int version = api.as("officer").getForEntity("/api/supervisions/" + supervision, JsonNode.class).getBody()
                .path("version").asInt();
        assertThat(api.as("officer").postForEntity("/api/supervisions/" + supervision + "/check-ins", Map.of("on", on,
                "method", "APP", "version", version), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void every_90_days_a_review_is_due_suggesting_a_step_down_only_without_alerts_or_misses_and_the_officer_decides() {
        assertThat(device("officer", "ASSIGNED", "ANKLE_MONITOR", "2019-05-28", 0).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(reviewsDue("2019-08-25")).as("not due before 90 days").isEmpty();
        JsonNode overdue = reviewsDue("2019-08-26").get(0);
        assertThat(overdue.path("suggested").asText()).as("a report overdue, not yet swept").isEqualTo("KEEP");
        assertThat(overdue.path("why").asText()).contains("no check-in recorded for the report due 2019-06-03");
        checkIn("2019-06-03");
        checkIn("2019-07-03");
        checkIn("2019-08-02");
        JsonNode first = reviewsDue("2019-08-26").get(0);
        assertThat(first.path("period").asInt()).isOne();
        assertThat(first.path("dueOn").asText()).isEqualTo("2019-08-26");
        assertThat(first.path("level").asText()).isEqualTo("ANKLE_MONITOR");
        assertThat(first.path("suggested").asText()).isEqualTo("STEP_DOWN");
        assertThat(first.path("suggestedLevel").asText()).isEqualTo("SMARTPHONE_APP");

        Problems.assertBadInput(api.as("officer").postForEntity("/api/supervisions/" + supervision
                + "/level-reviews", Map.of("period", 1, "on", "2019-08-26", "decision", "STEP_DOWN"),
                JsonNode.class), "reason");
        assertThat(decide(2, "2019-08-26", "STEP_DOWN").getStatusCode()).as("not the period due")
                .isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<JsonNode> down = decide(1, "2019-08-26", "STEP_DOWN");
        assertThat(down.getStatusCode()).as(String.valueOf(down.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(down.getBody().path("levelAfter").asText()).isEqualTo("SMARTPHONE_APP");
        // the ankle monitor of the level stepped down from is recorded removed on the review's day
        JsonNode history = api.as("officer").getForEntity("/api/supervisions/" + supervision + "/devices",
                JsonNode.class).getBody();
        assertThat(history).hasSize(2);
        assertThat(history.get(1).path("action").asText()).isEqualTo("REMOVED");
        assertThat(history.get(1).path("technology").asText()).isEqualTo("ANKLE_MONITOR");
        assertThat(history.get(1).path("on").asText()).isEqualTo("2019-08-26");
        assertThat(history.get(1).path("reason").asText()).startsWith("stepped down to smartphone app at the "
                + "supervision-level review of period 1");
        assertThat(decide(1, "2019-08-26", "KEEP").getStatusCode()).as("one review per period")
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(reviewsDue("2019-09-01")).isEmpty();

        // an open alert in the second period: keep, and say why
        published("2019-05-01", noCheckIn(14, "MEDIUM"));
        evaluate("2019-09-01");
        JsonNode second = reviewsDue("2019-11-24").get(0);
        assertThat(second.path("period").asInt()).isEqualTo(2);
        assertThat(second.path("level").asText()).isEqualTo("SMARTPHONE_APP");
        assertThat(second.path("suggested").asText()).isEqualTo("KEEP");
        assertThat(second.path("why").asText()).contains("1 ATD alert(s) open");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ATD_LEVEL_REVIEWED' and subject_id = ? "
                + "and detail like 'period 1 (due 2019-08-26): stepped down from ankle monitor (GPS device) to "
                + "smartphone app%'").param(String.valueOf(supervision)).query(Long.class).single()).isOne();
        assertThat(api.as("officer.chicago").getForEntity("/api/atd/level-reviews?fieldOffice=HOU&asOf=2019-11-24",
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThatThrownBy(() -> jdbc.sql("update supervision_level_review set decision = 'KEEP'").update())
                .rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void the_reviews_page_lists_what_is_due_by_the_working_date_and_records_the_decision_from_the_row() {
        org.caseops.fixtures.FormSession officer = org.caseops.fixtures.FormSession.signIn(environment, "officer");
        officer.postForm("/working-date", Map.of("asOf", "2019-08-27", "back", "/"));
        String csrf = officer.csrfToken("/atd/reviews");
        String page = officer.get("/atd/reviews").body();
        assertThat(page).contains("href=\"/atd/reviews\"", "href=\"/people/991000001\"", "smartphone app",
                "no check-in recorded for the report due 2019-06-03", "id=\"step-down-" + supervision);

        officer.postForm("/atd/reviews/" + supervision, csrf, Map.of("period", "1", "decision", "KEEP", "reason",
                " "));
        assertThat(officer.get("/atd/reviews").body()).contains("id=\"reviews-error\"", "reason");
        officer.postForm("/atd/reviews/" + supervision, csrf, Map.of("period", "1", "decision", "KEEP", "reason",
                "synthetic: keep telephone reporting one more period"));
        assertThat(officer.get("/atd/reviews").body()).contains("Supervision " + supervision
                + ", period 1: kept at smartphone app.").doesNotContain("id=\"keep-" + supervision);
        assertThat(jdbc.sql("select reviewed_on::text || ' ' || decided_by from supervision_level_review")
                .query(String.class).single()).isEqualTo("2019-08-27 officer");
        assertThat(org.caseops.fixtures.FormSession.signIn(environment, "attorney").get("/atd/reviews").statusCode())
                .isEqualTo(403);
    }
}
