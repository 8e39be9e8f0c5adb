package org.caseops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.system.DatabaseLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several instances on one database sign one checkpoint at a time (issue 19, ADR 008): while another instance holds
 * the checkpoint lock, the scheduled round skips and a checkpoint asked for on demand waits for it, then signs the
 * chain as it is after the other's.
 */
@CaseOpsTest
class CheckpointOnOneInstanceTest {

    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private void grow() {
        new TransactionTemplate(transactions).executeWithoutResult(s -> audit.record(new AuditEvent("test", "NONE",
                null, "TEST_CHECKPOINT_LOCK", "TEST", "1", null, null, "the chain grows (test)")));
    }

    @Test
    void a_scheduled_checkpoint_skips_while_another_instance_signs_and_one_on_demand_waits_for_it() throws Exception {
        grow();
        long before = checkpoints.latest().map(Checkpoint::position).orElse(0L);
        DatabaseLogins.Login app = Database.logins(jdbc).app();
        try (Connection other = DriverManager.getConnection(Database.url(jdbc), app.user(), app.password());
             Statement s = other.createStatement()) {
            other.setAutoCommit(false);
            // another instance's round: it holds the lock until its transaction ends
            s.execute("select pg_advisory_xact_lock(hashtext('caseops.job'), hashtext('audit-checkpoint'))");

            assertThat(checkpoints.issueIfGrown()).as("the chain has grown, but another instance is signing")
                    .isEmpty();
            CompletableFuture<Checkpoint> onDemand = CompletableFuture.supplyAsync(checkpoints::issue);
            Thread.sleep(500);
            assertThat(onDemand).as("waits for the other instance").isNotDone();

            other.commit();
            Checkpoint signed = onDemand.get(15, TimeUnit.SECONDS);
            assertThat(signed.position()).isGreaterThan(before);
        }
        // grown again, with nobody else signing: the schedule signs
        grow();
        checkpoints.issueIfGrown();
        assertThat(checkpoints.latest().orElseThrow().position()).isGreaterThan(before + 1);
    }
}
