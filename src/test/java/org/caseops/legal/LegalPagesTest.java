package org.caseops.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.caseops.access.Users;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.FormSession;
import org.caseops.fixtures.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The case page ({@code /cases/{aNumber}}, with the explained verdict and legal holds) and the family page. */
@CaseOpsTest
class LegalPagesTest {

    @Autowired
    Environment environment;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Users users;
    @Autowired
    org.caseops.fixtures.Api api;

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        try (Database.Owner owner = Database.owner(jdbc)) {
            owner.jdbc().sql("delete from legal_hold").update();
        }
    }

    private String page(String user, String path) {
        HttpResponse<String> page = FormSession.signIn(environment, user).get(path);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        return page.body();
    }

    @Test
    void the_case_page_explains_the_verdict_rule_by_rule_with_citations() {
        String body = page("officer", "/cases/991000001");

        assertThat(body).contains("id=\"verdict-status\"", "id=\"findings\"", "CFR", "Removal ordered",
                "Guatemala (GT)");
        assertThat(body).doesNotContain("id=\"place-hold\"");
    }

    @Test
    void the_verdict_follows_the_working_date() {
        FormSession officer = FormSession.signIn(environment, "officer");
        officer.postForm("/working-date", Map.of("asOf", "2019-01-01", "back", "/cases/991000001"));
        String before = officer.get("/cases/991000001").body();
        officer.postForm("/working-date", Map.of("asOf", "2019-06-02", "back", "/"));
        String later = officer.get("/cases/991000001").body();

        assertThat(before).contains("Can the order be carried out on <span>2019-01-01</span>");
        assertThat(later).contains("Can the order be carried out on <span>2019-06-02</span>");
        assertThat(verdict(before)).isNotEqualTo(verdict(later));
    }

    private static String verdict(String body) {
        int at = body.indexOf("id=\"verdict-status\"");
        return body.substring(at, body.indexOf("</span>", at));
    }

    @Test
    void counsel_places_a_hold_from_the_page_and_sees_it_with_a_blocking_finding() {
        FormSession counsel = FormSession.signIn(environment, "attorney");

        assertThat(counsel.get("/cases/991000001").body()).contains("name=\"version\" value=\"0\"");
        HttpResponse<String> placed = counsel.postForm("/cases/991000001/holds",
                Map.of("reason", "Reviewing a motion to reopen", "placedOn", "", "version", "0"));

        assertThat(placed.statusCode()).isEqualTo(302);
        String body = counsel.get("/cases/991000001").body();
        assertThat(body).contains("Reviewing a motion to reopen", "verdict-NOT_EXECUTABLE", "Legal hold");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'LEGAL_HOLD_PLACED'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void a_hold_without_a_reason_shows_the_problem_next_to_the_field_and_keeps_the_date() {
        HttpResponse<String> page = FormSession.signIn(environment, "attorney").postForm("/cases/991000001/holds",
                Map.of("reason", " ", "placedOn", "2019-05-01", "version", "0"));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"hold-reason-error\"", "value=\"2019-05-01\"");
    }

    @Test
    void a_form_read_before_another_attorneys_change_is_a_409_showing_the_case_as_it_is_now() {
        FormSession counsel = FormSession.signIn(environment, "attorney");
        // the form was read at version 0; meanwhile another attorney placed a hold and lifted it
        assertThat(counsel.postForm("/cases/991000001/holds", Map.of("reason", "first", "version", "0"))
                .statusCode()).isEqualTo(302);
        assertThat(counsel.postForm("/cases/991000001/holds/lift", Map.of("reason", "done", "version", "1"))
                .statusCode()).isEqualTo(302);

        HttpResponse<String> stale = counsel.postForm("/cases/991000001/holds",
                Map.of("reason", "from a stale form", "version", "0"));

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("at version 1, not 0", "name=\"version\" value=\"1\"");
        assertThat(jdbc.sql("select count(*) from legal_hold where reason = 'from a stale form'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void an_officer_may_not_place_a_hold() {
        HttpResponse<String> page = FormSession.signIn(environment, "officer").postForm("/cases/991000001/holds",
                Map.of("reason", "no"));

        assertThat(page.statusCode()).isEqualTo(403);
    }

    @Test
    void the_family_page_shows_every_member_with_their_own_verdict_and_age() {
        String body = page("officer", "/families/1001");

        assertThat(body).contains("Ana Lopez", "Sofia Lopez", "Mateo Lopez", "U.S. citizen", "(minor)",
                "href=\"/cases/991000001\"");
    }

    @Test
    void the_family_page_shows_the_lead_rider_history_as_imported() {
        String body = page("officer", "/families/1001");

        assertThat(body).contains("id=\"lead-rider-table\"", "1001 (Ana Lopez)", "1002 (Sofia Lopez)",
                "Active: rides with the lead", "id=\"custody-table\"");
    }

    /** The Houston docket with motion 7001 received on {@code received} and decided with {@code decision}. */
    private static EoirFiles houstonWithMotion(String received, String decision) {
        EoirFiles files = EoirFiles.standard();
        files.aCase(1001, "GT");
        files.aCase(1002, "GT");
        files.aCase(1003, "HO");
        files.inAbsentiaRemoval(5001, 1001, "2019-02-11");
        files.inAbsentiaRemoval(5002, 1002, "2019-02-11");
        files.inAbsentiaRemoval(5003, 1003, "2018-11-05");
        files.motion(7001, 5003, 1003, received, decision);
        files.appeal(8001, 1003, 5003, "2018-11-20", "DIS");
        files.rider(9001, 1001, 1002, true);
        files.juvenile(6001, 1002, 5002);
        files.respondent(1001, "991000001", "Ana", "Lopez", "1990-04-02", "LEAD");
        files.respondent(1002, "991000002", "Sofia", "Lopez", "2012-08-30", "CHILD");
        files.citizenChild(1001, "Mateo", "Lopez", "2017-03-14");
        files.respondent(1003, "991000003", "Jose", "Reyes", "1985-01-20", "LEAD");
        return files;
    }

    private static String row(String body, String key) {
        return java.util.Arrays.stream(body.split("<tr")).filter(r -> r.contains("<td>" + key + "</td>"))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + key));
    }

    @Test
    void the_case_page_shows_each_court_row_with_the_import_that_last_changed_it() throws Exception {
        long first = jdbc.sql("select max(id) from import_run").query(Long.class).single();
        // a later release: motion 7001 received three days later than the first said
        Dockets.importedAgain(houstonWithMotion("2019-03-04", ""), importer);
        long second = jdbc.sql("select max(id) from import_run").query(Long.class).single();
        assertThat(second).isGreaterThan(first);

        String counsel = page("attorney", "/cases/991000003");
        assertThat(counsel).contains("id=\"court-rows\"", "B_TblProceeding", "tblAppeal", "tbl_Court_Motions");
        assertThat(row(counsel, "7001")).contains("2019-03-04", "href=\"/imports/" + second + "\"");
        assertThat(row(counsel, "8001")).contains("href=\"/imports/" + first + "\"");
        assertThat(row(counsel, "5003")).contains("href=\"/imports/" + first + "\"", "in absentia");

        // an officer may not open imports: the import is named, not linked
        String officer = page("officer", "/cases/991000003");
        assertThat(row(officer, "7001")).contains("import " + second).doesNotContain("href=\"/imports/");
        // a juvenile history row on Sofia's case, with its meaning
        assertThat(page("officer", "/cases/991000002")).contains("tbl_JuvenileHistory", "Juvenile history");
    }

    @Test
    void counsels_home_lists_the_verdicts_waiting_for_attorney_review_each_linking_to_the_person() throws Exception {
        // Jose Reyes's motion to reopen was decided with a code the gate cannot read (Q): attorney review
        Dockets.freshlyImported(houstonWithMotion("2019-03-01", "Q"), importer, jdbc);
        assertThat(page("attorney", "/")).contains("id=\"panel-attorney-review\"", "No screening of field office HOU");

        java.time.LocalDate today = java.time.LocalDate.now();
        assertThat(api.as("attorney").postForEntity("/api/screenings", Map.of("asOf", today.toString(),
                "fieldOffice", "HOU"), com.fasterxml.jackson.databind.JsonNode.class).getStatusCode().value())
                .isEqualTo(201);

        String home = page("attorney", "/");
        String panel = home.substring(home.indexOf("id=\"panel-attorney-review\""));
        panel = panel.substring(0, panel.indexOf("</section>"));
        assertThat(panel).contains("href=\"/people/991000003\"", "unknown code Q in DEC", "attorney review",
                "8 CFR 1003.23(b)").doesNotContain("991000001", "991000002");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ATTORNEY_REVIEWS_READ' and actor = "
                + "'attorney' and detail like '%shown: 991000003'").query(Long.class).single()).isPositive();
        // nobody else's home has it
        assertThat(page("officer", "/")).doesNotContain("id=\"panel-attorney-review\"");
    }

    @Test
    void outside_the_own_field_office_counsel_is_asked_for_a_purpose_first() {
        String counsel = TestUsers.chicagoAttorney(users);

        String prompt = page(counsel, "/families/1001");
        String withPurpose = page(counsel, "/families/1001?purpose=Motion%20review");

        assertThat(prompt).contains("id=\"state-purpose\"", "action=\"/families/1001\"").doesNotContain("Sofia");
        assertThat(withPurpose).contains("Sofia Lopez", "Motion review");
    }

    @Test
    void roles_without_case_access_get_a_403_page() {
        for (String user : new String[] {"auditor", "partner", "admin"}) {
            FormSession session = FormSession.signIn(environment, user);
            assertThat(session.get("/cases/991000001").statusCode()).as(user).isEqualTo(403);
            assertThat(session.get("/families/1001").statusCode()).as(user).isEqualTo(403);
        }
    }

    @Test
    void an_unknown_family_is_a_404_page() {
        HttpResponse<String> page = FormSession.signIn(environment, "officer").get("/families/999999");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }
}
