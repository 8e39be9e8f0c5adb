package org.caseops.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicBoolean;
import org.caseops.fixtures.CaseOpsTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * Spring Security matches paths by itself ({@link SecurityMatching}): the introspector's cache filter, which wraps the
 * security filter chain, lets a request through without looking up its handler (the dispatcher's lookup is the only
 * one), and the paths open to everyone are still open while the others still ask for a sign-in.
 */
@CaseOpsTest
class SecurityMatchingTest {

    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;

    @Test
    void the_security_chain_looks_no_handler_up_before_the_dispatcher() throws Exception {
        HandlerMappingIntrospector introspector = context.getBean(SecurityMatching.INTROSPECTOR,
                HandlerMappingIntrospector.class);
        assertThat(introspector).isInstanceOf(SecurityMatching.OneHandlerLookup.class);
        // still Spring MVC's introspector for whoever asks it: it knows the application's handler mappings
        assertThat(introspector.getHandlerMappings()).isNotEmpty();

        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/people/991000001");
        AtomicBoolean through = new AtomicBoolean();
        introspector.createCacheFilter().doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            through.set(true);
            // Spring's cache filter leaves the looked-up handler in a request attribute for the chain's matchers
            assertThat(Collections.list(req.getAttributeNames())).isEmpty();
        });
        assertThat(through).isTrue();
    }

    @Test
    void open_paths_stay_open_and_the_others_ask_for_a_sign_in() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String open : new String[] {"/login", "/actuator/health", "/locator", "/public/statistics",
                "/v3/api-docs", "/css/caseops.css"}) {
            assertThat(get(http, open).statusCode()).as(open).isEqualTo(200);
        }
        HttpResponse<String> page = get(http, "/operations");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(get(http, "/api/people/991000001").statusCode()).isEqualTo(401);
        // a path below one open to everyone is not open
        assertThat(get(http, "/locator/x").statusCode()).isEqualTo(302);
    }

    private HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
