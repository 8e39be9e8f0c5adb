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
}
