package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.caseops.access.Users;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.Problems;
import org.caseops.fixtures.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@CaseOpsTest
class GetPersonNotesTest {

    @Autowired
    Api api;
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
        for (String text : new String[] {"first", "second", "third"}) {
            api.as("officer").postForEntity("/api/people/991000001/notes", Map.of("text", text), JsonNode.class);
        }
        api.as("officer").postForEntity("/api/people/991000003/notes", Map.of("text", "someone else"),
                JsonNode.class);
        auditBefore = jdbc.sql("select coalesce(max(seq), 0) from audit_entry").query(Long.class).single();
    }

    private ResponseEntity<JsonNode> get(String user, String aNumber) {
        return api.as(user).getForEntity("/api/people/" + aNumber + "/notes", JsonNode.class);
    }

    @Test
    void lists_the_persons_notes_oldest_first_and_audits_the_read() {
        ResponseEntity<JsonNode> response = get("supervisor", "991000001");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().findValuesAsText("text")).containsExactly("first", "second", "third");
        assertThat(response.getBody().findValuesAsText("author")).containsOnly("officer");
        assertThat(jdbc.sql("""
                select count(*) from audit_entry where action = 'CASE_NOTES_READ' and actor = 'supervisor'
                and subject_id = '991000001' and seq > ?""").param(auditBefore).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void a_person_without_notes_has_an_empty_list() {
        assertThat(get("officer", "991000002").getBody()).isEmpty();
    }

    @Test
    void counsel_of_another_field_office_reads_with_a_stated_purpose_which_is_audited() {
        String counsel = TestUsers.chicagoAttorney(users);

        ResponseEntity<JsonNode> response = get(counsel, "991000001");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.sql("""
                select purpose from audit_entry where action = 'CASE_NOTES_READ' and actor = ? and seq > ?""")
                .params(counsel, auditBefore).query(String.class).single()).isEqualTo(Api.PURPOSE);
    }

    @Test
    void without_a_purpose_outside_the_own_field_office_it_is_a_400_naming_the_header() {
        ResponseEntity<JsonNode> response = api.as(TestUsers.chicagoAttorney(users), null)
                .getForEntity("/api/people/991000001/notes", JsonNode.class);

        Problems.assertBadInput(response, "X-Purpose");
    }

    @Test
    void a_malformed_a_number_is_a_400_naming_the_field() {
        Problems.assertBadInput(get("officer", "A-12"), "aNumber");
    }

    @Test
    void an_unknown_person_is_a_404() {
        Problems.assertNotFound(get("officer", "999999999"), "999999999");
    }

    @Test
    void an_officer_of_another_field_office_is_refused() {
        ResponseEntity<JsonNode> response = get("officer.chicago", "991000001");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().toString()).doesNotContain("first");
    }

    @Test
    void partners_auditors_and_administrators_see_no_notes() {
        for (String user : new String[] {"partner", "auditor", "admin"}) {
            assertThat(get(user, "991000001").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }
}
