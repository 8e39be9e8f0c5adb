package org.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The handler lookup that checks a mapping's literal path prefix first ({@link HandlerLookup}) chooses what Spring
 * chose: a path with a variable reaches its handler, escaped or not; a method the path does not take is 405 with its
 * Allow header; a path no mapping's prefix fits is 404. (Every one of the 371 routes, for every role, is in
 * AuthorizationMatrixTest.)
 */
@CaseOpsTest
class HandlerLookupTest {

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    Api api;
    @LocalServerPort
    int port;

    @Test
    void a_patterns_literal_prefix_ends_before_the_slash_of_its_first_variable_or_wildcard() {
        assertThat(HandlerLookup.PathIndexed.literalPrefix("/api/people/{aNumber}/notes")).isEqualTo("/api/people");
        assertThat(HandlerLookup.PathIndexed.literalPrefix("/files/{*rest}")).isEqualTo("/files");
        assertThat(HandlerLookup.PathIndexed.literalPrefix("/css/**")).isEqualTo("/css");
        assertThat(HandlerLookup.PathIndexed.literalPrefix("/api/reports/x{year}")).isEqualTo("/api/reports");
        assertThat(HandlerLookup.PathIndexed.literalPrefix("/{id}")).isEmpty();
        assertThat(HandlerLookup.PathIndexed.literalPrefix("/login")).isEqualTo("/login");
        // "/css/**" matches "/css" itself: the prefix leaves its slash out
        assertThat(HandlerLookup.PathIndexed.mayMatch(new String[] {"/css"}, "/css")).isTrue();
        assertThat(HandlerLookup.PathIndexed.mayMatch(new String[] {"/api/people"}, "/api/operations/1")).isFalse();
        assertThat(HandlerLookup.PathIndexed.mayMatch(null, "/anything")).isTrue();
        assertThat(mappings).isInstanceOf(HandlerLookup.PathIndexed.class);
    }

    @Test
    void the_handler_chosen_the_405_and_the_404_are_springs() throws Exception {
        HttpResponse<String> found = send("GET", "/api/operations/987654");
        assertThat(found.statusCode()).isEqualTo(404);
        assertThat(found.body()).contains("operation 987654");
        // escaped, the path is matched decoded, without the prefix check: the same handler
        HttpResponse<String> escaped = send("GET", "/api/operation%73/987654");
        assertThat(escaped.statusCode()).isEqualTo(404);
        assertThat(escaped.body()).contains("operation 987654");

        HttpResponse<String> wrongMethod = send("PATCH", "/api/operations/987654");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow").orElse("")).contains("GET");

        HttpResponse<String> none = send("GET", "/api/operationsx/987654");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).doesNotContain("operation 987654");
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + api.token("supervisor")).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
