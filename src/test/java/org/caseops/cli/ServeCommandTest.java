package org.caseops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.caseops.fixtures.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} as a user starts it, in its own JVM. */
class ServeCommandTest {

    @TempDir
    Path home;

    @Test
    void the_port_option_wins_over_the_port_environment_variable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (ChildJvm server = ChildJvm.start(Main.class, Map.of("CASEOPS_HOME", home.toString(), "PORT", "1"),
                "serve", "--port", String.valueOf(port))) {
            server.awaitLine("Started Main", Duration.ofSeconds(120));
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health")).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"UP\"");
            server.stop();
        }
        assertThat(home.resolve("pgdata/postmaster.pid")).as("the embedded database stopped with the server")
                .doesNotExist();
    }
}
