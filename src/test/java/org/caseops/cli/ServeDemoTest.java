package org.caseops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.caseops.fixtures.ChildJvm;
import org.caseops.fixtures.FormSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --demo} as a user starts it, twice on one home, each in its own JVM: the first start loads the
 * migrations, the reference data and the demo data set and prints the demo password, kept in the home; the second
 * loads nothing again (issue 12, goal 6) and prints the same password (issue 14); the pages work on the demo
 * scenario's date (issue 14).
 */
class ServeDemoTest {

    private static final Duration START = Duration.ofMinutes(6);

    @TempDir
    Path home;

    @Test
    void a_second_demo_start_of_a_home_loads_nothing_again_and_keeps_the_password() throws Exception {
        int port = freePort();
        // blank: the password comes from the home, as when the variable is not set
        Map<String, String> env = Map.of("CASEOPS_HOME", home.toString(), "CASEOPS_DEMO_PASSWORD", "");
        String password;
        try (ChildJvm first = ChildJvm.start(Main.class, env, "serve", "--port", String.valueOf(port), "--demo")) {
            first.awaitLine("CaseOps demo is ready: http://localhost:" + port + "/", START);
            first.awaitLine("the same at every start of this home", Duration.ofSeconds(10));
            Path file = home.resolve("demo-password");
            password = Files.readString(file, StandardCharsets.UTF_8).strip();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            String log = first.output();
            assertThat(log).contains("with the password:   " + password, "Database schema migrated",
                    "Demo users: 8 added", "Demo mode: loaded the synthetic family-op-2019 scenario");
            assertThat(health(port)).contains("\"UP\"");
            // played in the background once the server is ready (February's letters, a few voluntary departures; the
            // Mississippi worksite action too, which WorksiteActionScenarioTest plays on its own)
            first.awaitLine("Demo mode: the February 2019 call-in letters played", START);
            first.awaitLine("voluntary departures played", START);
            try (var pdfs = Files.list(home.resolve("demo-letters"))) {
                assertThat(pdfs.map(f -> f.getFileName().toString()).toList()).contains("HOU-2019-02-11.pdf");
            }
            assertThat(first.output()).containsPattern("REPORTED=[1-9]").containsPattern("DID_NOT_REPORT=[1-9]")
                    .containsPattern("Demo mode: [1-9] voluntary departures played");
            assertThat(FormSession.signIn("http://localhost:" + port, "officer", password).get("/").body())
                    .as("the pages work on the scenario's date, said to be not today")
                    .contains("name=\"asOf\" value=\"2019-06-23\"", "id=\"working-date-chosen\"");
            // Houston's worksite casework: two I-9 inspections (a correction period running, forms due) and a
            // nomination waiting for the director
            FormSession supervisor = FormSession.signIn("http://localhost:" + port, "supervisor", password);
            assertThat(supervisor.get("/worksite/inspections").body()).contains("Notices served", "Notice served");
            assertThat(supervisor.get("/worksite/nominations?period=2019-10-01").body()).contains("Approved", "Proposed");
            first.stop();
        }

        try (ChildJvm second = ChildJvm.start(Main.class, env, "serve", "--port", String.valueOf(port), "--demo")) {
            second.awaitLine("CaseOps demo is ready", START);
            second.awaitLine("the same at every start of this home", Duration.ofSeconds(10));
            String log = second.output();
            assertThat(log).contains("with the password:   " + password,
                    "Database schema up to date", "Flyway not run",
                    "already loaded", "nothing written",
                    "Demo users: 0 added, 0 given the demo password again, 8 unchanged",
                    "is loaded already; nothing loaded");
            assertThat(log).doesNotContain("Demo mode: loaded", "Generated the database passwords",
                    "Generated the audit signing key");
            assertThat(FormSession.signIn("http://localhost:" + port, "supervisor", password).get("/").statusCode())
                    .isEqualTo(200);
            second.stop();
        }
    }

    private static String health(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health/readiness")).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
