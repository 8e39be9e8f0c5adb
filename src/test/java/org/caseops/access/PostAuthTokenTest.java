package org.caseops.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Problems;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@CaseOpsTest
class PostAuthTokenTest {

    @Autowired
    Api api;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;

    private ResponseEntity<JsonNode> token(String username, String password) {
        return api.anonymous().postForEntity("/api/auth/token", Map.of("username", username, "password", password),
                JsonNode.class);
    }

    private ResponseEntity<JsonNode> me(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return api.anonymous().exchange("/api/me", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    @Test
    void exchanges_a_password_for_a_short_lived_bearer_token_stored_only_as_a_hash() {
        ResponseEntity<JsonNode> response = token("officer", Api.PASSWORD);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        String token = response.getBody().path("token").asText();
        assertThat(token).startsWith(Tokens.PREFIX);
        assertThat(response.getBody().path("tokenType").asText()).isEqualTo("Bearer");
        JsonNode me = me(token).getBody();
        assertThat(me.path("username").asText()).isEqualTo("officer");
        assertThat(me.path("role").asText()).isEqualTo("OFFICER");
        assertThat(me.path("fieldOffice").asText()).isEqualTo("HOU");
        assertThat(jdbc.sql("select count(*) from access_token where token_hash = ? or token_hash = ?")
                .params(token, Tokens.hash(token)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from access_token where token_hash = ?").param(token)
                .query(Long.class).single()).isZero();
    }

    @Test
    void a_token_notes_when_it_was_last_used_once_a_minute_not_on_every_request() {
        String token = token("officer", Api.PASSWORD).getBody().path("token").asText();
        assertThat(me(token).getStatusCode()).isEqualTo(HttpStatus.OK);
        java.time.OffsetDateTime first = lastUsed(token);
        assertThat(first).isNotNull();

        assertThat(me(token).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(lastUsed(token)).isEqualTo(first);

        // a minute later (moved back by hand) the next request writes it again
        jdbc.sql("update access_token set last_used_at = last_used_at - interval '61 seconds' where token_hash = ?")
                .param(Tokens.hash(token)).update();
        assertThat(me(token).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(lastUsed(token)).isAfter(first.minusSeconds(61));
    }

    /**
     * No cache between a token and its user: with eight clients sending requests with one token without pause, every
     * request sent after the revocation has been answered is refused, and a change of field office is seen by the
     * next request (issue 12: the token, the user and the grants are one query on every request).
     */
    @Test
    void a_token_in_use_by_many_clients_is_refused_from_the_first_request_after_its_revocation() throws Exception {
        users.add(new Users.NewUser("officer.busy", null, Role.OFFICER, "HOU", null, Api.PASSWORD), "test");
        String busy = token("officer.busy", Api.PASSWORD).getBody().path("token").asText();
        assertThat(me(busy).getBody().path("fieldOffice").asText()).isEqualTo("HOU");
        jdbc.sql("update app_user set field_office_code = 'CHI' where username = 'officer.busy'").update();
        assertThat(me(busy).getBody().path("fieldOffice").asText()).as("the next request").isEqualTo("CHI");

        java.util.concurrent.atomic.AtomicLong revokedAt = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        java.util.Queue<String> wrong = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.List<Thread> clients = new java.util.ArrayList<>();
        for (int c = 0; c < 8; c++) {
            Thread client = new Thread(() -> {
                while (!stop.get()) {
                    long sent = System.nanoTime();
                    HttpStatus status = HttpStatus.valueOf(me(busy).getStatusCode().value());
                    if (status == HttpStatus.OK) {
                        answered.incrementAndGet();
                    } else if (status == HttpStatus.UNAUTHORIZED) {
                        refused.incrementAndGet();
                    }
                    boolean afterRevocation = sent - revokedAt.get() > 0;
                    if (afterRevocation ? status != HttpStatus.UNAUTHORIZED
                            : status != HttpStatus.OK && status != HttpStatus.UNAUTHORIZED) {
                        wrong.add(status + (afterRevocation ? " after the revocation" : " before"));
                    }
                }
            }, "token-client-" + c);
            client.setDaemon(true);
            clients.add(client);
            client.start();
        }
        java.util.concurrent.TimeUnit.MILLISECONDS.sleep(500);
        TestRestTemplate admin = api.as("admin");
        long id = admin.getForObject("/api/users/officer.busy/tokens", JsonNode.class).get(0).path("id").asLong();
        assertThat(admin.postForEntity("/api/tokens/" + id + "/revoke", null, Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        revokedAt.set(System.nanoTime());
        java.util.concurrent.TimeUnit.MILLISECONDS.sleep(500);
        stop.set(true);
        for (Thread client : clients) {
            client.join(10_000);
        }

        assertThat(wrong).isEmpty();
        assertThat(answered.get()).as("answered before the revocation").isPositive();
        assertThat(refused.get()).as("refused after it").isPositive();
        assertThat(me(busy).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private java.time.OffsetDateTime lastUsed(String token) {
        return jdbc.sql("select last_used_at from access_token where token_hash = ?").param(Tokens.hash(token))
                .query(java.time.OffsetDateTime.class).single();
    }

    @Test
    void a_wrong_password_is_a_401_problem() {
        ResponseEntity<JsonNode> response = token("supervisor", "not-the-password");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getBody().path("status").asInt()).isEqualTo(401);
    }

    @Test
    void a_missing_user_name_is_a_400_naming_the_field() {
        Problems.assertBadInput(api.anonymous().postForEntity("/api/auth/token", Map.of("password", "x"),
                JsonNode.class), "username");
    }

    @Test
    void repeated_wrong_passwords_lock_sign_in_even_with_the_right_password() {
        users.add(new Users.NewUser("officer.throttled", null, Role.OFFICER, "HOU", null, Api.PASSWORD), "test");

        for (int i = 0; i < 5; i++) {
            assertThat(token("officer.throttled", "guess-" + i).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        assertThat(token("officer.throttled", Api.PASSWORD).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(users.find("officer.throttled").orElseThrow().lockedUntil()).isNotNull();
        assertThat(jdbc.sql("select action from audit_entry where actor = 'officer.throttled' order by seq")
                .query(String.class).list()).containsSubsequence("SIGN_IN_FAILED", "SIGN_IN_LOCKED",
                "SIGN_IN_REFUSED_LOCKED");
    }

    @Test
    void a_request_without_a_token_is_a_401_and_an_unknown_token_too() {
        assertThat(api.anonymous().getForEntity("/api/me", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(me(Tokens.PREFIX + "made-up").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_revoked_or_disabled_users_token_is_refused_on_the_next_request() {
        users.add(new Users.NewUser("officer.leaving", null, Role.OFFICER, "HOU", null, Api.PASSWORD), "test");
        users.add(new Users.NewUser("officer.revoked", null, Role.OFFICER, "HOU", null, Api.PASSWORD), "test");
        String leaving = token("officer.leaving", Api.PASSWORD).getBody().path("token").asText();
        String revoked = token("officer.revoked", Api.PASSWORD).getBody().path("token").asText();
        assertThat(me(leaving).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me(revoked).getStatusCode()).isEqualTo(HttpStatus.OK);
        TestRestTemplate admin = api.as("admin");

        admin.postForEntity("/api/users/officer.leaving/disable", null, JsonNode.class);
        long id = admin.getForObject("/api/users/officer.revoked/tokens", JsonNode.class).get(0).path("id").asLong();
        assertThat(admin.postForEntity("/api/tokens/" + id + "/revoke", null, Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(me(leaving).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(me(revoked).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
