package org.caseops.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Security headers on pages and the session cookie (issue 13): a content security policy with no inline script or
 * style and no framing, nosniff, a referrer policy, HSTS when the request came over TLS (here through a proxy's
 * {@code X-Forwarded-Proto}), and a session cookie that is HttpOnly, SameSite and, behind TLS, Secure.
 */
@CaseOpsTest
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pages_carry_a_strict_content_security_policy_and_the_other_headers() throws Exception {
        for (String path : List.of("/login", "/api/me")) {
            HttpResponse<String> response = get(path);
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                    "object-src 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as("no HSTS over plain HTTP")
                    .isEmpty();
        }
    }

    @Test
    void behind_tls_the_answer_carries_hsts_and_the_session_cookie_is_secure() throws Exception {
        HttpResponse<String> page = get("/login", "X-Forwarded-Proto", "https");
        assertThat(page.headers().firstValue("Strict-Transport-Security").orElse(""))
                .contains("max-age=31536000").contains("includeSubDomains");
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Secure");

        // the cookie of a sign-in over TLS, too
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();
        String session = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/login")).header("X-Forwarded-Proto", "https").header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=officer&password="
                        + URLEncoder.encode(Api.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .allSatisfy(c -> assertThat(c).contains("HttpOnly", "SameSite=Lax", "Secure"));
    }

    @Test
    void over_plain_http_the_session_cookie_is_http_only_and_same_site() throws Exception {
        String cookie = get("/login").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
    }

    /** The policy allows no inline script: the templates must not need one. */
    @Test
    void templates_hold_no_inline_script_style_or_event_handler() throws IOException {
        Path templates = Path.of("src/main/resources/templates");
        try (Stream<Path> files = Files.list(templates)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                Matcher script = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE)
                        .matcher(html);
                assertThat(script.find()).as("inline <script> in " + file).isFalse();
                assertThat(html).as(file.toString()).doesNotContainPattern("(?i)<style[\\s>]")
                        .doesNotContainPattern("(?i)\\sstyle=\"").doesNotContainPattern("(?i)\\son[a-z]+=\"")
                        .doesNotContainPattern("(?i)javascript:");
            }
        }
        try (InputStream css = getClass().getResourceAsStream("/static/css/caseops.css")) {
            assertThat(css).as("the pages' own stylesheet").isNotNull();
        }
    }
}
