package org.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The probe of issue 13, kept: well over a hundred malformed requests, as a careless client or an attacker sends
 * them, against every kind of endpoint. None may be answered with a 5xx; every refusal under {@code /api} is an RFC
 * 9457 problem detail. The findings of the probe each have a request with its exact answer (a 400 naming the field).
 */
@CaseOpsTest
class MalformedRequestsTest {

    @LocalServerPort
    int port;
    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final ObjectMapper json = new ObjectMapper();
    final Map<String, String> tokens = new ConcurrentHashMap<>();

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    record Answer(int status, String contentType, JsonNode body, String raw) {
        String field() {
            return body == null ? null : body.path("field").asText(null);
        }
    }

    Answer send(String user, String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("X-Purpose", "probe");
        if (user != null) {
            request.header("Authorization", "Bearer " + tokens.computeIfAbsent(user, api::token));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode parsed = null;
        if (type.contains("json") && !response.body().isEmpty()) {
            try {
                parsed = json.readTree(response.body());
            } catch (Exception notJson) {
                // left null
            }
        }
        return new Answer(response.statusCode(), type, parsed, response.body());
    }

    Answer post(String user, String path, String body) throws Exception {
        return send(user, "POST", path, "application/json", body);
    }

    Answer get(String user, String path) throws Exception {
        return send(user, "GET", path, null, null);
    }

    static void assertBadInput(Answer answer, String field) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.field()).as(answer.raw()).isEqualTo(field);
    }

    // ---- the findings, each with its exact answer ----------------------------------------------------------

    @Test
    void a_json_body_with_a_key_twice_is_a_400_naming_the_key() throws Exception {
        assertBadInput(post("officer", "/api/people/991000001/notes", "{\"text\": \"a\", \"text\": \"b\"}"), "text");
        assertBadInput(post(null, "/api/auth/token",
                "{\"username\": \"officer\", \"username\": \"admin\", \"password\": \"x\"}"), "username");
        assertThat(jdbc.sql("select count(*) from case_note").query(Long.class).single()).isZero();
    }

    @Test
    void an_as_of_date_out_of_range_is_a_400_naming_it() throws Exception {
        for (String date : List.of("%2B10000-01-01", "-0001-01-01", "0000-01-01", "%2B999999999-12-31", "1899-12-31",
                "2200-01-01")) {
            assertBadInput(get("officer", "/api/people/991000001?asOf=" + date), "asOf");
            assertBadInput(get("officer", "/api/families/1001/executability?asOf=" + date), "asOf");
        }
        assertThat(get("officer", "/api/people/991000001?asOf=2199-12-31").status()).isEqualTo(200);
    }

    @Test
    void dates_out_of_range_in_a_body_are_a_400_naming_the_field() throws Exception {
        for (String date : List.of("+10000-01-01", "-0001-01-01", "10000-01-01", "1800-01-01")) {
            assertBadInput(post("attorney", "/api/cases/991000001/holds",
                    "{\"reason\": \"motion pending\", \"version\": 0, \"placedOn\": \"" + date + "\"}"),
                    "placedOn");
            assertBadInput(post("supervisor", "/api/operations", "{\"name\": \"x\", \"fieldOffices\": [\"HOU\"], "
                    + "\"windowStart\": \"" + date + "\", \"windowEnd\": \"2019-06-30\"}"), "windowStart");
        }
        assertThat(jdbc.sql("select count(*) from legal_hold").query(Long.class).single()).isZero();
    }

    @Test
    void a_password_over_72_bytes_is_a_400_naming_it_and_never_a_500() throws Exception {
        String long73 = "é".repeat(37); // 74 bytes in UTF-8, 37 characters
        assertBadInput(post(null, "/api/auth/token", "{\"username\": \"officer\", \"password\": \"" + long73 + "\"}"),
                "password");
        assertBadInput(post(null, "/api/auth/token", "{\"username\": \"officer\", \"password\": \""
                + "x".repeat(1000) + "\"}"), "password");
        assertBadInput(post("admin", "/api/users", "{\"username\": \"long.pw\", \"role\": \"AUDITOR\", "
                + "\"password\": \"" + "x".repeat(73) + "\"}"), "password");
        // the sign-in form: a wrong password like any other
        Answer form = send(null, "POST", "/login", "application/x-www-form-urlencoded",
                "username=officer&password=" + "x".repeat(100));
        assertThat(form.status()).isLessThan(500);
    }

    @Test
    void a_string_of_a_megabyte_is_a_400_naming_the_field() throws Exception {
        String megabyte = "x".repeat(1_000_000);
        assertBadInput(post("officer", "/api/people/991000001/notes", "{\"text\": \"" + megabyte + "\"}"), "text");
        assertBadInput(post("attorney", "/api/cases/991000001/holds", "{\"version\": 0, \"reason\": \""
                + megabyte + "\"}"),
                "reason");
        assertBadInput(post("supervisor", "/api/tasks", "{\"title\": \"" + megabyte + "\", \"team\": \"HOU\"}"),
                "title");
        assertThat(jdbc.sql("select count(*) from legal_hold").query(Long.class).single()).isZero();
    }

    // ---- the probe --------------------------------------------------------------------------------------------

    /** JSON endpoints, each with a user allowed to call it (so that the body is read, not refused first). */
    static final List<String[]> JSON_ENDPOINTS = List.of(
            new String[] {null, "/api/auth/token"},
            new String[] {"officer", "/api/people/991000001/notes"},
            new String[] {"officer", "/api/people/991000001/call-in-responses"},
            new String[] {"attorney", "/api/cases/991000001/holds"},
            new String[] {"attorney", "/api/cases/991000001/holds/lift"},
            new String[] {"attorney", "/api/cases/991000001/stays"},
            new String[] {"attorney", "/api/screenings"},
            new String[] {"auditor", "/api/case-reviews"},
            new String[] {"supervisor", "/api/tasks"},
            new String[] {"supervisor", "/api/operations"},
            new String[] {"supervisor", "/api/operations/999999/roster"},
            new String[] {"supervisor", "/api/operations/999999/targets/1001/exclude"},
            new String[] {"admin", "/api/users"},
            new String[] {"admin", "/api/partners"},
            new String[] {"officer", "/api/me/tokens"},
            new String[] {"officer", "/api/encounters"});

    static final List<String> BAD_BODIES = List.of("", "null", "[]", "{", "{\"a\":", "123", "\"text\"",
            "{\"a\": 1, \"a\": 2}", "{\"days\": 1e999999, \"asOf\": 99999999999999999999}",
            "{\"asOf\": \"2019-02-30\", \"placedOn\": [1], \"title\": {}, \"text\": 5}",
            "[".repeat(5000) + "]".repeat(5000), "{\"x\": \"\\ud800\"}");

    @Test
    void a_hundred_and_more_malformed_requests_get_no_5xx_and_every_refusal_is_a_problem_detail() throws Exception {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (String[] endpoint : JSON_ENDPOINTS) {
            for (String body : BAD_BODIES) {
                sent++;
                check(failures, post(endpoint[0], endpoint[1], body), "POST " + endpoint[1] + " " + abbreviate(body));
            }
            sent++;
            check(failures, send(endpoint[0], "POST", endpoint[1], "text/plain", "hello"), "text/plain " + endpoint[1]);
        }
        for (String path : List.of("/api/people/%00", "/api/people/" + "9".repeat(5000), "/api/people/..%2F..%2Fetc",
                "/api/tasks/99999999999999999999", "/api/tasks/-1", "/api/operations/abc",
                "/api/families/9223372036854775807/executability", "/api/cases?page=-1", "/api/cases?size=0",
                "/api/cases?size=100000", "/api/cases?page=2147483647&size=500", "/api/cases?inAbsentia=maybe",
                "/api/cases?orderType=%27%3Bdrop%20table", "/api/queues/mine?status=NOPE", "/api/queues/mine?page=-5",
                "/api/imports/1/quarantine?size=100000", "/api/people/991000001?asOf=yesterday",
                "/api/field-offices/%E2%80%AE", "/api/screenings/0", "/api/users/%00",
                "/api/people/991000001/timeline?x=" + "y".repeat(6000))) {
            sent++;
            check(failures, get("attorney", path), "GET " + abbreviate(path));
        }
        assertThat(failures).as("answers of %d malformed requests", sent).isEmpty();
        assertThat(sent).isGreaterThanOrEqualTo(100);
    }

    private static void check(List<String> failures, Answer answer, String what) {
        if (answer.status() >= 500) {
            failures.add(answer.status() + " for " + what + ": " + abbreviate(answer.raw()));
        } else if (answer.status() >= 400 && !answer.contentType().startsWith("application/problem+json")) {
            failures.add(answer.status() + " without a problem detail for " + what + ": " + answer.contentType());
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
