package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.caseops.access.Users;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.FormSession;
import org.caseops.fixtures.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The person page's note form, {@code POST /people/{aNumber}/notes}, posted with the session's CSRF token. */
@CaseOpsTest
class PostPersonPageNotesTest {

    @Autowired
    Environment environment;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Users users;

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    private HttpResponse<String> post(FormSession session, String aNumber, Map<String, String> form) {
        return session.postForm("/people/" + aNumber + "/notes", form);
    }

    private java.util.List<String> notes() {
        return jdbc.sql("select body from case_note order by id").query(String.class).list();
    }

    @Test
    void adds_the_note_and_sends_the_browser_back_to_the_notes_of_the_page() {
        FormSession officer = FormSession.signIn(environment, "officer");

        HttpResponse<String> response = post(officer, "991000001", Map.of("text", "Visited; nobody home."));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/people/991000001#notes");
        assertThat(notes()).containsExactly("Visited; nobody home.");
        assertThat(officer.get("/people/991000001").body()).contains("Visited; nobody home.");
    }

    @Test
    void keeps_the_stated_purpose_on_the_way_back_so_the_page_does_not_ask_again() {
        FormSession counsel = FormSession.signIn(environment, TestUsers.chicagoAttorney(users));

        HttpResponse<String> response = post(counsel, "991000001",
                Map.of("text", "Reviewed.", "purpose", "appeal review & stay request"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse(""))
                .endsWith("/people/991000001?purpose=appeal%20review%20%26%20stay%20request#notes");
        assertThat(jdbc.sql("select purpose from audit_entry where action = 'CASE_NOTE_ADDED' order by seq desc "
                + "limit 1").query(String.class).single()).isEqualTo("appeal review & stay request");
    }

    @Test
    void a_blank_note_shows_the_page_again_with_the_problem_and_writes_nothing() {
        HttpResponse<String> response = post(FormSession.signIn(environment, "officer"), "991000001",
                Map.of("text", "   "));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("id=\"note-error\"", "a note needs text", "Ana Lopez");
        assertThat(notes()).isEmpty();
    }

    @Test
    void a_note_over_ten_thousand_characters_shows_the_problem_and_keeps_the_draft() {
        HttpResponse<String> response = post(FormSession.signIn(environment, "officer"), "991000001",
                Map.of("text", "y".repeat(10_001)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("at most 10000 characters", "y".repeat(10_001));
        assertThat(notes()).isEmpty();
    }

    @Test
    void an_unknown_person_is_a_404_page() {
        HttpResponse<String> response = post(FormSession.signIn(environment, "officer"), "999999999",
                Map.of("text", "x"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("999999999");
    }

    @Test
    void an_officer_of_another_field_office_gets_a_404_page_and_nothing_is_written() {
        HttpResponse<String> response = post(FormSession.signIn(environment, "officer.chicago"), "991000001",
                Map.of("text", "x"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no person with A-number 991000001").doesNotContain("HOU");
        assertThat(notes()).isEmpty();
    }
}
