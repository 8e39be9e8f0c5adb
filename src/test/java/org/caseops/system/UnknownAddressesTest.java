package org.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.FormSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** An address CaseOps does not serve: the 404 page for a browser, a problem detail for an API client. */
@CaseOpsTest
class UnknownAddressesTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,"
            + "image/webp,*/*;q=0.8";

    @Autowired
    Environment environment;

    @Test
    void a_browser_gets_the_not_found_page_with_the_layout() {
        HttpResponse<String> page = FormSession.signIn(environment, "officer").get("/no/such/page", BROWSER);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<h1>Page not found</h1>", "CaseOps has no page at /no/such/page",
                "id=\"signed-in-as\">officer<", "aria-label=\"Main\"", "href=\"/search\"");
    }

    @Test
    void an_api_client_gets_a_problem_detail() throws Exception {
        FormSession officer = FormSession.signIn(environment, "officer");
        for (String accept : new String[] {"application/json", "application/problem+json", "*/*"}) {
            HttpResponse<String> answer = officer.get("/api/no-such-thing", accept);

            assertThat(answer.statusCode()).as(accept).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(accept)
                    .startsWith("application/problem+json");
            JsonNode problem = new ObjectMapper().readTree(answer.body());
            assertThat(problem.path("status").asInt()).isEqualTo(404);
            assertThat(problem.path("title").asText()).isEqualTo("Not found");
            assertThat(problem.path("detail").asText()).isEqualTo("no resource at GET /api/no-such-thing");
        }
    }

    @Test
    void a_browser_wanting_json_more_than_html_gets_the_problem_detail() {
        HttpResponse<String> answer = FormSession.signIn(environment, "officer")
                .get("/no/such/page", "application/json, text/html;q=0.5");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).startsWith("{").contains("\"status\":404");
    }

    @Test
    void signed_out_an_unknown_page_asks_for_sign_in_first_and_tells_nothing() {
        HttpResponse<String> page = FormSession.anonymous(environment).get("/no/such/page", BROWSER);

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
    }
}
