package org.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * 64 concurrent clients for 30 s against the main read and write endpoints (issue 12, goal 0): a person read with a
 * purpose, a case search, a family's executability, a case note, a task created. A correctness test, not a timing
 * one: it asserts that every request is answered as it should be (no 5xx, no other error, no timeout), that
 * {@code /actuator/health} stays UP throughout, and that no code path asked for a second pooled connection while
 * holding one. Before the fix, the person read took a second connection inside a row mapper and the pool ran dry
 * within the first second.
 *
 * <p>{@code -Dcaseops.load.clients=N} and {@code -Dcaseops.load.seconds=S} change the load (defaults 64 and 30).
 */
@CaseOpsTest
class ConcurrentClientsTest {

    static final int CLIENTS = Integer.getInteger("caseops.load.clients", 64);
    static final int SECONDS = Integer.getInteger("caseops.load.seconds", 30);
    /** Longer than any answer should take under this load; a request that takes longer counts as a timeout. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;
    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    /** One kind of request a client sends, and the status that is the right answer to it. */
    record Call(String name, String user, String method, String path, String body, int expected) {
    }

    static final List<Call> CALLS = List.of(
            new Call("person", "officer", "GET", "/api/people/991000001", null, 200),
            new Call("person (other member)", "attorney", "GET", "/api/people/991000002?asOf=2019-06-23", null, 200),
            new Call("cases", "officer", "GET", "/api/cases?fieldOffice=HOU&page=0&size=50", null, 200),
            new Call("family executability", "officer", "GET", "/api/families/1001/executability?asOf=2019-06-23",
                    null, 200),
            new Call("family", "supervisor", "GET", "/api/families/1001", null, 200),
            new Call("timeline", "officer", "GET", "/api/people/991000001/timeline", null, 200),
            new Call("case note", "officer", "POST", "/api/people/991000001/notes",
                    "{\"text\": \"visited, nobody home\"}", 201),
            new Call("task", "supervisor", "POST", "/api/tasks",
                    "{\"title\": \"Check the address\", \"team\": \"HOU\"}", 201));

    @Test
    void sixty_four_clients_for_thirty_seconds_get_every_answer_and_health_stays_up() throws Exception {
        int violationsBefore = ConnectionNesting.violations().size();
        Map<String, String> tokens = new ConcurrentHashMap<>();
        for (Call call : CALLS) {
            tokens.computeIfAbsent(call.user(), api::token);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).build();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        AtomicLong answered = new AtomicLong();
        Map<String, AtomicLong> perCall = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(CLIENTS);

        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                try {
                    for (int i = client; System.nanoTime() < end; i++) {
                        Call call = CALLS.get(i % CALLS.size());
                        String outcome = send(http, call, tokens.get(call.user()));
                        if (outcome != null) {
                            errors.add(call.name() + ": " + outcome);
                            if (errors.size() > 1000) {
                                return;
                            }
                        } else {
                            answered.incrementAndGet();
                            perCall.computeIfAbsent(call.name(), k -> new AtomicLong()).incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "load-client-" + c);
            thread.setDaemon(true);
            clients.add(thread);
        }

        List<String> health = new ArrayList<>();
        List<String> unhealthy = new ArrayList<>();
        clients.forEach(Thread::start);
        while (!done.await(1, TimeUnit.SECONDS)) {
            String state = health(http);
            health.add(state);
            if (!state.equals("200 UP")) {
                unhealthy.add(state);
            }
        }
        health.add(health(http));

        assertThat(errors).as("requests answered wrongly or not in time (%d answered right)", answered.get())
                .isEmpty();
        assertThat(unhealthy).as("/actuator/health during the load (%d checks)", health.size()).isEmpty();
        assertThat(health).hasSizeGreaterThanOrEqualTo(Math.max(1, SECONDS / 3));
        assertThat(perCall.keySet()).as("every kind of request was answered").hasSize(CALLS.size());
        assertThat(ConnectionNesting.violations().subList(violationsBefore, ConnectionNesting.violations().size()))
                .as("pooled connections asked for while one was held").isEmpty();
        LoggerHolder.log.info("{} clients, {} s: {} requests answered right ({}/s), {} health checks UP; per call {}",
                CLIENTS, SECONDS, answered.get(), answered.get() / Math.max(1, SECONDS), health.size(), perCall);
    }

    /** {@code null} when the answer is the expected one, otherwise what went wrong. */
    private String send(HttpClient http, Call call, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.path()))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("X-Purpose", "load test");
        if (call.body() != null) {
            request.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
        } else {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != call.expected()) {
                String body = response.body();
                return response.statusCode() + " " + (body.length() > 300 ? body.substring(0, 300) : body);
            }
            return null;
        } catch (HttpTimeoutException e) {
            return "timeout after " + REQUEST_TIMEOUT;
        } catch (Exception e) {
            return e.toString();
        }
    }

    private String health(HttpClient http) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health")).timeout(HEALTH_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + (response.body().contains("\"status\":\"UP\"") ? " UP" : " "
                    + response.body());
        } catch (HttpTimeoutException e) {
            return "timeout after " + HEALTH_TIMEOUT;
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static final class LoggerHolder {
        static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConcurrentClientsTest.class);
    }
}
