package org.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a request sees when its database connection dies under it, as in a failover (issue 19; the whole failover is
 * tried by bench/failover/run.sh): a 503 problem detail with Retry-After, nothing saved, and the next request served
 * on a new connection (the pool dropped the dead one).
 */
@CaseOpsTest
class DatabaseUnavailableTest {

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;

    private long tasksTitled(String title) {
        return jdbc.sql("select count(*) from task where title = ?").param(title).query(Long.class).single();
    }

    @Test
    void a_write_whose_connection_is_cut_is_answered_503_and_the_next_one_is_served() throws Exception {
        String title = "Written while the database went away";
        try (Database.Owner owner = Database.owner(jdbc)) {
            // the owner holds the task table, so the request's insert waits on a connection the test can find and cut
            owner.jdbc().sql("begin").update();
            owner.jdbc().sql("lock table task in exclusive mode").update();
            CompletableFuture<ResponseEntity<JsonNode>> cut = CompletableFuture.supplyAsync(() -> api.as("supervisor")
                    .postForEntity("/api/tasks", Map.of("title", title, "team", "HOU"), JsonNode.class));
            Integer backend = null;
            for (long end = System.nanoTime() + Duration.ofSeconds(30).toNanos(); backend == null
                    && !cut.isDone() && System.nanoTime() < end; ) {
                backend = owner.jdbc().sql("""
                        select pid from pg_stat_activity
                        where usename = 'caseops_app' and wait_event_type = 'Lock' limit 1""")
                        .query(Integer.class).optional().orElse(null);
                Thread.sleep(20);
            }
            assertThat(backend).as("the request's backend waiting for the lock (answered: %s)",
                    cut.isDone() ? cut.join() : "not yet").isNotNull();
            assertThat(owner.jdbc().sql("select pg_terminate_backend(?)").param(backend).query(Boolean.class)
                    .single()).isTrue();
            owner.jdbc().sql("rollback").update();

            ResponseEntity<JsonNode> answer = cut.get(30, TimeUnit.SECONDS);
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .isTrue();
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
            assertThat(answer.getBody().path("type").asText()).isEqualTo(DatabaseUnavailable.TYPE);
            assertThat(answer.getBody().path("title").asText()).isEqualTo("Database unavailable");
            assertThat(answer.getBody().path("detail").asText()).contains("may or may not have been saved");
        }
        assertThat(tasksTitled(title)).isZero();

        ResponseEntity<JsonNode> again = api.as("supervisor").postForEntity("/api/tasks",
                Map.of("title", title, "team", "HOU"), JsonNode.class);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(tasksTitled(title)).isEqualTo(1);
    }

    @Test
    void only_a_lost_database_counts_as_unavailable() {
        assertThat(DatabaseUnavailable.cause(new org.springframework.dao.DataAccessResourceFailureException("x",
                new java.sql.SQLException("An I/O error occurred while sending to the backend.", "08006")))).isNotNull();
        assertThat(DatabaseUnavailable.cause(new java.sql.SQLTransientConnectionException(
                "caseops - Connection is not available, request timed out after 30000ms."))).isNotNull();
        assertThat(DatabaseUnavailable.cause(new org.springframework.dao.DataIntegrityViolationException("x",
                new java.sql.SQLException("duplicate key", "23505")))).isNull();
        assertThat(DatabaseUnavailable.cause(new IllegalStateException("no database involved"))).isNull();
        // the statement failed on a terminated connection, then the rollback on the closed one
        org.springframework.transaction.TransactionSystemException rollback =
                new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                        new java.sql.SQLException("Connection is closed"));
        rollback.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException("x",
                new java.sql.SQLException("terminating connection due to administrator command", "57P01")));
        assertThat(DatabaseUnavailable.cause(rollback)).hasMessageContaining("administrator command");
        // the commit broke with the connection, then the rollback on the connection the pool had closed
        assertThat(DatabaseUnavailable.cause(new org.springframework.transaction.TransactionSystemException(
                "JDBC rollback failed", new java.sql.SQLException("Connection is closed")))).isNotNull();
        assertThat(DatabaseUnavailable.cause(new org.springframework.transaction.TransactionSystemException(
                "transaction timed out"))).isNull();
    }

    @Test
    void only_a_lock_the_request_stopped_waiting_for_is_a_long_operation_busy() {
        assertThat(LongOperationBusy.lockTimedOut(new org.springframework.jdbc.UncategorizedSQLException("read",
                "select", new java.sql.SQLException("canceling statement due to lock timeout", "55P03")))).isTrue();
        assertThat(LongOperationBusy.lockTimedOut(new org.springframework.dao.PessimisticLockingFailureException(
                "x", new java.sql.SQLException("deadlock detected", "40P01")))).isFalse();
        assertThat(LongOperationBusy.lockTimedOut(new org.springframework.jdbc.UncategorizedSQLException("read",
                "select", new java.sql.SQLException("no state")))).isFalse();
        assertThat(DatabaseUnavailable.cause(new java.sql.SQLException("lock timeout", "55P03")))
                .as("not the database gone away").isNull();
        // a deadlock or serialization failure is a concurrent change (409), a statement without a state neither
        assertThat(LongOperationBusy.lostToAConcurrentChange(new org.springframework.dao.PessimisticLockingFailureException(
                "x", new java.sql.SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(LongOperationBusy.lostToAConcurrentChange(new org.springframework.jdbc.UncategorizedSQLException(
                "read", "select", new java.sql.SQLException("no state")))).isFalse();
    }
}
