package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseops.access.Users;
import org.caseops.fixtures.Api;
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
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The person page, {@code GET /people/{aNumber}}, read through a signed-in browser session. */
@CaseOpsTest
class GetPersonPageTest {

    @Autowired
    Api api;
    @Autowired
    Environment environment;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Users users;

    long auditBefore;

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        api.as("officer").postForEntity("/api/people/991000001/notes",
                Map.of("text", "Asked for <b>a new date</b> & an interpreter"), JsonNode.class);
        auditBefore = jdbc.sql("select coalesce(max(seq), 0) from audit_entry").query(Long.class).single();
    }

    private HttpResponse<String> get(String user, String path) {
        return FormSession.signIn(environment, user).get(path);
    }

    private long audited(String action, String actor) {
        return jdbc.sql("select count(*) from audit_entry where action = ? and actor = ? and seq > ?")
                .params(action, actor, auditBefore).query(Long.class).single();
    }

    @Test
    void shows_the_person_their_case_and_their_notes_escaped() {
        HttpResponse<String> page = get("officer", "/people/991000001");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("Ana Lopez", "991000001", "1990-04-02", "GT", "12 Elm St, Apt 4", "Houston",
                "77002", "Removal ordered", "2019-02-11", "HOU", "id=\"family-id\">1001<");
        assertThat(page.body()).contains("Asked for &lt;b&gt;a new date&lt;/b&gt; &amp; an interpreter")
                .doesNotContain("<b>a new date</b>");
        assertThat(page.body()).contains("id=\"add-note\"", "name=\"_csrf\"");
    }

    @Test
    void reading_the_page_is_audited_as_a_person_read_and_a_notes_read() {
        get("officer", "/people/991000001");

        assertThat(audited("PERSON_READ", "officer")).isEqualTo(1);
        assertThat(audited("CASE_NOTES_READ", "officer")).isEqualTo(1);
    }

    @Test
    void the_sections_show_address_history_custody_supervision_and_open_tasks_each_under_a_heading_and_audited() {
        try (Database.Owner owner = Database.owner(jdbc)) {
            owner.jdbc().sql("truncate supervision restart identity cascade").update();
        }
        Map<String, Object> osup = new HashMap<>();
        osup.put("kind", "OSUP");
        osup.put("legalBasis", "INA 241(a)(3); 8 CFR 241.5");
        osup.put("startDate", "2019-05-28");
        osup.put("reportEveryDays", 30);
        osup.put("firstReport", "2019-06-03");
        osup.put("conditions", List.of(Map.of("kind", "REPORT_IN_PERSON", "legalBasis", "8 CFR 241.5(a)(1)")));
        assertThat(api.as("officer").postForEntity("/api/people/991000001/supervisions", osup, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(api.as("supervisor").postForEntity("/api/tasks", Map.of("title", "Check the address of record",
                "user", "officer", "subjectType", "PERSON", "subjectId", "991000001"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);

        String page = get("officer", "/people/991000001").body();

        assertThat(page).contains("id=\"addresses-heading\">Address history</h2>",
                "12 Elm St, Apt 4, Houston, TX 77002", "address of record", "Confidence",
                "id=\"custody-heading\">Custody</h2>", "Now: At large.",
                "id=\"supervision-heading\">Supervision</h2>", "Order of supervision (I-220B)",
                "INA 241(a)(3); 8 CFR 241.5", "Report in person, 8 CFR 241.5(a)(1)",
                "id=\"tasks-heading\">Open tasks</h2>", "Check the address of record");
        for (String action : List.of("PERSON_READ", "ADDRESS_HISTORY_READ", "CUSTODY_READ", "SUPERVISION_READ",
                "PERSON_TASKS_READ")) {
            assertThat(audited(action, "officer")).as(action).isEqualTo(1);
        }
    }

    @Test
    void a_call_in_letter_returned_after_the_address_was_recorded_makes_its_confidence_low() {
        jdbc.sql("update person set address_as_of = date '2019-01-15' where a_number = '991000001'").update();
        FormSession officer = FormSession.signIn(environment, "officer");
        officer.postForm("/working-date", Map.of("asOf", "2019-03-01", "back", "/"));
        assertThat(officer.get("/people/991000001").body()).contains("<td>high</td>");

        // the letter's return, as the letter service writes it on the person's timeline
        jdbc.sql("""
                insert into case_event (occurred_at, person_id, kind, actor, summary)
                select timestamptz '2019-02-20 15:00Z', id, 'CALL_IN_LETTER_RETURNED', 'officer',
                       'Call-in letter L-TEST returned on 2019-02-20'
                from person where a_number = '991000001'""").update();
        assertThat(officer.get("/people/991000001").body())
                .contains("low (a call-in letter was returned on 2019-02-20)");
        // working on a day before the return, the address was not yet in doubt
        officer.postForm("/working-date", Map.of("asOf", "2019-02-19", "back", "/"));
        assertThat(officer.get("/people/991000001").body()).contains("<td>high</td>");
    }

    @Test
    void outside_the_own_field_office_it_asks_for_a_purpose_before_showing_anything() {
        String counsel = TestUsers.chicagoAttorney(users);

        HttpResponse<String> page = get(counsel, "/people/991000001");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"state-purpose\"", "name=\"purpose\"", "HOU")
                .doesNotContain("Ana", "Lopez", "Asked for");
        assertThat(audited("PERSON_READ", counsel)).isZero();
    }

    @Test
    void with_a_purpose_it_shows_the_record_and_audits_the_purpose() {
        String counsel = TestUsers.chicagoAttorney(users);

        HttpResponse<String> page = get(counsel, "/people/991000001?purpose=Motion%20to%20reopen%20review");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Ana Lopez", "Motion to reopen review");
        assertThat(jdbc.sql("select distinct purpose from audit_entry where actor = ? and seq > ? "
                + "and action in ('PERSON_READ', 'CASE_NOTES_READ')")
                .params(counsel, auditBefore).query(String.class).list()).containsExactly("Motion to reopen review");
    }

    @Test
    void a_malformed_a_number_is_a_400_page_naming_it() {
        HttpResponse<String> page = get("officer", "/people/12x");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("A-number", "12x");
    }

    @Test
    void an_unknown_person_is_a_404_page() {
        HttpResponse<String> page = get("officer", "/people/999999999");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("no person with A-number 999999999");
    }

    @Test
    void an_officer_of_another_field_office_gets_the_404_page_of_a_record_that_does_not_exist() {
        HttpResponse<String> page = get("officer.chicago", "/people/991000001");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("no person with A-number 991000001").doesNotContain("Ana", "Lopez", "HOU");
    }

    @Test
    void partners_auditors_and_administrators_get_a_403_page() {
        for (String user : new String[] {"partner", "auditor", "admin"}) {
            HttpResponse<String> page = get(user, "/people/991000001");
            assertThat(page.statusCode()).as(user).isEqualTo(403);
            assertThat(page.body()).as(user).doesNotContain("Lopez");
        }
    }

    @Test
    void without_signing_in_it_sends_the_browser_to_the_sign_in_page() {
        HttpResponse<String> page = FormSession.anonymous(environment).get("/people/991000001");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
    }
}
