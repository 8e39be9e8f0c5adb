package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.FormSession;
import org.caseops.system.CaseOpsProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A server running beside a large first import (V149, ADR 007 step 4), which holds the docket tables exclusively
 * until it commits: its pages and API reads of the docket stop waiting after the request lock timeout
 * ({@code caseops.db.request-lock-timeout}, at its default here) and answer 503 with Retry-After, instead of each
 * holding a pooled connection until the import ends; health stays answering; once the import is done, they answer.
 */
@CaseOpsTest
class ServerBesideImportTest {

    @Autowired
    Api api;
    @Autowired
    Environment environment;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseOpsProperties properties;
    @Autowired
    javax.sql.DataSource dataSource;

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    @Test
    void pages_and_api_reads_beside_an_import_holding_the_docket_answer_503_in_time_and_health_stays_up()
            throws Exception {
        Duration timeout = properties.db().requestLockWait();
        assertThat(timeout).isEqualTo(Duration.ofSeconds(5));
        FormSession officer = FormSession.signIn(environment, "officer");
        // another browser: two first requests of one new session at once would both save its CSRF token
        FormSession supervisor = FormSession.signIn(environment, "supervisor");
        TestRestTemplate officerApi = api.as("officer");
        api.token("officer");
        try (Database.Owner owner = Database.owner(jdbc)) {
            // as the import does when it sets the docket's constraints aside (DROP INDEX, ALTER TABLE)
            owner.jdbc().sql("begin").update();
            owner.jdbc().sql("lock table " + DocketImporter.DOCKET_TABLES + " in access exclusive mode").update();
            long started = System.nanoTime();
            CompletableFuture<HttpResponse<String>> personPage = CompletableFuture.supplyAsync(
                    () -> officer.get("/people/991000001"));
            CompletableFuture<HttpResponse<String>> casePage = CompletableFuture.supplyAsync(
                    () -> supervisor.get("/cases/991000001"));
            CompletableFuture<ResponseEntity<JsonNode>> person = CompletableFuture.supplyAsync(
                    () -> officerApi.getForEntity("/api/people/991000001", JsonNode.class));

            ResponseEntity<JsonNode> health = api.anonymous().getForEntity("/actuator/health", JsonNode.class);
            assertThat(health.getStatusCode().value()).isEqualTo(200);
            assertThat(health.getBody().path("status").asText()).isEqualTo("UP");
            assertThat(personPage.isDone()).as("the page waits for the lock, up to the timeout").isFalse();

            // the lock is held until every answer is in: a 503 is an answer the request gave up waiting for
            long limit = timeout.toSeconds() + 60;
            ResponseEntity<JsonNode> busy = person.get(limit, TimeUnit.SECONDS);
            HttpResponse<String> page = personPage.get(limit, TimeUnit.SECONDS);
            HttpResponse<String> caseAnswer = casePage.get(limit, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).as("answered once the lock timeout has passed").isGreaterThanOrEqualTo(
                    timeout.minusMillis(500));

            assertThat(busy.getStatusCode().value()).isEqualTo(503);
            assertThat(busy.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .isTrue();
            assertThat(busy.getHeaders().getFirst("Retry-After")).isEqualTo("30");
            assertThat(busy.getBody().path("type").asText())
                    .isEqualTo("https://caseops.example/problems/being-changed");
            assertThat(busy.getBody().path("title").asText()).isEqualTo("Being changed by a long operation");
            assertThat(busy.getBody().path("detail").asText()).contains("an import of the docket", "was not saved");

            for (HttpResponse<String> answer : java.util.List.of(page, caseAnswer)) {
                assertThat(answer.statusCode()).isEqualTo(503);
                assertThat(answer.headers().firstValue("Retry-After")).hasValue("30");
                assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
                assertThat(answer.body()).contains("Being changed by a long operation", "an import of the docket");
            }
            owner.jdbc().sql("rollback").update();
        }

        assertThat(officer.get("/people/991000001").statusCode()).isEqualTo(200);
        assertThat(officer.get("/cases/991000001").statusCode()).isEqualTo(200);
        assertThat(officerApi.getForEntity("/api/people/991000001", JsonNode.class).getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void connections_that_served_requests_go_back_to_the_pool_without_the_timeout() throws Exception {
        int n = 6;
        java.util.List<CompletableFuture<ResponseEntity<JsonNode>>> reads = new java.util.ArrayList<>();
        TestRestTemplate officerApi = api.as("officer");
        for (int i = 0; i < n; i++) {
            reads.add(CompletableFuture.supplyAsync(
                    () -> officerApi.getForEntity("/api/people/991000001", JsonNode.class)));
        }
        for (CompletableFuture<ResponseEntity<JsonNode>> read : reads) {
            assertThat(read.get(60, TimeUnit.SECONDS).getStatusCode().value()).isEqualTo(200);
        }
        // as the importer, a screening or a scheduled job takes them: several at once, so not the same one each time
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(n);
        java.util.List<CompletableFuture<String>> settings = new java.util.ArrayList<>();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(n);
        for (int i = 0; i < n; i++) {
            settings.add(CompletableFuture.supplyAsync(() -> {
                try (java.sql.Connection c = dataSource.getConnection();
                     java.sql.Statement s = c.createStatement();
                     java.sql.ResultSet r = s.executeQuery("show lock_timeout")) {
                    together.await(30, TimeUnit.SECONDS);
                    r.next();
                    return r.getString(1);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, threads));
        }
        try {
            for (CompletableFuture<String> setting : settings) {
                assertThat(setting.get(60, TimeUnit.SECONDS)).isEqualTo("0");
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
