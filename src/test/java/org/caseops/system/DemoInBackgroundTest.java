package org.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The demo runners' shared part: the scenario on a named daemon thread, its failure logged, never thrown. */
class DemoInBackgroundTest {

    @Test
    void plays_the_scenario_on_a_named_daemon_thread_and_a_failure_stays_in_the_log() throws Exception {
        AtomicReference<String> ranOn = new AtomicReference<>();
        Thread played = DemoInBackground.play("demo-test", LoggerFactory.getLogger(DemoInBackgroundTest.class),
                "the test scenario", () -> {
                    ranOn.set(Thread.currentThread().getName());
                    return 3;
                }, n -> n + " things played");
        played.join(10_000);
        assertThat(played.isDaemon()).isTrue();
        assertThat(ranOn.get()).isEqualTo("demo-test");

        Thread failed = DemoInBackground.play("demo-failing", LoggerFactory.getLogger(DemoInBackgroundTest.class),
                "the failing scenario", () -> {
                    throw new java.io.IOException("no disk");
                }, n -> "never");
        failed.join(10_000);
        assertThat(failed.isAlive()).isFalse();
    }
}
