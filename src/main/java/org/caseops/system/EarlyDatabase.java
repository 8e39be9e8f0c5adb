package org.caseops.system;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded PostgreSQL as soon as its settings are known — when Spring Boot has prepared the environment,
 * before it creates the application context — on a thread of its own (issue 12, goal 6). {@code initdb} on a new
 * home, or the postmaster's start and the logins' check on an existing one, then overlap the context's own start
 * (class loading and configuration parsing, on the main thread), instead of following it.
 *
 * <p>{@link DatabaseConfig} takes the server when it builds its {@code databaseServer} bean, and from then on owns it
 * as before. When the settings it binds differ from the ones read here, or the context fails or closes before it
 * took the server, the early server is stopped and nothing else changes. Nothing is started for an external database
 * ({@code CASEOPS_DB_URL}), nor with {@code caseops.embedded.early=false}. Registered in
 * {@code META-INF/spring.factories}, so every Spring Boot start of CaseOps (the server, each command, the tests)
 * gets it.
 */
final class EarlyDatabase implements ApplicationListener<ApplicationEvent>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(EarlyDatabase.class);
    static final String BEAN = "caseops.earlyDatabase";

    /** What the early start was for: a server is handed over only to a context that asks for the same. */
    record Settings(Path home, boolean ephemeral, int port) {
    }

    private volatile Settings settings;
    private volatile CompletableFuture<EmbeddedPostgresServer> server;
    private volatile boolean taken;

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            start(prepared.getEnvironment());
        } else if (event instanceof ApplicationPreparedEvent ready && server != null) {
            ready.getApplicationContext().getBeanFactory().registerSingleton(BEAN, this);
        } else if (event instanceof ApplicationFailedEvent || event instanceof ContextClosedEvent) {
            abandon();
        }
    }

    /** After Boot's own listeners (logging among them) and the configuration data. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private void start(ConfigurableEnvironment environment) {
        if (server != null) {
            return;
        }
        Binder binder = Binder.get(environment);
        String url = binder.bind("caseops.db.url", String.class).orElse("");
        if (!url.isBlank() || !binder.bind("caseops.embedded.early", Boolean.class).orElse(true)) {
            return;
        }
        Settings wanted = new Settings(
                binder.bind("caseops.home", Path.class).orElse(Path.of(System.getProperty("user.home"), ".caseops")),
                binder.bind("caseops.embedded.ephemeral", Boolean.class).orElse(false),
                binder.bind("caseops.embedded.port", Integer.class).orElse(0));
        settings = wanted;
        server = supplyOnOwnThread(() -> wanted.ephemeral() ? EmbeddedPostgresServer.ephemeral()
                : EmbeddedPostgresServer.startOrJoin(wanted.home(), wanted.port()));
    }

    private static CompletableFuture<EmbeddedPostgresServer> supplyOnOwnThread(
            Supplier<EmbeddedPostgresServer> start) {
        CompletableFuture<EmbeddedPostgresServer> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(start.get());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "caseops-postgres-start");
        // a JVM that ends while PostgreSQL starts does not wait for it; the next start stops an orphaned postmaster
        thread.setDaemon(true);
        thread.start();
        return future;
    }

    /**
     * The server started for {@code wanted}, waited for; {@code null} when none was started for these settings (the
     * caller then starts its own, and an early server for other settings is stopped).
     */
    EmbeddedPostgresServer take(Settings wanted) {
        CompletableFuture<EmbeddedPostgresServer> started = server;
        if (started == null || taken) {
            return null;
        }
        if (!Objects.equals(settings, wanted)) {
            log.info("The database settings changed while the application started ({} → {}): starting again",
                    settings, wanted);
            abandon();
            return null;
        }
        taken = true;
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The port of the server started early, waited for (tests); empty when none was started or it failed. */
    java.util.Optional<Integer> startedPort() {
        CompletableFuture<EmbeddedPostgresServer> started = server;
        if (started == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(started.join().port());
        } catch (CompletionException e) {
            return java.util.Optional.empty();
        }
    }

    /** Stops the early server (once it has started) unless the context took it. */
    private void abandon() {
        CompletableFuture<EmbeddedPostgresServer> started = server;
        if (started == null || taken) {
            return;
        }
        taken = true;
        started.whenComplete((s, e) -> {
            if (s != null) {
                s.close();
            }
        });
    }
}
