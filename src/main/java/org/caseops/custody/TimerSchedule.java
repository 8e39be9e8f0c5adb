package org.caseops.custody;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.caseops.system.SingleInstance;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The server's custody clock: on in {@code serve} (the command sets it), off in other commands and in tests. With
 * several instances on one database, one of them checks the clocks each round ({@link SingleInstance}): the others
 * find the job's lock taken and skip it, so a clock never opens its task twice at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "caseops.custody.timers.scheduled", havingValue = "true")
class TimerSchedule {

    static final String JOB = "custody.timers";

    private final Timers timers;
    private final SingleInstance single;

    TimerSchedule(Timers timers, SingleInstance single) {
        this.timers = timers;
        this.single = single;
    }

    @Scheduled(fixedDelayString = "${caseops.custody.timer-minutes:15}", initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void check() {
        single.alone(JOB, () -> timers.check(Instant.now(), Timers.SYSTEM_ACTOR));
    }
}
