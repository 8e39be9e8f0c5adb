package org.caseops.custody;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The server's custody clock: on in {@code serve} (the command sets it), off in other commands and in tests. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "caseops.custody.timers.scheduled", havingValue = "true")
class TimerSchedule {

    private final Timers timers;

    TimerSchedule(Timers timers) {
        this.timers = timers;
    }

    @Scheduled(fixedDelayString = "${caseops.custody.timer-minutes:15}", initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void check() {
        timers.check(Instant.now(), Timers.SYSTEM_ACTOR);
    }
}
