package org.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.FormSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Two requests of one browser session that each add the same attribute to it — the CSRF token, made when a page with
 * a form is first rendered after the sign-in — both save it. Spring Session inserts an attribute the session did not
 * have when it was read, so the second insert broke the primary key of {@code spring_session_attributes}; PostgreSQL's
 * upsert ({@code PostgreSqlJdbcIndexedSessionRepositoryCustomizer}, {@link Sessions}) keeps the later value instead.
 */
@CaseOpsTest
class SessionAttributesTest {

    @Autowired
    JdbcIndexedSessionRepository sessions;
    @Autowired
    Environment environment;

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void two_saves_adding_the_same_attribute_keep_the_later_one() {
        SessionRepository<Session> sessions = (SessionRepository) this.sessions;
        Session created = sessions.createSession();
        created.setAttribute("caseops.test.first", "there");
        sessions.save(created);
        String id = created.getId();

        Session one = sessions.findById(id);
        Session two = sessions.findById(id);
        one.setAttribute("caseops.test.added", "by the first request");
        two.setAttribute("caseops.test.added", "by the second request");
        sessions.save(one);
        sessions.save(two);

        Session stored = sessions.findById(id);
        assertThat((String) stored.getAttribute("caseops.test.added")).isEqualTo("by the second request");
        assertThat((String) stored.getAttribute("caseops.test.first")).isEqualTo("there");
        sessions.deleteById(id);
    }

    @Test
    void the_first_pages_after_a_sign_in_loaded_at_once_all_answer_and_the_session_goes_on() {
        FormSession supervisor = FormSession.signIn(environment, "supervisor");
        // a browser opening several tabs (or a page and its htmx fragments) right after the sign-in: every page with
        // a form makes the session's CSRF token if it has none yet
        List<CompletableFuture<HttpResponse<String>>> pages = IntStream.range(0, 12)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> supervisor.get(i % 2 == 0 ? "/" : "/operations")))
                .toList();
        List<String> tokens = new java.util.ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> page : pages) {
            assertThat(page.join().statusCode()).isEqualTo(200);
            java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"")
                    .matcher(page.join().body());
            assertThat(csrf.find()).isTrue();
            tokens.add(csrf.group(1));
        }
        // the session's one token, made at the sign-in: the form of every one of those pages is accepted
        for (int i = 0; i < tokens.size(); i++) {
            String day = "2019-06-" + (10 + i);
            HttpResponse<String> workingDate = supervisor.postForm("/working-date", tokens.get(i), Map.of("asOf", day));
            assertThat(workingDate.statusCode()).as("the form of page %d", i).isEqualTo(302);
            assertThat(supervisor.get("/").body()).contains(day);
        }
    }
}
