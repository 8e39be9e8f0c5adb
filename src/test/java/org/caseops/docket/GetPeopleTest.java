package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.FormSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** The start page's search, {@code GET /people?aNumber=}: it opens the person page. */
@CaseOpsTest
class GetPeopleTest {

    @Autowired
    Environment environment;

    private HttpResponse<String> find(String user, String query) {
        return FormSession.signIn(environment, user).get("/people" + query);
    }

    @Test
    void sends_the_browser_to_the_person_page_of_the_a_number_however_it_was_typed() {
        HttpResponse<String> response = find("officer", "?aNumber=A-991-000-001");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/people/991000001");
    }

    @Test
    void a_malformed_a_number_is_a_400_page_naming_it() {
        HttpResponse<String> response = find("officer", "?aNumber=A-12%3Cb%3E");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("A-number", "A-12&lt;b&gt;");
    }

    @Test
    void no_a_number_is_a_400_page() {
        assertThat(find("officer", "?aNumber=%20").statusCode()).isEqualTo(400);
        assertThat(find("officer", "").statusCode()).isEqualTo(400);
    }

    @Test
    void partners_auditors_and_administrators_get_a_403_page() {
        for (String user : new String[] {"partner", "auditor", "admin"}) {
            assertThat(find(user, "?aNumber=991000001").statusCode()).as(user).isEqualTo(403);
        }
    }
}
