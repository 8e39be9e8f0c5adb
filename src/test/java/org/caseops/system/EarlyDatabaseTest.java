package org.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The embedded PostgreSQL starts while the application context starts (issue 12, goal 6); the context takes that
 * server only when it asks for the same settings, and a server nobody took is stopped.
 */
class EarlyDatabaseTest {

    @TempDir
    Path home;

    private static EarlyDatabase prepared(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        EarlyDatabase early = new EarlyDatabase();
        early.onApplicationEvent(new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(),
                new SpringApplication(), new String[0], environment));
        return early;
    }

    @Test
    void nothing_starts_for_an_external_database_or_when_switched_off() {
        EarlyDatabase external = prepared(Map.of("caseops.db.url", "jdbc:postgresql://db.example/caseops",
                "caseops.home", home.toString()));
        assertThat(external.take(new EarlyDatabase.Settings(home, false, 0))).isNull();
        EarlyDatabase off = prepared(Map.of("caseops.embedded.early", "false", "caseops.home", home.toString()));
        assertThat(off.take(new EarlyDatabase.Settings(home, false, 0))).isNull();
        assertThat(home.resolve("pgdata")).as("no database was started in the home").doesNotExist();
    }

    @Test
    void the_context_takes_the_server_started_for_its_settings_and_another_is_stopped() throws Exception {
        EarlyDatabase early = prepared(Map.of("caseops.home", home.toString(), "caseops.embedded.ephemeral", "true"));
        try (EmbeddedPostgresServer server = early.take(new EarlyDatabase.Settings(home, true, 0))) {
            assertThat(server).isNotNull();
            assertThat(accepts(server.port())).isTrue();
            assertThat(early.take(new EarlyDatabase.Settings(home, true, 0))).as("taken once").isNull();
        }

        EarlyDatabase other = prepared(Map.of("caseops.home", home.toString(), "caseops.embedded.ephemeral", "true"));
        assertThat(other.take(new EarlyDatabase.Settings(home.resolve("elsewhere"), false, 0)))
                .as("settings changed after the environment was prepared").isNull();
        int port = other.startedPort().orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (accepts(port) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(accepts(port)).as("the server nobody took is stopped").isFalse();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
