package org.caseops.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.operation.OperationsApi.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.FormSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code /legal-reviews}: counsel clears or returns an operation's legal review from a page. */
@CaseOpsTest
class LegalReviewPagesTest {

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;

    @Test
    void counsel_clears_a_review_from_the_page_it_waits_for_the_directors_approval_and_a_second_clearance_says_by_whom() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        OperationsApi ops = new OperationsApi(api);
        long id = ops.houstonOperation();
        String path = "/api/operations/" + id;
        ok(ops.post("supervisor", path + "/targets", Map.of("familyId", 1001)), HttpStatus.CREATED);
        JsonNode submitted = ok(ops.post("supervisor", path + "/submit", Map.of()), HttpStatus.OK);
        String version = submitted.path("operation").path("version").asText();
        FormSession attorney = FormSession.signIn(environment, "attorney");

        assertThat(attorney.get("/").body()).contains("id=\"panel-legal-reviews\"", id + " Houston family op");
        String page = attorney.get("/legal-reviews").body();
        assertThat(page).contains("href=\"/legal-reviews\"", "Houston family op", "waiting for counsel",
                "id=\"clear-" + id + "\"", "id=\"return-" + id + "\"", "name=\"_csrf\"");
        HttpResponse<String> cleared = attorney.postForm("/legal-reviews/" + id + "/clear",
                Map.of("version", version, "note", "orders final, no stays"));
        assertThat(cleared.statusCode()).isEqualTo(302);
        assertThat(attorney.get("/legal-reviews").body()).contains("Legal review of operation " + id + " cleared",
                "cleared by attorney at ").doesNotContain("id=\"clear-" + id + "\"");
        assertThat(jdbc.sql("select legal_cleared_by from operation where id = ?").param(id).query(String.class)
                .single()).isEqualTo("attorney");

        String directorHome = FormSession.signIn(environment, "director").get("/").body();
        assertThat(directorHome).contains("id=\"panel-approvals\"", "Waiting for my approval",
                "href=\"/operations/" + id + "\"", "Operation " + id + " Houston family op", "cleared by attorney",
                "operations to approve", "worksite nominations to decide");
        assertThat(FormSession.signIn(environment, "supervisor").get("/").body()).doesNotContain("panel-approvals");

        attorney.postForm("/legal-reviews/" + id + "/clear", Map.of("version", version));
        assertThat(attorney.get("/legal-reviews").body()).contains("id=\"review-error\"",
                "Operation " + id + ": ");
        attorney.postForm("/legal-reviews/" + id + "/return", Map.of());
        assertThat(attorney.get("/legal-reviews").body()).contains("Operation " + id + ": findings: ");
        HttpResponse<String> csv = attorney.get("/legal-reviews?format=csv");
        assertThat(csv.body()).startsWith("Operation,Field offices,Window,Review").contains("Houston family op");
    }

    @Test
    void roles_other_than_counsel_see_no_link_and_get_a_403() {
        for (String user : List.of("officer", "supervisor", "director", "auditor", "partner", "admin")) {
            FormSession session = FormSession.signIn(environment, user);
            assertThat(session.get("/").body()).as(user).doesNotContain("href=\"/legal-reviews\"");
            assertThat(session.get("/legal-reviews").statusCode()).as(user).isEqualTo(403);
        }
    }
}
