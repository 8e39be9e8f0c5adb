package org.caseops.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The server's supervision sweeps (docs/supervision.md, "Scheduled sweeps"): on in {@code serve} (the command sets
 * {@code caseops.supervision.sweeps.scheduled}), off in other commands and in tests unless a test turns it on. Each
 * runs as of the day in UTC, every {@code caseops.supervision.sweep-minutes} (60; the ATD evaluation every
 * {@code caseops.supervision.atd-evaluation-minutes}, 360), on one instance at a time ({@link SupervisionSweeps}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "caseops.supervision.sweeps.scheduled", havingValue = "true")
class SupervisionSchedule {

    private final SupervisionSweeps sweeps;
    private final Clock clock = Clock.systemUTC();

    SupervisionSchedule(SupervisionSweeps sweeps) {
        this.sweeps = sweeps;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Scheduled(fixedDelayString = "${caseops.supervision.sweep-minutes:60}", initialDelay = 2,
            timeUnit = TimeUnit.MINUTES)
    void missedCheckIns() {
        sweeps.missedCheckIns(today());
    }

    @Scheduled(fixedDelayString = "${caseops.supervision.sweep-minutes:60}", initialDelay = 3,
            timeUnit = TimeUnit.MINUTES)
    void overstays() {
        sweeps.overstays(today());
    }

    @Scheduled(fixedDelayString = "${caseops.supervision.atd-evaluation-minutes:360}", initialDelay = 4,
            timeUnit = TimeUnit.MINUTES)
    void atdEvaluations() {
        sweeps.atdEvaluations(today());
    }
}
