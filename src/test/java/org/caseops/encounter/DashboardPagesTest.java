package org.caseops.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.FormSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboards (issue 15, docs/web.md "Dashboards") over HTTP as each role opens them: collateral encounters and
 * their reviews, screening results by verdict and rule, tasks overdue per team; counted from the record, scoped to
 * the caller's field office for supervisors and directors, audited, with their CSV; an officer has none.
 */
@CaseOpsTest
class DashboardPagesTest {

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    @Test
    void collateral_encounters_are_counted_per_office_and_operation_with_where_each_review_stands() {
        long mateo = jdbc.sql("select id from person where given_name = 'Mateo'").query(Long.class).single();
        long operation = new LaunchedOperation(api).houstonFamily1001(mateo);
        Map<String, Object> body = new HashMap<>();
        body.put("operationId", operation);
        body.put("familyId", 1001);
        body.put("occurredAt", "2019-06-24T12:00:00Z");
        body.put("place", "address of record (synthetic)");
        body.put("people", List.of(Map.of("describedAs", "adult man at the door (synthetic)", "kind", "COLLATERAL",
                "outcome", "ENROLLED_ATD", "legalBasisKind", "OTHER_AUTHORITY", "legalBasis",
                "INA 287(a)(2): reason to believe, flight risk", "screening", Map.of("minorChildren", false,
                        "otherDependants", false, "soleCaregiver", false, "pregnantOrNursing", false,
                        "children", List.of()))));
        ResponseEntity<JsonNode> recorded = api.as("officer").postForEntity("/api/encounters", body, JsonNode.class);
        assertThat(recorded.getStatusCode()).as(String.valueOf(recorded.getBody())).isEqualTo(HttpStatus.CREATED);
        long encounter = recorded.getBody().get(0).path("encounterId").asLong();

        FormSession supervisor = FormSession.signIn(environment, "supervisor");
        String row = operationRow(supervisor.get("/dashboards/collateral?filter=operation%20" + operation).body(),
                operation);
        // office, operation, met, arrested, ATD, released, told to depart, other, final order, warrant, other
        // authority, reviewed, review open, review overdue, review cancelled, no review
        assertThat(row).isEqualTo("HOU|Operation " + operation + "|1|0|1|0|0|0|0|0|1|0|1|0|0|0");

        long review = jdbc.sql("select id from task where type = 'COLLATERAL_REVIEW' and subject_id = ? "
                + "and operation_id = ?").params(String.valueOf(encounter), operation).query(Long.class).single();
        ResponseEntity<JsonNode> done = api.as("supervisor").postForEntity("/api/tasks/" + review + "/complete",
                Map.of("resolution", "basis checked: lawful, ATD proportionate"), JsonNode.class);
        assertThat(done.getStatusCode()).as(String.valueOf(done.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(operationRow(supervisor.get("/dashboards/collateral?filter=operation%20" + operation).body(),
                operation)).endsWith("|1|0|0|0|0");

        HttpResponse<String> csv = supervisor.get("/dashboards/collateral?format=csv&filter=operation%20"
                + operation);
        assertThat(csv.body()).contains("Operation " + operation + ",1,0,1,0,0,0,0,0,1,1,0,0,0,0");
        assertThat(jdbc.sql("select count(*) from audit_entry where actor = 'supervisor' and action = "
                + "'DASHBOARD_READ' and subject_id = 'collateral-encounters' and field_office = 'HOU'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void tasks_overdue_are_counted_per_queue_in_the_callers_office_and_in_every_office_for_oversight() {
        jdbc.sql("""
                insert into task (type, status, title, assignee_team, field_office_code, due_at, created_by)
                values ('GENERAL', 'ASSIGNED', 'dashboard test: overdue ten days', 'dashboard-team', 'CHI',
                        now() - interval '10 days', 'test'),
                       ('GENERAL', 'ASSIGNED', 'dashboard test: due tomorrow', 'dashboard-team', 'CHI',
                        now() + interval '1 day', 'test'),
                       ('GENERAL', 'ASSIGNED', 'dashboard test: overdue a day', 'dashboard-team', 'HOU',
                        now() - interval '1 day', 'test')""").update();

        // office, queue, open, overdue, overdue more than 7 days, oldest due
        List<String> everywhere = rows(FormSession.signIn(environment, "auditor")
                .get("/dashboards/tasks?filter=dashboard-team").body());
        assertThat(everywhere).hasSize(2).anySatisfy(r -> assertThat(r).startsWith("CHI|team dashboard-team|2|1|1|"))
                .anySatisfy(r -> assertThat(r).startsWith("HOU|team dashboard-team|1|1|0|"));
        assertThat(rows(FormSession.signIn(environment, "supervisor").get("/dashboards/tasks?size=200").body()))
                .as("Houston's supervisor counts Houston's queues only").isNotEmpty()
                .allSatisfy(r -> assertThat(r).startsWith("HOU|"));
    }

    @Test
    void screening_verdicts_are_counted_by_verdict_and_deciding_rule_for_a_date_screened() {
        ResponseEntity<JsonNode> screened = api.as("attorney").postForEntity("/api/screenings",
                Map.of("asOf", "2019-06-23", "fieldOffice", "HOU"), JsonNode.class);
        assertThat(screened.getStatusCode().is2xxSuccessful()).as(String.valueOf(screened.getBody())).isTrue();

        FormSession director = FormSession.signIn(environment, "director");
        HttpResponse<String> page = director.get("/dashboards/screenings?asOf=2019-06-23&size=200");
        assertThat(page.statusCode()).isEqualTo(200);
        long shown = 0;
        for (String r : rows(page.body())) {
            assertThat(r).startsWith("HOU|");
            shown += Long.parseLong(r.substring(r.lastIndexOf('|') + 1));
        }
        assertThat(shown).isPositive().isEqualTo(jdbc.sql("select count(*) from case_verdict where as_of = "
                + "'2019-06-23' and field_office_code = 'HOU'").query(Long.class).single());
        assertThat(page.body()).contains("<option value=\"2019-06-23\" selected=\"selected\">");

        assertThat(director.get("/dashboards/screenings?asOf=23%2F06%2F2019").statusCode()).isEqualTo(400);
    }

    @Test
    void each_role_sees_the_dashboards_it_may_open_and_an_officer_none() {
        String attorney = FormSession.signIn(environment, "attorney").get("/dashboards").body();
        assertThat(attorney).contains("href=\"/dashboards/collateral\"", "href=\"/dashboards/screenings\"")
                .doesNotContain("href=\"/dashboards/tasks\"");
        assertThat(FormSession.signIn(environment, "supervisor").get("/dashboards").body())
                .contains("href=\"/dashboards/tasks\"");

        FormSession officer = FormSession.signIn(environment, "officer");
        assertThat(officer.get("/").body()).doesNotContain("href=\"/dashboards\"");
        assertThat(officer.get("/dashboards").statusCode()).isEqualTo(403);
        assertThat(officer.get("/dashboards/collateral").statusCode()).isEqualTo(403);
    }

    /** The one row of this operation (the filter "operation 1" also keeps operation 12's rows, should there be any). */
    private static String operationRow(String html, long operation) {
        List<String> rows = rows(html).stream().filter(r -> r.split("\\|")[1].equals("Operation " + operation))
                .toList();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    /** Every row of the page's records table (tbody), its cells' text joined with {@code |}. */
    private static List<String> rows(String html) {
        int body = html.indexOf("<tbody");
        assertThat(body).as("a table of records").isPositive();
        String tbody = html.substring(body, html.indexOf("</tbody>", body));
        return java.util.Arrays.stream(tbody.split("<tr")).skip(1)
                .map(tr -> java.util.Arrays.stream(tr.split("<td")).skip(1)
                        .map(td -> td.substring(td.indexOf('>') + 1).replaceAll("<[^>]+>", "").trim())
                        .reduce((a, b) -> a + "|" + b).orElse(""))
                .filter(r -> !r.isEmpty()).toList();
    }
}
