package org.caseops.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A record in another field office answers exactly as one that does not exist (404, the same problem detail, no
 * field office named) unless the purpose rule lets the caller read it (issue 13); and every refused request — 401,
 * 403, and such a hidden 404 — leaves an audit entry ({@code ACCESS_REFUSED}).
 */
@CaseOpsTest
class ExistenceLeakTest {

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    /** The problem detail without what differs by the id asked for: the id itself and the request path. */
    private static String shape(ResponseEntity<JsonNode> response, String id) {
        JsonNode body = response.getBody();
        return response.getStatusCode() + " " + response.getHeaders().getContentType() + " "
                + body.path("title").asText() + " | " + body.path("detail").asText().replace(id, "<id>") + " | "
                + body.path("type").asText();
    }

    private long refusals() {
        return jdbc.sql("select count(*) from audit_entry where action = 'ACCESS_REFUSED'").query(Long.class).single();
    }

    @Test
    void a_houston_record_answers_a_chicago_officer_as_one_that_does_not_exist() {
        TestRestTemplate chicago = api.as("officer.chicago");
        List<String[]> pairs = List.of(
                new String[] {"/api/people/%s", "991000001", "999999991"},
                new String[] {"/api/people/%s/timeline", "991000001", "999999991"},
                new String[] {"/api/people/%s/notes", "991000001", "999999991"},
                new String[] {"/api/families/%s", "1001", "999991"},
                new String[] {"/api/families/%s/executability", "1001", "999991"},
                new String[] {"/api/cases/%s/executability", "991000001", "999999991"},
                new String[] {"/api/cases/%s/holds", "991000001", "999999991"},
                new String[] {"/api/cases/%s/stays", "991000001", "999999991"});
        for (String[] pair : pairs) {
            long before = refusals();
            ResponseEntity<JsonNode> existing = chicago.getForEntity(String.format(pair[0], pair[1]), JsonNode.class);
            ResponseEntity<JsonNode> missing = chicago.getForEntity(String.format(pair[0], pair[2]), JsonNode.class);

            assertThat(existing.getStatusCode()).as(pair[0]).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(shape(existing, pair[1])).as(pair[0]).isEqualTo(shape(missing, pair[2]));
            assertThat(existing.getBody().toString()).as(pair[0]).doesNotContain("HOU", "Houston");
            assertThat(refusals()).as("the hidden refusal of " + pair[0] + " is audited").isEqualTo(before + 1);
        }
        String detail = jdbc.sql("select detail from audit_entry where action = 'ACCESS_REFUSED' and actor = "
                + "'officer.chicago' order by seq desc limit 1").query(String.class).single();
        assertThat(detail).startsWith("404 GET /api/cases/991000001/stays").contains("HOU");
    }

    @Test
    void a_change_to_a_record_of_another_field_office_answers_as_one_that_does_not_exist() {
        TestRestTemplate chicago = api.as("officer.chicago");
        ResponseEntity<JsonNode> existing = chicago.postForEntity("/api/people/991000001/notes",
                Map.of("text", "visited"), JsonNode.class);
        ResponseEntity<JsonNode> missing = chicago.postForEntity("/api/people/999999991/notes",
                Map.of("text", "visited"), JsonNode.class);

        assertThat(existing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(shape(existing, "991000001")).isEqualTo(shape(missing, "999999991"));
        assertThat(jdbc.sql("select count(*) from case_note").query(Long.class).single()).isZero();
    }

    @Test
    void counsel_of_another_field_office_reads_it_with_a_purpose_as_the_purpose_rule_allows() {
        String counsel = org.caseops.fixtures.TestUsers.chicagoAttorney(users);
        assertThat(api.as(counsel).getForEntity("/api/people/991000001", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> noPurpose = api.as(counsel, null).getForEntity("/api/people/991000001",
                JsonNode.class);
        assertThat(noPurpose.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noPurpose.getBody().path("field").asText()).isEqualTo("X-Purpose");
    }

    @Autowired
    Users users;

    @Test
    void refused_requests_are_audited_401_and_403_alike() {
        long before = refusals();
        assertThat(api.anonymous().getForEntity("/api/people/991000001", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.as("auditor").getForEntity("/api/people/991000001", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("officer").postForEntity("/api/screenings", Map.of("asOf", "2019-06-23"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        List<Map<String, Object>> entries = jdbc.sql("""
                select actor, role, detail from (select * from audit_entry where action = 'ACCESS_REFUSED'
                                                 order by seq desc limit 3) last order by seq""").query().listOfRows();
        assertThat(refusals()).isEqualTo(before + 3);
        assertThat(entries).extracting(e -> e.get("actor") + " " + e.get("role") + " " + e.get("detail"))
                .satisfiesExactly(
                        e -> assertThat(e).startsWith("(anonymous) NONE 401 GET /api/people/991000001"),
                        e -> assertThat(e).startsWith("auditor AUDITOR 403 GET /api/people/991000001"),
                        e -> assertThat(e).startsWith("officer OFFICER 403 POST /api/screenings"));
    }
}
