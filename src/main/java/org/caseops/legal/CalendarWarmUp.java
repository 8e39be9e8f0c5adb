package org.caseops.legal;

import java.time.LocalDate;
import org.caseops.legal.rules.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The federal holiday calendar (jollyday, read from its XML) is loaded on first use, not while the application starts
 * (issue 12, goal 6: it took seconds of every start). Once the application is ready, this loads it on a background
 * thread, so that the first verdict a user asks for does not wait for it either. Readiness does not wait for it: the
 * gate answers without it, only the first answer would be slower.
 */
@Component
class CalendarWarmUp implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(CalendarWarmUp.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Thread thread = new Thread(() -> {
            try {
                BusinessCalendar.usFederal().isBusinessDay(LocalDate.now());
            } catch (RuntimeException e) {
                log.warn("Could not load the federal holiday calendar ahead of its first use: {}", e.toString());
            }
        }, "caseops-calendar-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }
}
