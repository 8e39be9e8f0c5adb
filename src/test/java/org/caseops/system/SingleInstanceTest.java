package org.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Scheduled work on one instance at a time (issue 19): {@link SingleInstance}'s lock, tried from two sides. */
@CaseOpsTest
class SingleInstanceTest {

    @Autowired
    SingleInstance single;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_job_whose_lock_another_instance_holds_is_skipped_and_runs_once_the_lock_is_gone() {
        AtomicInteger ran = new AtomicInteger();
        try (Database.Owner otherInstance = Database.owner(jdbc)) {
            otherInstance.jdbc().sql("select pg_advisory_lock(hashtext('caseops.job'), hashtext('test.job'))")
                    .query().singleRow();
            assertThat(single.alone("test.job", ran::incrementAndGet)).isEmpty();
            assertThat(single.alone("test.other-job", ran::incrementAndGet)).as("another job is not held").contains(1);
            otherInstance.jdbc().sql("select pg_advisory_unlock(hashtext('caseops.job'), hashtext('test.job'))")
                    .query().singleRow();
        }
        assertThat(single.alone("test.job", ran::incrementAndGet)).contains(2);
        assertThat(ran).hasValue(2);
    }

    @Test
    void two_runs_at_once_run_the_work_once_and_the_lock_ends_with_the_run() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Optional<String>> first = CompletableFuture.supplyAsync(() -> single.alone("test.race",
                () -> {
                    started.countDown();
                    try {
                        assertThat(finish.await(30, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return "first";
                }));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(single.alone("test.race", () -> "second")).as("skipped while the first runs").isEmpty();
        finish.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).contains("first");
        assertThat(single.alone("test.race", () -> "third")).contains("third");
    }
}
