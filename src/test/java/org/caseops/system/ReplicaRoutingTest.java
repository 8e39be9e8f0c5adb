package org.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.caseops.access.Role;
import org.caseops.access.Users;
import org.caseops.audit.AuditEvent;
import org.caseops.audit.AuditLog;
import org.caseops.audit.AuditVerifications;
import org.caseops.fixtures.AuditChecks;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.StreamingReplica;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.FormSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Read replicas on a real streaming replica (issue 19, ADR 013): the test database's replica ({@link StreamingReplica},
 * seeded from an online base backup, streaming), configured as {@code caseops.db.replica-url} with a 4 s lag bound
 * measured every 200 ms. Proves with the data itself where a read ran: with replay paused, a row written on the
 * primary since is missing from a read the replica served, and present in a read the primary served.
 *
 * <p>Its own application context (the replica's URL is a setting), closed after the class; one replica for the class.
 */
@CaseOpsTest
@TestPropertySource(properties = {"caseops.db.replica-max-lag=4s", "caseops.db.replica-check-interval=200ms"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaRoutingTest {

    private static final int REPLICA_PORT = freePort();
    private static StreamingReplica replica;

    @DynamicPropertySource
    static void replicaUrl(DynamicPropertyRegistry registry) {
        registry.add("caseops.db.replica-url", () -> "jdbc:postgresql://localhost:" + REPLICA_PORT + "/postgres");
    }

    @Autowired
    ReplicaRouting routing;
    @Autowired
    PhysicalBackup backup;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Users users;
    @Autowired
    Api api;
    @Autowired
    AuditLog audit;
    @Autowired
    Environment environment;
    @Autowired
    AuditVerifications verifications;

    @BeforeEach
    void aReplicaThatIsUp() throws InterruptedException {
        if (replica == null) {
            replica = StreamingReplica.start(jdbc, backup, REPLICA_PORT);
        }
        api.token("admin");
        replica.resume();
        await(s -> s.state() == ReplicaRouting.State.UP && s.lagMillis() < 1000, "the replica up and caught up");
    }

    @AfterAll
    static void stopTheReplica() {
        if (replica != null) {
            replica.close();
            replica = null;
        }
    }

    @Test
    @Order(1)
    void a_report_and_a_list_are_read_on_the_replica_while_it_is_within_the_bound() throws InterruptedException {
        assertThat(replica.query("select pg_is_in_recovery()", Boolean.class)).isTrue();
        long before = routing.status().replicaReads();
        ResponseEntity<String> statistics = api.anonymous().getForEntity(
                "/api/reports/public-statistics?month=2019-06", String.class);
        assertThat(statistics.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(routing.status().replicaReads()).isEqualTo(before + 1);

        // the replica stops replaying; a user written on the primary since is not on the replica
        replica.pause();
        await(ReplicaRouting.Status::replayPaused, "the replay paused");
        long written = System.nanoTime();
        users.add(new Users.NewUser("replica.unseen", "Replica Unseen", Role.OFFICER, "HOU", null, Api.PASSWORD),
                "test");
        long reads = routing.status().replicaReads();
        List<String> listed = usernames(api.as("admin").getForEntity("/api/users?size=500", Map.class));
        long tookMillis = (System.nanoTime() - written) / 1_000_000;
        assertThat(tookMillis).as("the list was read within the 4 s bound").isLessThan(4000);
        assertThat(routing.status().replicaReads()).isEqualTo(reads + 1);
        assertThat(listed).contains("admin").doesNotContain("replica.unseen");
        assertThat(jdbc.sql("select count(*) from app_user where username = 'replica.unseen'").query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    @Order(1)
    void the_monthly_report_audits_its_read_on_the_primary_and_reads_its_figures_on_the_replica()
            throws InterruptedException {
        FormSession auditor = FormSession.signIn(environment, "auditor");
        AuditVerifications.Verification replayed = AuditChecks.checkWhenChained(verifications, jdbc);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (replica.query("select count(*) from audit_verification where id = " + replayed.id(), Long.class) == 0) {
            assertThat(System.nanoTime()).as("the replica shows the sign-in and the check").isLessThan(deadline);
            Thread.sleep(50);
        }
        // the replica stops replaying; a newer check of the trail is kept on the primary since
        replica.pause();
        await(ReplicaRouting.Status::replayPaused, "the replay paused");
        long paused = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            audit.record(new AuditEvent("test", "ADMIN", null, "TEST_WRITE", null, null, null, null, "replica"));
        }
        AuditVerifications.Verification newer = AuditChecks.checkWhenChained(verifications, jdbc);
        assertThat(newer.verifiedUpTo()).isGreaterThan(replayed.verifiedUpTo());
        long reads = routing.status().replicaReads();
        String audited = "select count(*) from audit_entry where actor = 'auditor' and action = 'MONTHLY_REPORT_READ' "
                + "and subject_id = 'monthly 2019-06'";
        long auditedBefore = jdbc.sql(audited).query(Long.class).single();

        HttpResponse<String> csv = auditor.get("/reports/monthly?format=csv&month=2019-06");

        assertThat((System.nanoTime() - paused) / 1_000_000).as("read within the 4 s bound").isLessThan(4000);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(routing.status().replicaReads()).as("the figures read on the replica").isGreaterThan(reads);
        assertThat(csv.body()).as("the replica's newest check, not the primary's")
                .contains("audit_chain,,,verified_up_to_entry," + replayed.verifiedUpTo() + ",")
                .doesNotContain("audit_chain,,,verified_up_to_entry," + newer.verifiedUpTo() + ",");
        assertThat(jdbc.sql(audited).query(Long.class).single()).as("the read audited on the primary")
                .isEqualTo(auditedBefore + 1);
    }

    @Test
    @Order(2)
    void a_users_own_write_is_read_back_at_once_even_with_the_replica_paused() throws InterruptedException {
        replica.pause();
        await(ReplicaRouting.Status::replayPaused, "the replay paused");
        ResponseEntity<Map> added = api.as("admin").postForEntity("/api/users", Map.of("username", "replica.mine",
                "displayName", "Replica Mine", "role", "OFFICER", "fieldOffice", "HOU", "password", Api.PASSWORD),
                Map.class);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long fallbacks = routing.status().fallbacks().get(ReplicaRouting.Fallback.READ_YOUR_WRITES);
        long reads = routing.status().replicaReads();
        ReplicaRouting.Status at = routing.status();
        List<String> mine = usernames(api.as("admin").getForEntity("/api/users?size=500", Map.class));
        assertThat(routing.status().fallbacks().get(ReplicaRouting.Fallback.READ_YOUR_WRITES))
                .as("before %s, after %s", at, routing.status()).isEqualTo(fallbacks + 1);
        assertThat(mine).contains("replica.mine");
        // someone who wrote nothing still reads on the replica meanwhile
        assertThat(api.anonymous().getForEntity("/api/reports/public-statistics?month=2019-06", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(routing.status().replicaReads()).isEqualTo(reads + 1);

        // a browser session: the form's write position is kept in the session (Spring Session JDBC), which every
        // instance reads, and its next read is on the primary too
        FormSession browser = FormSession.signIn(environment, "admin");
        HttpResponse<String> form = browser.postForm("/admin/users", Map.of("username", "replica.form",
                "displayName", "Replica Form", "role", "OFFICER", "fieldOffice", "HOU", "password", Api.PASSWORD));
        assertThat(form.statusCode()).isEqualTo(302);
        long lastWrite = System.nanoTime();
        assertThat(jdbc.sql("select count(*) from spring_session_attributes where attribute_name = ?")
                .param(ReplicaRouting.SESSION_LSN).query(Long.class).single()).isEqualTo(1);
        HttpResponse<String> listed = browser.get("/api/users?size=500", "application/json");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"replica.form\"");

        // once the replica has replayed the write, the writer's reads go back to it, and see the write there
        replica.resume();
        // caught up to a moment after the write: at most 300 ms behind, more than 600 ms after it
        await(s -> !s.replayPaused() && s.state() == ReplicaRouting.State.UP && s.lagMillis() < 300
                && System.nanoTime() - lastWrite > 600_000_000L, "the replica caught up past the writes");
        long again = routing.status().replicaReads();
        assertThat(usernames(api.as("admin").getForEntity("/api/users?size=500", Map.class))).contains("replica.mine");
        assertThat(routing.status().replicaReads()).isEqualTo(again + 1);
    }

    @Test
    @Order(3)
    void reads_go_to_the_primary_while_the_replica_lags_beyond_the_bound() throws InterruptedException {
        replica.pause();
        await(ReplicaRouting.Status::replayPaused, "the replay paused");
        users.add(new Users.NewUser("replica.late", "Replica Late", Role.OFFICER, "HOU", null, Api.PASSWORD),
                "test");
        await(s -> s.state() == ReplicaRouting.State.LAGGING, "the replica beyond its 4 s bound");
        ReplicaRouting.Status lagging = routing.status();
        assertThat(lagging.lagMillis()).isGreaterThan(4000);
        long lagFallbacks = lagging.fallbacks().get(ReplicaRouting.Fallback.LAG);

        assertThat(usernames(api.as("admin").getForEntity("/api/users?size=500", Map.class))).contains("replica.late");
        assertThat(api.anonymous().getForEntity("/api/reports/public-statistics?month=2019-06", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        ReplicaRouting.Status after = routing.status();
        assertThat(after.replicaReads()).isEqualTo(lagging.replicaReads());
        assertThat(after.fallbacks().get(ReplicaRouting.Fallback.LAG)).isEqualTo(lagFallbacks + 2);

        // the figures, for whoever runs the service
        ResponseEntity<Map> info = api.as("admin").getForEntity("/actuator/info", Map.class);
        assertThat(info.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<?, ?> figures = (Map<?, ?>) info.getBody().get("replica");
        assertThat(figures.get("state")).isEqualTo("LAGGING");
        assertThat(figures.get("boundMillis")).isEqualTo(4000);
        assertThat(((Number) figures.get("maxLagMillis")).longValue()).isGreaterThan(4000);
    }

    @Test
    @Order(4)
    void with_the_replica_down_everything_still_answers_from_the_primary() throws InterruptedException {
        // nesting seen from here on (the list is the JVM's: ConnectionNestingTest provokes one on purpose)
        int nestingBefore = ConnectionNesting.violations().size();
        replica.stop();
        await(s -> s.state() == ReplicaRouting.State.DOWN, "the replica seen down");
        long reads = routing.status().replicaReads();
        long down = routing.status().fallbacks().get(ReplicaRouting.Fallback.DOWN);
        assertThat(api.anonymous().getForEntity("/api/reports/public-statistics?month=2019-06", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.as("admin").getForEntity("/public/statistics?month=2019-06", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> added = api.as("admin").postForEntity("/api/users", Map.of("username", "replica.down",
                "displayName", "Replica Down", "role", "OFFICER", "fieldOffice", "HOU", "password", Api.PASSWORD),
                Map.class);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(usernames(api.as("admin").getForEntity("/api/users?size=500", Map.class))).contains("replica.down");
        assertThat(routing.status().replicaReads()).isEqualTo(reads);
        assertThat(routing.status().fallbacks().get(ReplicaRouting.Fallback.DOWN)).isGreaterThanOrEqualTo(down + 3);
        List<String> nesting = List.copyOf(ConnectionNesting.violations());
        assertThat(nesting.subList(nestingBefore, nesting.size())).isEmpty();
    }

    /**
     * bench/replica (not part of the suite: only with {@code -Dcaseops.bench.replica=SECONDS}): public statistics read
     * by READERS clients for SECONDS while WRITERS threads append audit entries on the primary, after 10 s of the same
     * not counted (the JVM's warm-up), first with the replica serving, then with its replay paused (beyond the bound: the same reads on the primary), sampling the measured lag
     * every 100 ms. Writes bench/out/replica/summary.tsv.
     */
    @Test
    @Order(0)
    @EnabledIfSystemProperty(named = "caseops.bench.replica", matches = "\\d+")
    void replica_under_write_load_benchmark() throws Exception {
        int seconds = Integer.parseInt(System.getProperty("caseops.bench.replica"));
        int readers = Integer.getInteger("caseops.bench.readers", 4);
        int writers = Integer.getInteger("caseops.bench.writers", 2);
        StringBuilder tsv = new StringBuilder("phase\tseconds\treaders\twriters\twrites\twrites_per_s\treads"
                + "\treads_per_s\treads_p50_ms\treads_p95_ms\ton_replica\tfallback_down\tfallback_lag"
                + "\tfallback_read_your_writes\tmax_lag_ms\tbound_ms\n");
        for (String phase : List.of("warm-up", "replica", "primary (replay paused)")) {
            if (phase.startsWith("primary")) {
                replica.pause();
                audit.record(new AuditEvent("replica-bench", "NONE", null, "REPLICA_BENCH_WRITE", null, null, null,
                        null, "before the paused phase"));
                await(st -> st.state() == ReplicaRouting.State.LAGGING, "the replica beyond its bound");
            }
            ReplicaRouting.Status before = routing.status();
            java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
            java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicLong maxLag = new java.util.concurrent.atomic.AtomicLong();
            List<Long> latencies = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            List<Thread> threads = new java.util.ArrayList<>();
            for (int i = 0; i < writers; i++) {
                threads.add(new Thread(() -> {
                    while (running.get()) {
                        audit.record(new AuditEvent("replica-bench", "NONE", null, "REPLICA_BENCH_WRITE", null, null,
                                null, null, "written while reports are read"));
                        writes.incrementAndGet();
                    }
                }, "replica-bench-writer-" + i));
            }
            for (int i = 0; i < readers; i++) {
                org.springframework.boot.test.web.client.TestRestTemplate client = api.anonymous();
                threads.add(new Thread(() -> {
                    while (running.get()) {
                        long t = System.nanoTime();
                        ResponseEntity<String> r = client.getForEntity("/api/reports/public-statistics?month=2019-06",
                                String.class);
                        if (r.getStatusCode() != HttpStatus.OK) {
                            throw new AssertionError("public statistics: " + r.getStatusCode());
                        }
                        latencies.add(System.nanoTime() - t);
                    }
                }, "replica-bench-reader-" + i));
            }
            long start = System.nanoTime();
            threads.forEach(Thread::start);
            long phaseSeconds = phase.equals("warm-up") ? Math.min(10, seconds) : seconds;
            while (System.nanoTime() - start < phaseSeconds * 1_000_000_000L) {
                ReplicaRouting.Status now = routing.status();
                if (now.state() != ReplicaRouting.State.DOWN) {
                    maxLag.accumulateAndGet(now.lagMillis(), Math::max);
                }
                Thread.sleep(100);
            }
            running.set(false);
            for (Thread t : threads) {
                t.join();
            }
            double took = (System.nanoTime() - start) / 1e9;
            ReplicaRouting.Status after = routing.status();
            if (phase.equals("warm-up")) {
                continue;
            }
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            tsv.append(String.join("\t", phase, String.format(java.util.Locale.ROOT, "%.1f", took),
                    String.valueOf(readers), String.valueOf(writers), String.valueOf(writes.get()),
                    String.format(java.util.Locale.ROOT, "%.0f", writes.get() / took), String.valueOf(sorted.length),
                    String.format(java.util.Locale.ROOT, "%.1f", sorted.length / took),
                    String.format(java.util.Locale.ROOT, "%.1f", sorted[sorted.length / 2] / 1e6),
                    String.format(java.util.Locale.ROOT, "%.1f", sorted[(int) (sorted.length * 0.95)] / 1e6),
                    String.valueOf(after.replicaReads() - before.replicaReads()),
                    delta(before, after, ReplicaRouting.Fallback.DOWN),
                    delta(before, after, ReplicaRouting.Fallback.LAG),
                    delta(before, after, ReplicaRouting.Fallback.READ_YOUR_WRITES),
                    String.valueOf(maxLag.get()), String.valueOf(after.boundMillis()))).append('\n');
        }
        replica.resume();
        java.nio.file.Path out = java.nio.file.Path.of("bench/out/replica");
        java.nio.file.Files.createDirectories(out);
        java.nio.file.Files.writeString(out.resolve("summary.tsv"), tsv.toString());
        System.out.println("== replica benchmark\n" + tsv);
    }

    private static String delta(ReplicaRouting.Status before, ReplicaRouting.Status after, ReplicaRouting.Fallback f) {
        return String.valueOf(after.fallbacks().get(f) - before.fallbacks().get(f));
    }

    @SuppressWarnings("unchecked")
    private static List<String> usernames(ResponseEntity<Map> page) {
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ((List<Map<String, Object>>) page.getBody().get("items")).stream()
                .map(u -> (String) u.get("username")).toList();
    }

    private void await(Predicate<ReplicaRouting.Status> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.test(routing.status())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in 20 s: " + what + "; " + routing.status());
            }
            Thread.sleep(50);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
