package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.caseops.fixtures.Api;
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

@CaseOpsTest
class PostPersonNotesTest {

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    long auditBefore;

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        auditBefore = jdbc.sql("select coalesce(max(seq), 0) from audit_entry").query(Long.class).single();
    }

    private ResponseEntity<JsonNode> post(String user, String aNumber, Object text) {
        TestRestTemplate http = api.as(user);
        return http.postForEntity("/api/people/" + aNumber + "/notes", text == null ? Map.of()
                : Map.of("text", text), JsonNode.class);
    }

    private long notes() {
        return jdbc.sql("select count(*) from case_note").query(Long.class).single();
    }

    @Test
    void an_officer_adds_a_note_to_a_person_of_their_field_office() {
        ResponseEntity<JsonNode> response = post("officer", "A-991-000-001", "Called the lead; she asks for a new date.");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getHeaders().getLocation()).hasToString("/api/people/991000001/notes");
        JsonNode note = response.getBody();
        assertThat(note.path("id").asLong()).isPositive();
        assertThat(note.path("aNumber").asText()).isEqualTo("991000001");
        assertThat(note.path("text").asText()).isEqualTo("Called the lead; she asks for a new date.");
        assertThat(note.path("author").asText()).isEqualTo("officer");
        assertThat(note.path("createdAt").asText()).isNotBlank();
    }

    @Test
    void the_note_goes_on_the_timeline_without_its_text_and_into_the_audit_trail() {
        long id = post("officer", "991000001", "Sensitive: medical appointment on Friday").getBody().path("id")
                .asLong();

        String summary = jdbc.sql("""
                select e.summary from case_event e join person p on p.id = e.person_id
                where e.kind = 'CASE_NOTE_ADDED' and p.a_number = '991000001'""").query(String.class).single();
        assertThat(summary).isEqualTo("Case note " + id + " added").doesNotContain("medical");
        Map<String, Object> audit = jdbc.sql("""
                select actor, subject_type, subject_id, detail from audit_entry
                where action = 'CASE_NOTE_ADDED' and seq > ?""").param(auditBefore).query().singleRow();
        assertThat(audit).containsEntry("actor", "officer").containsEntry("subject_type", "PERSON")
                .containsEntry("subject_id", "991000001").containsEntry("detail", "case note " + id);
        JsonNode timeline = api.as("attorney").getForObject("/api/people/991000001/timeline", JsonNode.class);
        assertThat(timeline.findValuesAsText("kind")).contains("CASE_NOTE_ADDED");
    }

    @Test
    void counsel_adds_notes_in_any_field_office() {
        assertThat(post("attorney", "991000003", "Reviewed the appeal record.").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void keeps_a_note_of_exactly_ten_thousand_characters_as_typed() {
        String text = "  " + "é".repeat(9_996) + "\n\n";

        ResponseEntity<JsonNode> response = post("officer", "991000001", text);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.sql("select body from case_note").query(String.class).single()).isEqualTo(text);
    }

    @Test
    void a_blank_note_is_a_400_naming_the_field() {
        Problems.assertBadInput(post("officer", "991000001", " \n\t "), "text");
        Problems.assertBadInput(post("officer", "991000001", null), "text");
        assertThat(notes()).isZero();
    }

    @Test
    void a_note_over_ten_thousand_characters_is_a_400_naming_the_field() {
        Problems.assertBadInput(post("officer", "991000001", "x".repeat(10_001)), "text");
        assertThat(notes()).isZero();
    }

    @Test
    void a_malformed_a_number_is_a_400_naming_the_field() {
        Problems.assertBadInput(post("officer", "12345", "text"), "aNumber");
    }

    @Test
    void an_unknown_person_is_a_404() {
        Problems.assertNotFound(post("officer", "999999999", "text"), "999999999");
    }

    @Test
    void an_officer_of_another_field_office_is_refused_and_nothing_is_written() {
        ResponseEntity<JsonNode> response = post("officer.chicago", "991000001", "text");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().path("detail").asText()).isEqualTo("no person with A-number 991000001")
                .doesNotContain("HOU");
        assertThat(notes()).isZero();
        assertThat(jdbc.sql("select count(*) from case_event where kind = 'CASE_NOTE_ADDED'").query(Long.class)
                .single()).isZero();
    }

    @Test
    void partners_auditors_and_administrators_may_not_write_notes() {
        for (String user : new String[] {"partner", "auditor", "admin"}) {
            assertThat(post(user, "991000001", "text").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(notes()).isZero();
    }

    @Test
    void without_signing_in_it_is_refused_and_nothing_is_written() {
        ResponseEntity<JsonNode> response = api.anonymous().postForEntity("/api/people/991000001/notes",
                Map.of("text", "text"), JsonNode.class);

        // A request with neither a bearer token nor a CSRF token is refused by the CSRF check (403) before the
        // sign-in check would answer 401: either way it never reaches the endpoint.
        assertThat(response.getStatusCode().value()).isIn(401, 403);
        assertThat(notes()).isZero();
    }
}
