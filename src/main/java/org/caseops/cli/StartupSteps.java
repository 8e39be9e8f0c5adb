package org.caseops.cli;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.core.metrics.StartupStep;

/**
 * Where a start's time goes (issue 12, goal 6): with {@code CASEOPS_STARTUP_STEPS=N} (or
 * {@code -Dcaseops.startup-steps=N}) the application context records its start-up steps (Spring's
 * {@link BufferingApplicationStartup}: bean creation, configuration parsing, the context refresh) and logs the N
 * slowest once the application is ready, by their own time (the step less the steps inside it) and by their whole
 * time. Off by default: recording costs a little.
 */
final class StartupSteps {

    private static final Logger log = LoggerFactory.getLogger(StartupSteps.class);

    private StartupSteps() {
    }

    /** How many steps to log, 0 when recording is off. */
    static int wanted() {
        String value = System.getProperty("caseops.startup-steps", System.getenv("CASEOPS_STARTUP_STEPS"));
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 20;
        }
    }

    static void log(BufferingApplicationStartup startup, int n) {
        List<TimelineEvent> events = startup.getBufferedTimeline().getEvents();
        Map<Long, Duration> inner = new HashMap<>();
        for (TimelineEvent event : events) {
            Long parent = event.getStartupStep().getParentId();
            if (parent != null) {
                inner.merge(parent, event.getDuration(), Duration::plus);
            }
        }
        log.info("Start-up steps: {} recorded; the {} slowest by own time (ms own / whole):", events.size(), n);
        events.stream()
                .sorted(Comparator.comparing((TimelineEvent e) -> own(e, inner)).reversed())
                .limit(n)
                .forEach(e -> log.info("  {} / {}  {}", own(e, inner).toMillis(), e.getDuration().toMillis(),
                        describe(e.getStartupStep())));
    }

    private static Duration own(TimelineEvent event, Map<Long, Duration> inner) {
        Duration own = event.getDuration().minus(inner.getOrDefault(event.getStartupStep().getId(), Duration.ZERO));
        return own.isNegative() ? Duration.ZERO : own;
    }

    private static String describe(StartupStep step) {
        String tags = StreamSupport.stream(step.getTags().spliterator(), false)
                .map(t -> t.getKey() + "=" + t.getValue()).reduce((a, b) -> a + " " + b).orElse("");
        return step.getName() + (tags.isEmpty() ? "" : " " + (tags.length() > 160 ? tags.substring(0, 160) : tags));
    }
}
