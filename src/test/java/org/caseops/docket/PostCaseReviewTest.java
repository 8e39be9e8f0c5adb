package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
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
class PostCaseReviewTest {

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.caseops.access.Users users;
    @Autowired
    org.springframework.core.env.Environment environment;

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    private ResponseEntity<JsonNode> review(String user, Map<String, String> body) {
        return api.as(user, null).postForEntity("/api/case-reviews", body, JsonNode.class);
    }

    @Test
    void an_auditor_opens_a_named_record_for_a_stated_reason_and_the_review_is_audited() {
        ResponseEntity<JsonNode> response = review("auditor",
                Map.of("aNumber", "991000001", "reason", "OIG complaint 2019-0142"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("person").path("aNumber").asText()).isEqualTo("991000001");
        assertThat(response.getBody().path("timeline").isArray()).isTrue();
        assertThat(jdbc.sql("select purpose from audit_entry where action = 'CASE_REVIEW' and subject_id = '991000001'"
                + " order by seq desc limit 1").query(String.class).single()).isEqualTo("OIG complaint 2019-0142");
    }

    @Test
    void the_api_shows_a_persons_audit_entries_only_through_the_callers_own_case_review_of_that_person() {
        api.as("officer").getForEntity("/api/people/991000001", JsonNode.class);
        String entries = "/api/audit/entries?subjectType=PERSON&subjectId=991000001&actor=officer&limit=5";

        JsonNode hidden = api.as("auditor").getForEntity(entries, JsonNode.class).getBody();
        assertThat(hidden).isNotEmpty().allSatisfy(e -> {
            assertThat(e.path("subjectId").isNull()).isTrue();
            assertThat(e.path("detail").asText()).startsWith("person-level");
        });

        review("auditor", Map.of("aNumber", "991000001", "reason", "OIG complaint 2019-0142"));
        long review = jdbc.sql("select seq from audit_entry where action = 'CASE_REVIEW' and actor = 'auditor' "
                + "and subject_id = '991000001' order by seq desc limit 1").query(Long.class).single();
        JsonNode shown = api.as("auditor").getForEntity(entries + "&review=" + review, JsonNode.class).getBody();
        assertThat(shown).isNotEmpty().allSatisfy(e -> {
            assertThat(e.path("subjectId").asText()).isEqualTo("991000001");
            assertThat(e.path("detail").asText()).doesNotStartWith("person-level");
        });
        // another person's entries stay hidden under this review
        assertThat(api.as("auditor").getForEntity("/api/audit/entries?subjectType=PERSON&subjectId=991000003"
                + "&review=" + review, JsonNode.class).getBody()).allSatisfy(e ->
                assertThat(e.path("subjectId").isNull()).isTrue());

        // someone else's review, or an entry that is no review, opens nothing
        TestUsers.ensure(users, "auditor.two", org.caseops.access.Role.AUDITOR, null);
        assertThat(api.as("auditor.two").getForEntity(entries + "&review=" + review, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        long read = jdbc.sql("select max(seq) from audit_entry where action = 'PERSON_READ'").query(Long.class)
                .single();
        assertThat(api.as("auditor").getForEntity(entries + "&review=" + read, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void an_auditor_opens_a_case_review_from_the_browser_and_lands_on_the_persons_audit_entries_through_it() {
        org.caseops.fixtures.FormSession auditor = org.caseops.fixtures.FormSession.signIn(environment, "auditor");
        assertThat(auditor.get("/").body()).contains("href=\"/case-reviews/new\"");
        String csrf = auditor.csrfToken("/case-reviews/new");

        java.net.http.HttpResponse<String> noReason = auditor.postForm("/case-reviews", csrf,
                Map.of("aNumber", "A-991-000-001", "reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"review-reason-error\"", "value=\"A-991-000-001\"");
        java.net.http.HttpResponse<String> nobody = auditor.postForm("/case-reviews", csrf,
                Map.of("aNumber", "999999999", "reason", "sample"));
        assertThat(nobody.statusCode()).isEqualTo(404);
        assertThat(nobody.body()).contains("id=\"review-a-number-error\"", "no person with A-number 999999999");

        java.net.http.HttpResponse<String> opened = auditor.postForm("/case-reviews", csrf,
                Map.of("aNumber", "A-991-000-001", "reason", "OIG complaint 2019-0142"));
        assertThat(opened.statusCode()).isEqualTo(302);
        long review = jdbc.sql("select seq from audit_entry where action = 'CASE_REVIEW' and actor = 'auditor' "
                + "and subject_id = '991000001' and purpose = 'OIG complaint 2019-0142' order by seq desc limit 1")
                .query(Long.class).single();
        String to = opened.headers().firstValue("Location").orElseThrow();
        assertThat(to).endsWith("/audit?review=" + review + "&subjectType=PERSON&subjectId=991000001");
        assertThat(auditor.get(to.substring(to.indexOf("/audit"))).body()).contains("id=\"revealed\"",
                "PERSON 991000001");

        assertThat(org.caseops.fixtures.FormSession.signIn(environment, "officer").get("/case-reviews/new")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void a_review_without_a_reason_is_a_400_naming_the_field() {
        Problems.assertBadInput(review("auditor", Map.of("aNumber", "991000001")), "reason");
    }

    @Test
    void an_unknown_person_is_a_404() {
        Problems.assertNotFound(review("auditor", Map.of("aNumber", "999999999", "reason", "sample")), "999999999");
    }

    @Test
    void only_oversight_opens_case_reviews() {
        assertThat(review("officer", Map.of("aNumber", "991000001", "reason", "x")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.anonymous().postForEntity("/api/case-reviews", Map.of("aNumber", "991000001", "reason", "x"),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
